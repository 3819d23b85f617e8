package dev.srereview.context;

import java.util.List;

/**
 * A text file of the snapshot. {@code content} has already passed the redactor: nothing downstream
 * (rules, prompt, transcript, log, output) ever sees the original secret.
 *
 * @param path       relative to the root, '/' separators
 * @param sizeBytes  size on disk
 * @param truncated  true when content stops short of the file (per-file or per-line caps)
 * @param redactions what the redactor replaced, with 1-based lines
 */
public record SourceFile(String path, FileKind kind, long sizeBytes, String content, boolean truncated,
                         List<Redaction> redactions) {
    public SourceFile {
        redactions = List.copyOf(redactions);
    }

    /** Lines of the (redacted) content, 0-based index = line - 1. */
    public List<String> lines() {
        return content.lines().toList();
    }
}
