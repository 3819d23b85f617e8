package dev.srereview.evidence.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a (multi-document) YAML text into {@link YamlNode}s that keep their line numbers, on
 * Jackson's streaming YAML parser. Thread-safe: the factory is immutable once built.
 */
public final class YamlDocuments {
    private final YAMLFactory factory = YAMLFactory.builder().build();

    /**
     * @return one node per mapping or sequence document
     * @throws IOException when the text is not YAML (a Helm template, a broken file): callers skip the file
     */
    public List<YamlNode> parse(String text) throws IOException {
        List<YamlNode> docs = new ArrayList<>();
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                YamlNode node = read(p, t);
                // A bare scalar document (an empty trailing "---", a stray word) holds nothing a rule reads.
                if (!(node instanceof YamlNode.YScalar)) {
                    docs.add(node);
                }
            }
        }
        return docs;
    }

    private YamlNode read(JsonParser p, JsonToken t) throws IOException {
        int line = line(p);
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode> entries = new LinkedHashMap<>();
                Map<String, Integer> keyLines = new LinkedHashMap<>();
                int first = -1;
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int keyLine = line(p);
                    if (first < 0) {
                        first = keyLine;
                    }
                    YamlNode value = read(p, p.nextToken());
                    entries.put(name, value);
                    keyLines.put(name, keyLine);
                }
                // A block mapping inside a sequence starts at its first key; flow maps at '{'.
                return new YamlNode.YMap(first > 0 ? Math.min(first, line) : line, entries, keyLines);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                JsonToken i;
                while ((i = p.nextToken()) != JsonToken.END_ARRAY && i != null) {
                    items.add(read(p, i));
                }
                return new YamlNode.YList(line, items);
            }
            case VALUE_NULL -> {
                return new YamlNode.YScalar(line, null);
            }
            default -> {
                return new YamlNode.YScalar(line, p.getText());
            }
        }
    }

    private static int line(JsonParser p) {
        JsonLocation loc = p.currentTokenLocation();
        return Math.max(1, loc.getLineNr());
    }
}
