package org.importdesk.engine.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The keys of site.properties and user.properties, with their scope. PACS and worklist nodes form groups: when the
 * site file defines any {@code pacs.*} key, all of the user file's {@code pacs.*} keys are ignored, so that lists
 * never mix.
 */
public final class SettingKeys {
    public static final String STATION_AET = "station.aet";
    public static final String PACS_DEFAULT = "pacs.default";
    public static final String TEAM_LEADS = "roles.teamLeads";
    public static final String TEAM_LEAD_PIN_HASH = "roles.teamLeadPinHash";
    public static final String LANGUAGE = "language";
    public static final String AUTOSEND_ENABLED = "autosend.enabled";
    public static final String AUTOSEND_MIN_CONFIDENCE = "autosend.minConfidence";
    public static final String DATABASE_URL = "database.url";
    public static final String LOCAL_ARCHIVE = "archive.local.dir";
    public static final String INFERENCE_DEVICE = "inference.device";
    /** PKCS#12 file with our certificate and private key for TLS client authentication */
    public static final String TLS_KEY_STORE = "tls.keyStore";
    public static final String TLS_KEY_STORE_PASSWORD = "tls.keyStorePassword";
    /** PKCS#12 file with the certificates of the TLS peers we trust (default: the JVM's trust store) */
    public static final String TLS_TRUST_STORE = "tls.trustStore";
    public static final String TLS_TRUST_STORE_PASSWORD = "tls.trustStorePassword";
    /** port of our listener for storage commitment reports; unset: no storage commitment from the workstation */
    public static final String COMMITMENT_PORT = "commitment.port";
    /** seconds to wait for the storage commitment report */
    public static final String COMMITMENT_WAIT = "commitment.waitSeconds";

    /** {@code pacs.<name>}, {@code pacs.<name>.tls}, {@code worklist.<name>}, {@code worklist.<name>.tls}. */
    static final Pattern NODE_KEY = Pattern.compile("(pacs|worklist)\\.([A-Za-z0-9_-]+)(\\.tls)?");

    private static final Map<String, SettingScope> FIXED = new LinkedHashMap<>();

    static {
        FIXED.put(STATION_AET, SettingScope.SITE_FIRST);
        FIXED.put(PACS_DEFAULT, SettingScope.SITE_FIRST);
        FIXED.put(TEAM_LEADS, SettingScope.SITE_ONLY);
        FIXED.put(TEAM_LEAD_PIN_HASH, SettingScope.SITE_ONLY);
        FIXED.put(LANGUAGE, SettingScope.USER);
        FIXED.put(AUTOSEND_ENABLED, SettingScope.SITE_ONLY);
        FIXED.put(AUTOSEND_MIN_CONFIDENCE, SettingScope.SITE_ONLY);
        FIXED.put(DATABASE_URL, SettingScope.SITE_FIRST);
        FIXED.put(LOCAL_ARCHIVE, SettingScope.SITE_FIRST);
        FIXED.put(INFERENCE_DEVICE, SettingScope.SITE_FIRST);
        FIXED.put(TLS_KEY_STORE, SettingScope.SITE_FIRST);
        FIXED.put(TLS_KEY_STORE_PASSWORD, SettingScope.SITE_FIRST);
        FIXED.put(TLS_TRUST_STORE, SettingScope.SITE_FIRST);
        FIXED.put(TLS_TRUST_STORE_PASSWORD, SettingScope.SITE_FIRST);
        FIXED.put(COMMITMENT_PORT, SettingScope.SITE_FIRST);
        FIXED.put(COMMITMENT_WAIT, SettingScope.SITE_FIRST);
    }

    private SettingKeys() {
    }

    /** The scope of a key, or empty for a key ImportDesk does not know (a typo). */
    public static Optional<SettingScope> scopeOf(String key) {
        if (FIXED.containsKey(key)) {
            return Optional.of(FIXED.get(key));
        }
        return NODE_KEY.matcher(key).matches() ? Optional.of(SettingScope.SITE_FIRST) : Optional.empty();
    }

    /**
     * The group a key belongs to for layering: "pacs" for every pacs.* key, "worklist" and "tls" likewise (a key store
     * never pairs with the other file's password), else the key itself.
     */
    static String groupOf(String key) {
        if (key.startsWith("tls.")) {
            return "tls";
        }
        if (key.startsWith("pacs.")) {
            return "pacs";
        }
        if (key.startsWith("worklist.")) {
            return "worklist";
        }
        return key;
    }

    /** Keys whose values are secrets: shown masked. */
    public static boolean isSecret(String key) {
        return key.endsWith("Password");
    }

    public static Iterable<String> fixedKeys() {
        return FIXED.keySet();
    }
}
