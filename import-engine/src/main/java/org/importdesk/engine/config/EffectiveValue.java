package org.importdesk.engine.config;

/** A raw setting as it ended up after layering, with where it came from (for `importdesk config show`). */
public record EffectiveValue(String key, String value, SettingSource source) {
}
