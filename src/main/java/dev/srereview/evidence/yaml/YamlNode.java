package dev.srereview.evidence.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A YAML value with the 1-based line it starts on. Rules need lines for their findings, which a
 * plain Jackson tree drops; this keeps them.
 */
public sealed interface YamlNode permits YamlNode.YMap, YamlNode.YList, YamlNode.YScalar {
    int line();

    /** A mapping; {@code keyLines} holds the line of each key (where a finding about that key points). */
    record YMap(int line, Map<String, YamlNode> entries, Map<String, Integer> keyLines) implements YamlNode {
        public YMap {
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            keyLines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keyLines));
        }

        public Optional<YamlNode> get(String key) {
            return Optional.ofNullable(entries.get(key));
        }

        public Optional<YMap> map(String key) {
            return get(key).filter(YMap.class::isInstance).map(YMap.class::cast);
        }

        public Optional<YList> list(String key) {
            return get(key).filter(YList.class::isInstance).map(YList.class::cast);
        }

        public Optional<String> text(String key) {
            return get(key).filter(YScalar.class::isInstance).map(n -> ((YScalar) n).text());
        }

        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /** Line of the key, falling back to the map's own line. */
        public int keyLine(String key) {
            return keyLines.getOrDefault(key, line);
        }

        /** Walks a path of keys through nested maps. */
        public Optional<YMap> path(String... keys) {
            YMap cur = this;
            for (String k : keys) {
                Optional<YMap> next = cur.map(k);
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                cur = next.get();
            }
            return Optional.of(cur);
        }
    }

    record YList(int line, List<YamlNode> items) implements YamlNode {
        public YList {
            items = List.copyOf(items);
        }
    }

    /** A scalar as text; {@code null} text is YAML null (~, null, or an empty value). */
    record YScalar(int line, String text) implements YamlNode {
        public boolean isNull() {
            return text == null;
        }
    }
}
