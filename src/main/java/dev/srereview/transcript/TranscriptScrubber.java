package dev.srereview.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.srereview.context.Redactor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Passes every text value of an event through the redactor before it is written, and replaces secrets the
 * session knows literally (the API key) wherever they appear, even typed into a question. Working on the JSON
 * tree means a field added to an event later is scrubbed too.
 */
public final class TranscriptScrubber {
    /** Structural fields that are never secrets and must survive verbatim (a hash can look like a token). */
    private static final Set<String> VERBATIM = Set.of("type", "at", "schemaVersion", "sessionId", "personaSha256");
    private static final String KEY_MARK = "[REDACTED:api-key]";
    /** Shorter strings are not treated as literal secrets: replacing "a" everywhere would wreck the text. */
    private static final int MIN_LITERAL = 8;

    private final Redactor redactor;
    private final List<String> literals;

    /** @param knownSecrets values to erase wherever they appear (the API key); nulls and short values ignored */
    public TranscriptScrubber(Redactor redactor, Collection<String> knownSecrets) {
        this.redactor = redactor;
        List<String> kept = new ArrayList<>();
        for (String s : knownSecrets) {
            if (s != null && s.strip().length() >= MIN_LITERAL) {
                kept.add(s.strip());
            }
        }
        this.literals = List.copyOf(kept);
    }

    public TranscriptScrubber(Redactor redactor) {
        this(redactor, List.of());
    }

    /** Scrubs {@code node} in place and returns it. */
    JsonNode scrub(JsonNode node) {
        if (node instanceof ObjectNode obj) {
            for (Map.Entry<String, JsonNode> field : obj.properties()) {
                if (field.getValue().isTextual()) {
                    if (!VERBATIM.contains(field.getKey())) {
                        field.setValue(TextNode.valueOf(text(field.getValue().asText())));
                    }
                } else {
                    scrub(field.getValue());
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode item = array.get(i);
                if (item.isTextual()) {
                    array.set(i, TextNode.valueOf(text(item.asText())));
                } else {
                    scrub(item);
                }
            }
        }
        return node;
    }

    /** One free-text value, redacted. */
    public String text(String value) {
        String out = value;
        for (String secret : literals) {
            out = out.replace(secret, KEY_MARK);
        }
        return redactor.redactText(out);
    }
}
