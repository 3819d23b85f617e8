package dev.srereview.context;

/**
 * One secret replaced by {@code [REDACTED:detector]}.
 *
 * @param detector e.g. "openai-key", "aws-access-key", "private-key"
 * @param line     1-based line where the secret started
 * @param name     the variable or key name it was assigned to, when known (kept: the reviewer sees a secret sat there)
 */
public record Redaction(String detector, int line, String name) {
}
