package dev.srereview.evidence;

import java.util.Objects;

/**
 * One piece of deterministic evidence: a rule fired at a file and line.
 *
 * @param ruleId   stable id such as {@code PY-TIMEOUT-001}
 * @param path     relative to the review target, '/' separators
 * @param line     1-based
 * @param message  what breaks, for whom, when
 * @param snippet  the offending line(s), already redacted
 * @param fix      a concrete fix: code or a command
 */
public record Finding(String ruleId, Category category, Severity severity, String path, int line,
                      String message, String snippet, String fix) {
    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(path, "path");
        if (line < 1) {
            throw new IllegalArgumentException("line is 1-based: " + line);
        }
        message = message == null ? "" : message;
        snippet = snippet == null ? "" : snippet;
        fix = fix == null ? "" : fix;
    }

    /** The same finding at another severity (context raised or lowered it). */
    public Finding withSeverity(Severity s) {
        return new Finding(ruleId, category, s, path, line, message, snippet, fix);
    }

    public String location() {
        return path + ":" + line;
    }
}
