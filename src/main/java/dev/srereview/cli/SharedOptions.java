package dev.srereview.cli;

import dev.srereview.config.SettingsOverrides;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes (a picocli mixin). */
public final class SharedOptions {
    @Option(names = "--config", paramLabel = "FILE", description = "a settings file (YAML); else $SRE_REVIEW_CONFIG")
    Path config;

    @Option(names = "--model", paramLabel = "NAME", description = "the model (overrides $SRE_REVIEW_MODEL and files)")
    String model;

    @Option(names = "--offline", description = "never call an LLM: the tool's own offline reviewer")
    boolean offline;

    @Option(names = {"-v", "--verbose"}, description = "log at DEBUG level (the log file, never the terminal)")
    boolean verbose;

    SettingsOverrides overrides() {
        return new SettingsOverrides(config, model, offline, verbose);
    }

    /**
     * These options over the ones written before the subcommand ({@code sre-review --offline review .}): both
     * places mean the same, the subcommand's own value wins where both are given.
     */
    SharedOptions under(RootCommand root) {
        if (root == null || root.options == null) {
            return this;
        }
        SharedOptions parent = root.options;
        SharedOptions merged = new SharedOptions();
        merged.config = config != null ? config : parent.config;
        merged.model = model != null ? model : parent.model;
        merged.offline = offline || parent.offline;
        merged.verbose = verbose || parent.verbose;
        return merged;
    }
}
