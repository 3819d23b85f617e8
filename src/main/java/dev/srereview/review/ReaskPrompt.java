package dev.srereview.review;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The re-ask message sent after a reply that breaks the contract: {@code prompts/reask.md} with every
 * violation (verbatim) and every dangling citation filled in as bullets.
 */
public final class ReaskPrompt {
    public static final String RESOURCE = "prompts/reask.md";
    private static final String NONE = "- (none)";

    private final String template;

    /** Reads the template from the classpath (it ships in the jar). */
    public ReaskPrompt() {
        this(load());
    }

    public ReaskPrompt(String template) {
        if (!template.contains("{{violations}}")) {
            throw new IllegalArgumentException("re-ask template has no {{violations}} placeholder");
        }
        this.template = template;
    }

    public String build(List<String> violations, List<String> dangling) {
        return template.replace("{{violations}}", bullets(violations, false))
                .replace("{{dangling}}", bullets(dangling, true))
                .strip() + "\n";
    }

    private static String bullets(List<String> items, boolean asCode) {
        if (items == null || items.isEmpty()) {
            return NONE;
        }
        return items.stream().map(i -> asCode ? "- `" + i + "`" : "- " + i).collect(Collectors.joining("\n"));
    }

    private static String load() {
        try (InputStream in = ReaskPrompt.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (is the jar complete?)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
