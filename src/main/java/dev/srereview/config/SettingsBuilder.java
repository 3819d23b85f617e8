package dev.srereview.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Turns the layered text values into a typed {@link Settings}, checking each value's form and range. */
final class SettingsBuilder {
    private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

    private final Map<String, SettingValue> values;
    private final Path workingDir;
    private final Path stateRoot;

    SettingsBuilder(Map<String, SettingValue> values, Path workingDir, Path stateRoot) {
        this.values = values;
        this.workingDir = workingDir;
        this.stateRoot = stateRoot;
    }

    Settings build() {
        Settings.Llm llm = new Settings.Llm(
                baseUrl("llm.baseUrl"),
                nonBlank("llm.model"),
                apiKey(),
                positiveDuration("llm.timeout"),
                intAtLeast("llm.maxAttempts", 1),
                positiveDuration("llm.deadline"),
                positiveDuration("llm.backoffInitial"),
                doubleAtLeast("llm.backoffMultiplier", 1.0),
                positiveDuration("llm.backoffMax"),
                intAtLeast("llm.breakerFailureThreshold", 1),
                intAtLeast("llm.breakerWindow", 1),
                positiveDuration("llm.breakerOpenFor"),
                intAtLeast("llm.requestsPerMinute", 1),
                doubleAtLeast("llm.temperature", 0.0),
                intAtLeast("llm.maxOutputTokens", 1));
        Settings.ReviewSettings review = new Settings.ReviewSettings(
                intAtLeast("review.maxRepairs", 0), bool("review.offlineFallback"), bool("review.offline"));
        Settings.ContextSettings context = new Settings.ContextSettings(
                intAtLeast("context.maxTokens", 2000),
                (long) intAtLeast("context.maxFileBytes", 1),
                intAtLeast("context.maxLineChars", 1),
                doubleAtLeast("context.pricePer1kTokens", 0.0),
                doubleAtLeast("context.confirmAboveUsd", 0.0),
                nonBlank("context.encoding"));
        Settings.TranscriptSettings transcripts = new Settings.TranscriptSettings(path("transcripts.dir", null));
        Settings.LogSettings log = new Settings.LogSettings(level("log.level"), path("log.dir", stateRoot));
        return new Settings(llm, review, context, transcripts, log);
    }

    private <T> T parse(String key, Function<String, T> parser) {
        SettingValue v = values.get(key);
        if (v == null) {
            throw new SettingsException("setting " + key + " is missing from " + SettingsLoader.DEFAULTS_SOURCE);
        }
        try {
            return parser.apply(v.text().trim());
        } catch (IllegalArgumentException e) {
            String shown = key.equals(SettingsLoader.API_KEY) ? "(hidden)" : "'" + v.text() + "'";
            throw new SettingsException("invalid value " + shown + " for " + key + " in " + v.source() + ": "
                    + e.getMessage(), e);
        }
    }

    private String nonBlank(String key) {
        return parse(key, t -> {
            if (t.isEmpty()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return t;
        });
    }

    private String apiKey() {
        SettingValue v = values.get(SettingsLoader.API_KEY);
        return v == null || v.text().isBlank() ? null : v.text().trim();
    }

    private String baseUrl(String key) {
        return parse(key, t -> {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!(lower.startsWith("http://") || lower.startsWith("https://")) || t.contains(" ")) {
                throw new IllegalArgumentException("expected an http(s) URL, such as https://api.openai.com/v1 or "
                        + "http://localhost:11434/v1");
            }
            return t.endsWith("/") ? t.substring(0, t.length() - 1) : t;
        });
    }

    private Duration positiveDuration(String key) {
        return parse(key, t -> {
            Duration d = Durations.parse(t);
            if (d.isZero()) {
                throw new IllegalArgumentException("must be more than zero");
            }
            return d;
        });
    }

    private int intAtLeast(String key, int min) {
        return parse(key, t -> {
            int n;
            try {
                n = Integer.parseInt(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a whole number", e);
            }
            if (n < min) {
                throw new IllegalArgumentException("must be at least " + min);
            }
            return n;
        });
    }

    private double doubleAtLeast(String key, double min) {
        return parse(key, t -> {
            double d;
            try {
                d = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("expected a number", e);
            }
            if (Double.isNaN(d) || d < min) {
                throw new IllegalArgumentException("must be a number of at least " + min);
            }
            return d;
        });
    }

    private boolean bool(String key) {
        return parse(key, t -> switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("expected true or false");
        });
    }

    private String level(String key) {
        return parse(key, t -> {
            String up = t.toUpperCase(Locale.ROOT);
            if (!LEVELS.contains(up)) {
                throw new IllegalArgumentException("expected one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
            }
            return up;
        });
    }

    /** Relative paths resolve against the working directory; empty means {@code whenEmpty}. */
    private Path path(String key, Path whenEmpty) {
        return parse(key, t -> {
            if (t.isEmpty()) {
                if (whenEmpty == null) {
                    throw new IllegalArgumentException("must not be empty");
                }
                return whenEmpty;
            }
            try {
                return workingDir.resolve(t).normalize();
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a usable path", e);
            }
        });
    }
}
