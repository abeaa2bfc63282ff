package org.importdesk.engine.config;

import java.util.Locale;

/** The platform families whose directory conventions ImportDesk follows. */
public enum OperatingSystem {
    LINUX, WINDOWS, MAC;

    public static OperatingSystem fromOsName(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MAC;
        }
        return LINUX;
    }

    public static OperatingSystem current() {
        return fromOsName(System.getProperty("os.name"));
    }
}
