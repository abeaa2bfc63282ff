package org.importdesk.app.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The `config` and `--version` commands against a throw-away home and site file. */
class ConfigCommandTest {
    @TempDir
    Path tmp;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void isolate() {
        System.setProperty("importdesk.home", tmp.resolve("home").toString());
        System.setProperty("importdesk.site.config", tmp.resolve("etc/site.properties").toString());
        System.setProperty("importdesk.models", tmp.resolve("models").toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty("importdesk.home");
        System.clearProperty("importdesk.site.config");
        System.clearProperty("importdesk.models");
    }

    private int run(String... args) {
        return new CommandLine(new ImportDeskCommand()).setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true)).execute(args);
    }

    @Test
    void showReportsAFirstRunWithTheEmbeddedDefaults() {
        assertThat(run("config", "show")).isZero();
        assertThat(out.toString()).contains("first run").contains("local archive " + tmp.resolve("home/data/archive"))
                .containsPattern("database.url\\s+= jdbc:h2:file:" + tmp.resolve("home/data/db/importdesk") + "\\s+\\[default]");
    }

    @Test
    void showNeverPrintsTlsPasswords() throws Exception {
        Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(tmp.resolve("etc/site.properties"), "tls.keyStore=/etc/importdesk/desk1.p12\n"
                + "tls.keyStorePassword=k3y-s3cret\ntls.trustStore=/etc/importdesk/ca.p12\ntls.trustStorePassword=tru5t\n");
        assertThat(run("config", "show")).isZero();
        assertThat(out.toString()).doesNotContain("k3y-s3cret").doesNotContain("tru5t")
                .containsPattern("tls.keyStorePassword\\s+= \\(set\\)\\s+\\[site]")
                .containsPattern("tls.keyStore\\s+= /etc/importdesk/desk1.p12\\s+\\[site]");
    }

    @Test
    void showNamesTheSiteAsSourceAndFailsOnAnInvalidFile() throws Exception {
        Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(tmp.resolve("etc/site.properties"), "pacs.main=PACS@pacs:104\ninference.device=GPU\n");
        assertThat(run("config", "show")).isZero();
        assertThat(out.toString()).doesNotContain("first run").contains("sends to:    main PACS@pacs:104")
                .containsPattern("inference.device\\s+= GPU\\s+\\[site]");
        Files.writeString(tmp.resolve("etc/site.properties"), "pacs.main=PACS@pacs\n");
        assertThat(run("config", "show")).isEqualTo(1);
        assertThat(err.toString()).contains("pacs.main: 'PACS@pacs': is not AET@host:port (port missing)");
    }

    @Test
    void initCreatesTheUserFileOnce() {
        assertThat(run("config", "init")).isZero();
        assertThat(tmp.resolve("home/config/user.properties")).exists();
        assertThat(run("config", "init")).isZero();
        assertThat(out.toString()).contains("exists, left unchanged");
    }

    @Test
    void setWritesUserKeysAndRefusesPoliciesAndBadValues() throws Exception {
        assertThat(run("config", "set", "pacs.home=HOME@127.0.0.1:4242", "language=de")).isZero();
        assertThat(Files.readString(tmp.resolve("home/config/user.properties"))).contains("pacs.home=HOME@127.0.0.1:4242")
                .contains("language=de");
        assertThat(run("config", "set", "autosend.enabled=true")).isEqualTo(1);
        assertThat(run("config", "set", "pacs.home=nonsense")).isEqualTo(1);
        assertThat(err.toString()).contains("only the site file").contains("pacs.home: 'nonsense'");
        assertThat(run("config", "set", "novalue")).isEqualTo(2);
        assertThat(run("config", "show")).isZero();
        assertThat(out.toString()).contains("sends to:    home HOME@127.0.0.1:4242");
    }

    @Test
    void versionListsApplicationModelsAndInferenceDevice() throws Exception {
        Files.createDirectories(tmp.resolve("models/momo"));
        Files.copy(Path.of(System.getProperty("importdesk.root", "..")).resolve("models/ct-mednist-demo/manifest.json"),
                tmp.resolve("models/momo/manifest.json"));
        // a manifest that misses required fields is listed as unreadable, never a crash
        Files.createDirectories(tmp.resolve("models/half"));
        Files.writeString(tmp.resolve("models/half/manifest.json"), "{\"formatVersion\": 1, \"name\": \"half\", "
                + "\"weightsSha256\": \"0123456789abcdef\"}");
        Files.createDirectories(tmp.resolve("etc"));
        Files.writeString(tmp.resolve("etc/site.properties"), "inference.device=GPU\n");
        assertThat(run("--version")).as("stderr: %s", err).isZero();
        assertThat(out.toString()).startsWith("ImportDesk ").doesNotContain("ImportDesk unknown")
                .contains("ct-mednist-demo  CT [CTAB, CTT, CTS]  compact-cnn-v1").contains("half  unreadable manifest").contains("Inference: GPU (site setting)");
    }
}
