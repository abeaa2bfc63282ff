package org.importdesk.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GuiLogFileTest {
    @Test
    void standardErrorIsAppendedToTheLogFileAndABigFileIsRotated(@TempDir Path logs) throws Exception {
        PrintStream original = System.err;
        try {
            Files.createDirectories(logs);
            Files.write(logs.resolve("importdesk.log"), new byte[(int) GuiLogFile.ROTATE_BYTES + 1]);
            Path log = GuiLogFile.teeStandardError(logs);
            System.err.println("hello from the workstation");
            assertThat(Files.readString(log)).isEqualTo("hello from the workstation" + System.lineSeparator());
            assertThat(Files.size(logs.resolve("importdesk.log.1"))).isEqualTo(GuiLogFile.ROTATE_BYTES + 1);
        } finally {
            System.setErr(original);
        }
    }
}
