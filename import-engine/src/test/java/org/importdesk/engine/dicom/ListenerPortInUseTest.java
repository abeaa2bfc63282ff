package org.importdesk.engine.dicom;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The storage commitment listener's port is taken (another program, or a second workstation window): the error names
 * the port and what it was for, and the socket that could not be bound is closed, not left to the garbage collector
 * (the workstation opens a listener for every send).
 */
class ListenerPortInUseTest {

    @Test
    void aPortInUseIsNamedAndLeaksNoSocket() throws Exception {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "/proc/self/fd absent: open sockets cannot be counted here");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> LocalArchiveScp.commitmentListener("IMPORTDESK", InetAddress.getLoopbackAddress(),
                    port)).isInstanceOf(IOException.class).hasMessageContaining(Integer.toString(port))
                    .hasMessageContaining("storage commitment");
            long before = count(fds);
            for (int i = 0; i < 30; i++) {
                try {
                    LocalArchiveScp.commitmentListener("IMPORTDESK", InetAddress.getLoopbackAddress(), port);
                } catch (IOException expected) {
                    // the port is taken
                }
            }
            assertThat(count(fds)).as("open file descriptors after 30 failed listeners").isLessThan(before + 5);
        }
    }

    private static long count(Path fds) throws IOException {
        try (Stream<Path> s = Files.list(fds)) {
            return s.count();
        }
    }
}
