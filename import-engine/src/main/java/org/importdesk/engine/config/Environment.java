package org.importdesk.engine.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the directory and file locations depend on: the platform, the environment variables, the system properties
 * and the user's home. A value so that tests can describe any machine without touching the real one.
 */
public record Environment(OperatingSystem os, Map<String, String> variables, Map<String, String> properties,
                          Path userHome) {

    /** Overrides every per-user directory: config, data, cache and logs become subfolders of it. */
    public static final String HOME_PROPERTY = "importdesk.home";
    public static final String HOME_VARIABLE = "IMPORTDESK_HOME";
    /** Overrides the site-wide configuration file. */
    public static final String SITE_CONFIG_PROPERTY = "importdesk.site.config";
    public static final String SITE_CONFIG_VARIABLE = "IMPORTDESK_SITE_CONFIG";

    public Environment {
        Objects.requireNonNull(os, "os");
        variables = Map.copyOf(variables);
        properties = Map.copyOf(properties);
        Objects.requireNonNull(userHome, "userHome");
    }

    public static Environment current() {
        Map<String, String> props = new java.util.HashMap<>();
        System.getProperties().forEach((k, v) -> props.put(String.valueOf(k), String.valueOf(v)));
        OperatingSystem os = OperatingSystem.current();
        return new Environment(os, System.getenv(), props, userHome(os, System.getenv("HOME"), System.getProperty("user.home")));
    }

    /**
     * On Linux and macOS the XDG conventions are defined relative to {@code $HOME}; Java's {@code user.home} comes from
     * the password database instead and ignores a changed {@code HOME} (sudo -H, CI runs with a throw-away home).
     */
    static Path userHome(OperatingSystem os, String homeVariable, String userHomeProperty) {
        if (os != OperatingSystem.WINDOWS && homeVariable != null && !homeVariable.isBlank()
                && Path.of(homeVariable).isAbsolute()) {
            return Path.of(homeVariable);
        }
        return Path.of(userHomeProperty);
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public Optional<String> property(String name) {
        return Optional.ofNullable(properties.get(name)).filter(v -> !v.isBlank());
    }

    /** The system property if set, else the environment variable. */
    public Optional<String> setting(String property, String variable) {
        return property(property).or(() -> variable(variable));
    }
}
