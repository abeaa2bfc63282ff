package org.importdesk.engine.config;

/** Where an effective value came from. */
public enum SettingSource {
    DEFAULT, SITE, USER
}
