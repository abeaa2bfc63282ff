package org.importdesk.mapping;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same schema and behaviour on a real PostgreSQL server that the test starts itself (Debian postgresql 15, on a
 * temporary cluster and an unusual loopback port); skipped when no server can be started here.
 */
class PostgresMappingStoreTest {

    private static final Path BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static Path cluster;
    private static int port;
    private static boolean started;
    private static String whyNot = "";

    @BeforeAll
    static void startServer() throws Exception {
        if (!Files.isExecutable(BIN.resolve("initdb"))) {
            whyNot = "PostgreSQL 15 binaries not installed at " + BIN;
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        cluster = Files.createTempDirectory("importdesk-pg");
        Path data = cluster.resolve("data");
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        if (root && run(List.of("chown", "-R", "postgres", cluster.toString())) != 0) {
            whyNot = "cannot hand the temporary cluster to the postgres user";
            return;
        }
        if (run(asPostgres(root, BIN.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--auth=trust", "-E", "UTF8", "--no-sync")) != 0) {
            whyNot = "initdb failed";
            return;
        }
        if (run(asPostgres(root, BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-w", "-t", "60", "-l",
                cluster.resolve("log").toString(), "-o", "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start")) != 0) {
            whyNot = "pg_ctl start failed (see " + cluster.resolve("log") + ")";
            return;
        }
        started = true;
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (started) {
            boolean root = "root".equals(System.getProperty("user.name"));
            run(asPostgres(root, BIN.resolve("pg_ctl").toString(), "-D", cluster.resolve("data").toString(), "-m",
                    "immediate", "-w", "stop"));
        }
        if (cluster != null) {
            try (Stream<Path> w = Files.walk(cluster)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void schemaDefaultContentChangeLogAndRollbackWorkOnPostgresql() {
        assumeTrue(started, "PostgreSQL test server not started: " + whyNot);
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        MappingStore desk1 = MappingStore.open(url, "postgres", "");
        MappingContent c = desk1.load();
        assertThat(c.classes()).hasSize(76);
        assertThat(c.keywords().size()).isGreaterThan(2000);

        List<Keyword> kws = new ArrayList<>(c.keywords());
        kws.add(new Keyword("MRS", "hirnschaedel", "de", Keyword.Scope.BOTH));
        desk1.save(c.withKeywords(kws), "alice");
        // a second import desk on the same server sees the change and its log entry
        MappingStore desk2 = MappingStore.open(url, "postgres", "");
        assertThat(desk2.load().keywords()).contains(new Keyword("MRS", "hirnschaedel", "de", Keyword.Scope.BOTH));
        ChangeLogEntry last = desk2.changes().get(desk2.changes().size() - 1);
        assertThat(last.changedBy()).isEqualTo("alice");
        assertThat(last.newValue()).hasValueSatisfying(v -> assertThat(v).contains("hirnschaedel"));
        desk2.rollback(last.id(), "bob");
        assertThat(desk1.load().keywords()).doesNotContain(new Keyword("MRS", "hirnschaedel", "de", Keyword.Scope.BOTH));
    }

    private static List<String> asPostgres(boolean root, String... cmd) {
        List<String> out = new ArrayList<>();
        if (root) {
            out.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        out.addAll(List.of(cmd));
        return out;
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
