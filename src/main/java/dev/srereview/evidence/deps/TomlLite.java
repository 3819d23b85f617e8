package dev.srereview.evidence.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough TOML for dependency tables ({@code pyproject.toml}, {@code Pipfile}): section headers,
 * {@code key = value} lines with their line numbers, and multi-line string arrays. Not a general TOML parser.
 */
final class TomlLite {
    /** A key/value in a section; for arrays, one entry per string element with that element's line. */
    record Entry(String section, String key, String value, int line) {
    }

    private static final Pattern SECTION = Pattern.compile("^\\[\\[?\\s*([^]]+?)\\s*]]?\\s*(#.*)?$");
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z0-9_.\\-\"']+)\\s*=\\s*(.*)$");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)'");

    private TomlLite() {
    }

    static List<Entry> parse(List<String> lines) {
        List<Entry> out = new ArrayList<>();
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String raw = lines.get(i).strip();
            if (raw.isEmpty() || raw.startsWith("#")) {
                continue;
            }
            Matcher sm = SECTION.matcher(raw);
            if (sm.matches()) {
                section = sm.group(1).replace("\"", "").replace("'", "");
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(raw);
            if (!kv.matches()) {
                continue;
            }
            String key = kv.group(1).replace("\"", "").replace("'", "");
            String value = kv.group(2).strip();
            if (value.startsWith("[") && !closes(value)) {
                // Multi-line array: each string element on its own line keeps that line.
                String head = value.substring(1);
                addStrings(out, section, key, head, i + 1);
                while (++i < lines.size()) {
                    String l = lines.get(i);
                    String noComment = stripComment(l);
                    addStrings(out, section, key, noComment, i + 1);
                    if (noComment.contains("]") && closes("[" + noComment)) {
                        break;
                    }
                }
            } else if (value.startsWith("[")) {
                addStrings(out, section, key, value, i + 1);
            } else {
                out.add(new Entry(section, key, stripComment(value).strip(), i + 1));
            }
        }
        return out;
    }

    private static void addStrings(List<Entry> out, String section, String key, String text, int line) {
        Matcher m = STRING.matcher(stripComment(text));
        while (m.find()) {
            out.add(new Entry(section, key, m.group(1) != null ? m.group(1) : m.group(2), line));
        }
    }

    /** True when the brackets of a one-line array balance (strings excluded). */
    private static boolean closes(String value) {
        String noStrings = STRING.matcher(stripComment(value)).replaceAll("\"\"");
        int depth = 0;
        for (char c : noStrings.toCharArray()) {
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
        }
        return depth <= 0;
    }

    static String stripComment(String s) {
        boolean inStr = false;
        char q = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (inStr) {
                if (c == q) {
                    inStr = false;
                }
            } else if (c == '"' || c == '\'') {
                inStr = true;
                q = c;
            } else if (c == '#') {
                return s.substring(0, i);
            }
        }
        return s;
    }

    /** The value of {@code key = "..."} inside an inline table, or null. */
    static String inlineValue(String table, String key) {
        Matcher m = Pattern.compile("\\b" + Pattern.quote(key) + "\\s*=\\s*(\"[^\"]*\"|'[^']*')").matcher(table);
        return m.find() ? m.group(1).substring(1, m.group(1).length() - 1) : null;
    }

    static String unquote(String v) {
        String s = v.strip();
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
