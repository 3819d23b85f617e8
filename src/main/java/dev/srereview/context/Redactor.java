package dev.srereview.context;

import java.util.List;

/**
 * Replaces secrets with {@code [REDACTED:detector]}, keeping the name they were assigned to.
 * Runs before any byte reaches a prompt, a transcript, a log or an output.
 * (Skeleton: the detectors arrive with the context stage.)
 */
public final class Redactor {
    /** @param path used to recognise .env-style files; may be null for free text */
    public RedactionResult redact(String path, String text) {
        return new RedactionResult(text, List.of());
    }

    /** Redacts free text (LLM replies, log messages, user input). */
    public String redactText(String text) {
        return redact(null, text).text();
    }
}
