package org.importdesk.app.cli;

import org.importdesk.mapping.ChangeLogEntry;
import org.importdesk.mapping.MappingContent;
import org.importdesk.mapping.MappingStore;
import org.importdesk.mapping.MappingValidationException;
import org.importdesk.mapping.ValidationFinding;
import org.importdesk.mapping.io.MomoSpreadsheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "mapping", mixinStandardHelpOptions = true,
        description = "The Modality Mapping Database: validate, import/export the MOMO sheet (.xlsx/.csv), change log, rollback.")
public final class MappingCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "ACTION", description = "validate, import, export, defaults (replace the content with the built-in defaults), log or rollback")
    String action;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ARG", description = "FILE for import/export, change id for rollback")
    String arg;

    @Option(names = "--user", defaultValue = "${sys:user.name}", description = "Who makes the change (change log).")
    String who;

    @Mixin
    MappingOptions mapping = new MappingOptions();

    @Override
    public Integer call() throws Exception {
        MappingStore store = mapping.store();
        try {
            switch (action) {
                case "validate" -> {
                    List<ValidationFinding> f = store.validate(store.load());
                    f.forEach(System.out::println);
                    System.out.println(f.stream().filter(x -> x.severity() == ValidationFinding.Severity.ERROR).count()
                            + " errors, " + f.stream().filter(x -> x.severity() == ValidationFinding.Severity.WARNING).count()
                            + " warnings");
                    return f.stream().anyMatch(x -> x.severity() == ValidationFinding.Severity.ERROR) ? 1 : 0;
                }
                case "import" -> {
                    if (arg == null) {
                        return usage("import needs a FILE");
                    }
                    MomoSpreadsheet.ImportResult r = MomoSpreadsheet.toContent(store.load(), MomoSpreadsheet.read(Path.of(arg)));
                    r.findings().forEach(System.out::println);
                    List<ValidationFinding> f = store.save(r.content(), who);
                    System.out.println("imported " + r.content().classes().size() + " classes, "
                            + r.content().keywords().size() + " keywords (" + f.size() + " findings)");
                    return 0;
                }
                case "defaults" -> {
                    // brings a database up to this version's default content; every row change is logged
                    List<ValidationFinding> f = store.save(org.importdesk.mapping.defaults.DefaultContent.load(), who);
                    System.out.println("default content written (" + f.size() + " warnings)");
                    return 0;
                }
                case "export" -> {
                    if (arg == null) {
                        return usage("export needs a FILE (.xlsx or .csv)");
                    }
                    MappingContent c = store.load();
                    MomoSpreadsheet.write(Path.of(arg), MomoSpreadsheet.rows(c));
                    System.out.println("exported " + c.classes().size() + " classes to " + arg);
                    return 0;
                }
                case "log" -> {
                    System.out.println("id\tchanged_at\tchanged_by\ttable\trow_key\told\tnew");
                    for (ChangeLogEntry e : store.changes()) {
                        System.out.println(e.id() + "\t" + e.changedAt() + "\t" + e.changedBy() + "\t" + e.table() + "\t"
                                + e.rowKey().replace('\t', ' ') + "\t" + e.oldValue().orElse("").replace('\t', ' ')
                                + "\t" + e.newValue().orElse("").replace('\t', ' '));
                    }
                    return 0;
                }
                case "rollback" -> {
                    if (arg == null) {
                        return usage("rollback needs a change id");
                    }
                    store.rollback(Long.parseLong(arg), who);
                    System.out.println("change " + arg + " rolled back");
                    return 0;
                }
                default -> {
                    return usage("unknown action " + action);
                }
            }
        } catch (MappingValidationException | IllegalStateException | IllegalArgumentException e) {
            System.err.println("mapping: " + e.getMessage());
            return 1;
        }
    }

    private static int usage(String message) {
        System.err.println("mapping: " + message);
        return 2;
    }
}
