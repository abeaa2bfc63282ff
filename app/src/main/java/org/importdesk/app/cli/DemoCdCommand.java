package org.importdesk.app.cli;

import org.importdesk.engine.demo.DemoMedium;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "demo-cd", mixinStandardHelpOptions = true,
        description = "Write the demo patient medium (DICOMDIR, several patients, CT/MR/CR/US, one broken file) into DIR.")
public final class DemoCdCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", description = "an empty or new folder")
    Path dir;

    @Option(names = "--many-series", paramLabel = "N", description = "also add a patient with one MR study of N series")
    int manySeries;

    @Override
    public Integer call() {
        try {
            DemoMedium.Summary s = DemoMedium.write(dir, new DemoMedium.Options(manySeries, DemoMedium.Options.standard().seed()));
            System.out.printf("demo medium written to %s: %d patients, %d studies, %d series, %d instances, %d broken file(s)%n",
                    s.root(), s.patients(), s.studies(), s.series(), s.instances(), s.brokenFiles().size());
            return 0;
        } catch (IOException e) {
            System.err.println("demo-cd: " + e.getMessage());
            return 1;
        }
    }
}
