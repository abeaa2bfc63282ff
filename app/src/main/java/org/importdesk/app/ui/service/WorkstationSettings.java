package org.importdesk.app.ui.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * This workstation's settings (a properties file): PACS and worklist nodes, model device, language, auto-send
 * policy, and who may edit the mapping (team-lead user names, or a PIN stored as a salted SHA-256).
 */
public final class WorkstationSettings {

    public static final String PACS = "pacs.node";
    public static final String WORKLIST = "worklist.node";
    public static final String DEVICE = "models.device";
    public static final String MODELS = "models.directory";
    public static final String LANGUAGE = "ui.language";
    public static final String AUTO_SEND = "autosend.min_confidence";
    public static final String TEAM_LEADS = "teamlead.users";
    public static final String PIN_HASH = "teamlead.pin_sha256";

    private final Path file;
    private final Properties values = new Properties();

    public WorkstationSettings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("cannot read settings " + file + ": " + e.getMessage(), e);
            }
        }
    }

    public synchronized String get(String key, String fallback) {
        return values.getProperty(key, fallback);
    }

    public synchronized void set(String key, String value) {
        values.setProperty(key, value == null ? "" : value);
    }

    public synchronized void save() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            values.store(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), "ImportDesk workstation settings");
        }
    }

    public List<String> teamLeads() {
        return Arrays.stream(get(TEAM_LEADS, "").split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    /** Whether {@code user} is a configured team lead. */
    public boolean isTeamLead(String user) {
        return teamLeads().stream().anyMatch(u -> u.equalsIgnoreCase(user));
    }

    public void setPin(String pin) {
        set(PIN_HASH, hash(pin));
    }

    /** Whether the PIN is the configured team-lead PIN (false when none is configured). */
    public boolean pinMatches(String pin) {
        String stored = get(PIN_HASH, "");
        return !stored.isEmpty() && pin != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                hash(pin).getBytes(StandardCharsets.US_ASCII));
    }

    private static String hash(String pin) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(d.digest(("importdesk-teamlead:" + pin).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public double autoSendConfidence() {
        try {
            return Double.parseDouble(get(AUTO_SEND, "1.01"));
        } catch (NumberFormatException e) {
            return 1.01;
        }
    }

    public String language() {
        return get(LANGUAGE, Locale.getDefault().getLanguage());
    }
}
