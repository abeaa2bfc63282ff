package org.importdesk.app;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The workstation is usually started from a menu, where standard error goes nowhere: copy it (and so the slf4j-simple
 * log) into {@code importdesk.log} in the user's log folder. One previous file is kept once it passes 10 MB.
 */
final class GuiLogFile {
    static final long ROTATE_BYTES = 10_000_000;

    private GuiLogFile() {
    }

    static Path teeStandardError(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        Path log = logDir.resolve("importdesk.log");
        if (Files.exists(log) && Files.size(log) > ROTATE_BYTES) {
            Files.move(log, logDir.resolve("importdesk.log.1"), StandardCopyOption.REPLACE_EXISTING);
        }
        OutputStream file = new FileOutputStream(log.toFile(), true);
        PrintStream console = System.err;
        System.setErr(new PrintStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                console.write(b);
                file.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                console.write(b, off, len);
                file.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
                console.flush();
                file.flush();
            }
        }, true, StandardCharsets.UTF_8));
        if (System.getProperty("org.slf4j.simpleLogger.showDateTime") == null) {
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd HH:mm:ss.SSS");
        }
        return log;
    }
}
