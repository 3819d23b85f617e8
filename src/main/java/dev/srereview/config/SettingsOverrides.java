package dev.srereview.config;

import java.nio.file.Path;

/**
 * What the command line says, the last layer.
 *
 * @param configFile --config FILE, or null (then SRE_REVIEW_CONFIG, then none)
 * @param model      --model NAME, or null
 * @param offline    --offline
 * @param verbose    --verbose (log level DEBUG)
 */
public record SettingsOverrides(Path configFile, String model, boolean offline, boolean verbose) {
    public static final SettingsOverrides NONE = new SettingsOverrides(null, null, false, false);
}
