package org.importdesk.send;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Key pairs and trust stores made in a test's folder with the JDK's keytool (no private key is ever committed). */
final class TestCertificates {
    /** Password of every store and key made here. */
    static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /**
     * An EC key pair with a self-signed certificate in {@code dir/alias.p12}; {@code san} (keytool's -ext value) and
     * {@code startDate} (keytool's -startdate, e.g. "-10d") may be null.
     */
    static void keyPair(Path dir, String alias, String dname, String san, String startDate, int validityDays)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(), "-genkeypair",
                "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname,
                "-validity", Integer.toString(validityDays), "-storetype", "PKCS12",
                "-keystore", dir.resolve(alias + ".p12").toString(), "-storepass", PASSWORD, "-keypass", PASSWORD));
        if (san != null) {
            cmd.addAll(List.of("-ext", san));
        }
        if (startDate != null) {
            cmd.addAll(List.of("-startdate", startDate));
        }
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }

    /** A PKCS#12 store {@code dir/name} holding only the certificates of those key pairs. */
    static void trustStore(Path dir, String name, String... aliases) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (String a : aliases) {
            KeyStore keys = KeyStore.getInstance(dir.resolve(a + ".p12").toFile(), PASSWORD.toCharArray());
            trust.setCertificateEntry(a, keys.getCertificate(a));
        }
        try (OutputStream o = Files.newOutputStream(dir.resolve(name))) {
            trust.store(o, PASSWORD.toCharArray());
        }
    }
}
