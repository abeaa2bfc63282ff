package org.importdesk.engine.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads the settings in three layers, lowest first:
 * <ol>
 *   <li>the built-in defaults ({@link #DEFAULTS}): embedded H2 file database and a local archive in the user's data
 *   folder, CPU inference, English, no auto-send;</li>
 *   <li>the site file an administrator deploys ({@link ConfigLocations#siteFile()}), which overrides the defaults;</li>
 *   <li>the user's file ({@link ConfigLocations#userFile()}), as far as each key's {@link SettingScope} allows:
 *   {@code USER} keys win over the site, {@code SITE_FIRST} keys only fill in what the site file leaves unset
 *   (PACS and worklist nodes as whole groups), {@code SITE_ONLY} keys are ignored with a warning.</li>
 * </ol>
 * Values may use {@code ${data}}, {@code ${config}}, {@code ${cache}}, {@code ${logs}} and {@code ${home}} for the
 * user's directories. Unknown keys are errors (a misspelt key must not be silently ignored). All problems are
 * collected and reported together in an {@link InvalidConfigurationException}.
 */
public final class ConfigurationLoader {
    /** The built-in defaults; placeholders are resolved per user. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(SettingKeys.STATION_AET, "IMPORTDESK");
        d.put(SettingKeys.LANGUAGE, "en");
        d.put(SettingKeys.AUTOSEND_ENABLED, "false");
        d.put(SettingKeys.AUTOSEND_MIN_CONFIDENCE, "0.95");
        d.put(SettingKeys.DATABASE_URL, "jdbc:h2:file:${data}/db/importdesk");
        d.put(SettingKeys.LOCAL_ARCHIVE, "${data}/archive");
        d.put(SettingKeys.INFERENCE_DEVICE, "CPU");
        d.put(SettingKeys.COMMITMENT_WAIT, "60");
        DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");
    private static final String BUILT_IN = "built-in defaults";

    private ConfigurationLoader() {
    }

    /** Reads the site and user files named by the locations (each may be absent) and layers them. */
    public static LoadedConfiguration load(ConfigLocations locations) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Map<String, String>> site = read(locations.siteFile(), problems);
        Optional<Map<String, String>> user = read(locations.userFile(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return layer(locations, site, user);
    }

    public static LoadedConfiguration loadForCurrentUser() {
        return load(ConfigLocations.forCurrentUser());
    }

    /** Layers already-read site and user entries (absent = the file does not exist). */
    public static LoadedConfiguration layer(ConfigLocations locations, Optional<Map<String, String>> site,
                                            Optional<Map<String, String>> user) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String siteName = locations.siteFile().toString();
        String userName = locations.userFile().toString();
        Map<String, EffectiveValue> effective = new TreeMap<>();
        DEFAULTS.forEach((k, v) -> effective.put(k, new EffectiveValue(k, v, SettingSource.DEFAULT)));

        Set<String> siteGroups = new HashSet<>();
        for (Map.Entry<String, String> e : new TreeMap<>(site.orElse(Map.of())).entrySet()) {
            if (SettingKeys.scopeOf(e.getKey()).isEmpty()) {
                problems.add(new ConfigProblem(siteName, e.getKey(), "unknown setting" + suggestion(e.getKey())));
                continue;
            }
            siteGroups.add(SettingKeys.groupOf(e.getKey()));
            effective.put(e.getKey(), new EffectiveValue(e.getKey(), e.getValue().trim(), SettingSource.SITE));
        }
        for (Map.Entry<String, String> e : new TreeMap<>(user.orElse(Map.of())).entrySet()) {
            String key = e.getKey();
            Optional<SettingScope> scope = SettingKeys.scopeOf(key);
            if (scope.isEmpty()) {
                problems.add(new ConfigProblem(userName, key, "unknown setting" + suggestion(key)));
                continue;
            }
            switch (scope.get()) {
                case USER -> effective.put(key, new EffectiveValue(key, e.getValue().trim(), SettingSource.USER));
                case SITE_ONLY -> warnings.add(userName + ": " + key + " ignored: only the site file ("
                        + siteName + ") may set it");
                case SITE_FIRST -> {
                    String group = SettingKeys.groupOf(key);
                    if (siteGroups.contains(group)) {
                        warnings.add(userName + ": " + key + " ignored: the site file sets "
                                + (group.equals(key) ? "it" : "the " + group + " nodes"));
                    } else {
                        effective.put(key, new EffectiveValue(key, e.getValue().trim(), SettingSource.USER));
                    }
                }
            }
        }

        Function<EffectiveValue, String> where = v -> switch (v.source()) {
            case DEFAULT -> BUILT_IN;
            case SITE -> siteName;
            case USER -> userName;
        };
        Map<String, EffectiveValue> resolved = new TreeMap<>();
        for (EffectiveValue v : effective.values()) {
            try {
                resolved.put(v.key(), new EffectiveValue(v.key(), substitute(v.value(), locations.directories()), v.source()));
            } catch (IllegalArgumentException ex) {
                problems.add(new ConfigProblem(where.apply(v), v.key(), ex.getMessage()));
            }
        }
        ImportDeskSettings settings = problems.isEmpty() ? build(resolved, where, problems) : null;
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return new LoadedConfiguration(settings, locations, site.isPresent(), user.isPresent(), resolved, warnings);
    }

    private static ImportDeskSettings build(Map<String, EffectiveValue> v, Function<EffectiveValue, String> where,
                                            List<ConfigProblem> problems) {
        Parser p = new Parser(v, where, problems);
        String aet = p.parse(SettingKeys.STATION_AET, DicomNode::requireAeTitle);
        List<DicomNode> pacs = p.nodes("pacs");
        List<DicomNode> worklists = p.nodes("worklist");
        String defaultPacs = p.raw(SettingKeys.PACS_DEFAULT);
        if (defaultPacs != null && pacs != null) {
            Optional<DicomNode> first = pacs.stream().filter(n -> n.name().equals(defaultPacs)).findFirst();
            if (first.isEmpty()) {
                p.problem(SettingKeys.PACS_DEFAULT, "names '" + defaultPacs + "' but there is no pacs." + defaultPacs);
            } else {
                List<DicomNode> ordered = new ArrayList<>(pacs);
                ordered.remove(first.get());
                ordered.add(0, first.get());
                pacs = ordered;
            }
        }
        Set<String> leads = new TreeSet<>();
        String leadsText = p.raw(SettingKeys.TEAM_LEADS);
        if (leadsText != null) {
            Arrays.stream(leadsText.split("[,\\s]+")).filter(s -> !s.isBlank()).forEach(leads::add);
        }
        PinHash pin = p.raw(SettingKeys.TEAM_LEAD_PIN_HASH) == null ? null
                : p.parse(SettingKeys.TEAM_LEAD_PIN_HASH, PinHash::parse);
        Locale language = p.parse(SettingKeys.LANGUAGE, ConfigurationLoader::language);
        Boolean autoSend = p.parse(SettingKeys.AUTOSEND_ENABLED, ConfigurationLoader::bool);
        Double minimum = p.parse(SettingKeys.AUTOSEND_MIN_CONFIDENCE, ConfigurationLoader::confidence);
        String databaseUrl = p.parse(SettingKeys.DATABASE_URL, ConfigurationLoader::jdbcUrl);
        Path archive = p.parse(SettingKeys.LOCAL_ARCHIVE, ConfigurationLoader::path);
        InferenceDevice device = p.parse(SettingKeys.INFERENCE_DEVICE, InferenceDevice::parse);
        TlsSettings tls = tls(p);
        Integer commitmentPort = p.raw(SettingKeys.COMMITMENT_PORT) == null ? null
                : p.parse(SettingKeys.COMMITMENT_PORT, ConfigurationLoader::port);
        Integer commitmentWait = p.parse(SettingKeys.COMMITMENT_WAIT, ConfigurationLoader::seconds);
        if (!problems.isEmpty()) {
            return null;
        }
        StorageCommitmentSettings commitment = new StorageCommitmentSettings(commitmentPort == null
                ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(commitmentPort),
                java.time.Duration.ofSeconds(commitmentWait));
        return new ImportDeskSettings(aet, pacs, worklists, new Roles(leads, Optional.ofNullable(pin)), language,
                new AutoSendPolicy(autoSend, minimum), databaseUrl, archive, device, tls, commitment);
    }

    static int port(String text) {
        int p = integer(text);
        if (p < 1 || p > 65535) {
            throw new IllegalArgumentException("is outside 1..65535");
        }
        return p;
    }

    static int seconds(String text) {
        int s = integer(text);
        if (s < 1 || s > 3600) {
            throw new IllegalArgumentException("must be between 1 and 3600 seconds");
        }
        return s;
    }

    private static int integer(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a whole number");
        }
    }

    /** A store needs its password; a password needs its store. The files themselves are checked when used. */
    private static TlsSettings tls(Parser p) {
        Optional<Path> keyStore = Optional.ofNullable(p.raw(SettingKeys.TLS_KEY_STORE) == null ? null
                : p.parse(SettingKeys.TLS_KEY_STORE, ConfigurationLoader::path));
        Optional<Path> trustStore = Optional.ofNullable(p.raw(SettingKeys.TLS_TRUST_STORE) == null ? null
                : p.parse(SettingKeys.TLS_TRUST_STORE, ConfigurationLoader::path));
        String keyPassword = p.raw(SettingKeys.TLS_KEY_STORE_PASSWORD);
        String trustPassword = p.raw(SettingKeys.TLS_TRUST_STORE_PASSWORD);
        pair(p, SettingKeys.TLS_KEY_STORE, SettingKeys.TLS_KEY_STORE_PASSWORD);
        pair(p, SettingKeys.TLS_TRUST_STORE, SettingKeys.TLS_TRUST_STORE_PASSWORD);
        return new TlsSettings(keyStore, keyPassword, trustStore, trustPassword);
    }

    private static void pair(Parser p, String store, String password) {
        if (p.raw(store) != null && p.raw(password) == null) {
            p.problem(store, "is set but " + password + " is missing (PKCS#12 stores need a password)");
        } else if (p.raw(store) == null && p.raw(password) != null) {
            p.problem(password, "is set but " + store + " is missing");
        }
    }

    /** Parses values and records a problem, naming the file the value came from, instead of throwing. */
    private record Parser(Map<String, EffectiveValue> values, Function<EffectiveValue, String> where,
                          List<ConfigProblem> problems) {
        String raw(String key) {
            EffectiveValue v = values.get(key);
            return v == null ? null : v.value();
        }

        <T> T parse(String key, Function<String, T> parser) {
            EffectiveValue v = values.get(key);
            try {
                return parser.apply(v.value());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(where.apply(v), key, "'" + v.value() + "': " + e.getMessage()));
                return null;
            }
        }

        void problem(String key, String message) {
            problems.add(new ConfigProblem(where.apply(values.get(key)), key, message));
        }

        List<DicomNode> nodes(String kind) {
            Map<String, String> addresses = new TreeMap<>();
            Map<String, Boolean> tls = new TreeMap<>();
            for (EffectiveValue v : values.values()) {
                Matcher m = SettingKeys.NODE_KEY.matcher(v.key());
                if (!m.matches() || !m.group(1).equals(kind) || v.key().equals(SettingKeys.PACS_DEFAULT)) {
                    continue;
                }
                if (m.group(3) == null) {
                    addresses.put(m.group(2), v.value());
                } else {
                    Boolean flag = parse(v.key(), ConfigurationLoader::bool);
                    tls.put(m.group(2), flag != null && flag);
                }
            }
            for (String name : tls.keySet()) {
                if (!addresses.containsKey(name)) {
                    problem(kind + "." + name + ".tls", "is set but " + kind + "." + name + " (AET@host:port) is missing");
                }
            }
            List<DicomNode> nodes = new ArrayList<>();
            addresses.forEach((name, spec) -> {
                DicomNode node = parse(kind + "." + name, s -> DicomNode.parse(name, s, tls.getOrDefault(name, false)));
                if (node != null) {
                    nodes.add(node);
                }
            });
            return nodes;
        }
    }

    static String substitute(String value, AppDirectories dirs) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Path replacement = switch (m.group(1)) {
                case "data" -> dirs.data();
                case "config" -> dirs.config();
                case "cache" -> dirs.cache();
                case "logs" -> dirs.logs();
                case "home" -> Environment.current().userHome();
                default -> throw new IllegalArgumentException("unknown placeholder ${" + m.group(1)
                        + "} (known: ${data}, ${config}, ${cache}, ${logs}, ${home})");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    static boolean bool(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("is not true or false");
        };
    }

    static double confidence(String text) {
        double d;
        try {
            d = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a number");
        }
        if (Double.isNaN(d) || d < 0 || d > 1) {
            throw new IllegalArgumentException("must be between 0 and 1");
        }
        return d;
    }

    static Locale language(String tag) {
        Locale locale = Locale.forLanguageTag(tag.trim().replace('_', '-'));
        if (locale.getLanguage().isEmpty() || !Set.of(Locale.getISOLanguages()).contains(locale.getLanguage())) {
            throw new IllegalArgumentException("is not a language tag such as en, de or fr-CH");
        }
        return locale;
    }

    static String jdbcUrl(String url) {
        if (!url.startsWith("jdbc:") || url.length() <= "jdbc:".length()) {
            throw new IllegalArgumentException("is not a JDBC URL (jdbc:h2:file:... or jdbc:h2:tcp://host/...)");
        }
        return url;
    }

    static Path path(String text) {
        try {
            Path p = Path.of(text.trim());
            if (!p.isAbsolute()) {
                throw new IllegalArgumentException("is not an absolute path");
            }
            return p;
        } catch (java.nio.file.InvalidPathException e) {
            throw new IllegalArgumentException("is not a valid path: " + e.getReason());
        }
    }

    private static String suggestion(String key) {
        String best = null;
        int bestDistance = 4;
        for (String known : SettingKeys.fixedKeys()) {
            int d = distance(key.toLowerCase(Locale.ROOT), known.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static Optional<Map<String, String>> read(Path file, List<ConfigProblem> problems) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(new ConfigProblem(file.toString(), "(file)", "exists but is not a readable file"));
            return Optional.empty();
        }
        java.util.Properties props = new java.util.Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            problems.add(new ConfigProblem(file.toString(), "(file)", "cannot be read as UTF-8 properties: " + e.getMessage()));
            return Optional.empty();
        }
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k)));
        return Optional.of(map);
    }

    /** Reads a properties file the same way {@link #load} does; absent when the file does not exist. */
    static Optional<Map<String, String>> readFile(Path file) {
        List<ConfigProblem> problems = new ArrayList<>();
        Optional<Map<String, String>> map = read(file, problems);
        if (!problems.isEmpty()) {
            throw new InvalidConfigurationException(problems);
        }
        return map;
    }
}
