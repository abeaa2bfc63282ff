package org.importdesk.engine.config;

/** Who decides a setting when the site file and the user file both mention it. */
public enum SettingScope {
    /** A personal preference: the user's value wins over the site's. */
    USER,
    /**
     * A connection or installation choice: the site's value wins; the user's value applies only while the site file
     * says nothing about it, so a standalone workstation can be set up without administrator rights.
     */
    SITE_FIRST,
    /** A policy (roles, auto-send): only the site file may change it; the user file's value is ignored with a warning. */
    SITE_ONLY
}
