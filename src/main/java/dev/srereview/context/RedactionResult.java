package dev.srereview.context;

import java.util.List;

/** Text with secrets replaced by {@code [REDACTED:detector]}, and what was replaced. */
public record RedactionResult(String text, List<Redaction> redactions) {
    public RedactionResult {
        redactions = List.copyOf(redactions);
    }
}
