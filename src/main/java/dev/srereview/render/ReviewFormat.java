package dev.srereview.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output forms of {@code review --format}: markdown, json, sarif. */
public enum ReviewFormat {
    MARKDOWN("md"), JSON("json"), SARIF("sarif");

    private final String extension;

    ReviewFormat(String extension) {
        this.extension = extension;
    }

    /** The name as typed on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** @param toolVersion written into SARIF's tool.driver.version */
    public ReviewRenderer renderer(String toolVersion) {
        return switch (this) {
            case MARKDOWN -> new MarkdownRenderer();
            case JSON -> new JsonRenderer();
            case SARIF -> new SarifRenderer(toolVersion);
        };
    }

    /**
     * Reads a {@code --format} value, any case ("md" too).
     *
     * @throws IllegalArgumentException with a one-line message naming the accepted values (exit 2)
     */
    public static ReviewFormat parse(String text) {
        String key = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (ReviewFormat f : values()) {
            if (f.id().equals(key) || f.extension.equals(key)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format \"" + text + "\": use one of "
                + Arrays.stream(values()).map(ReviewFormat::id).collect(Collectors.joining(", ")));
    }
}
