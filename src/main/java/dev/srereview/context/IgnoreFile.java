package dev.srereview.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules of one ignore file ({@code .gitignore} syntax), relative to the directory that holds it.
 * Supports comments, {@code !} negation, {@code /} anchoring, trailing-{@code /} directory-only rules,
 * {@code * ? [..]} and {@code **}. Plain names and {@code *.ext} compile to string tests, not regexes,
 * because they are most lines of a real ignore file and are matched against every path.
 */
final class IgnoreFile {
    /** Directory of the ignore file relative to the root, "" or ending in '/'. */
    private final String base;
    private final List<Rule> rules;
    /** The tool's own ignore file ({@code .sre-reviewignore}): paths the user asked the review not to read at all. */
    final boolean tool;

    private IgnoreFile(String base, List<Rule> rules, boolean tool) {
        this.base = base;
        this.rules = List.copyOf(rules);
        this.tool = tool;
    }

    static IgnoreFile parse(String base, String text) {
        return parse(base, text, false);
    }

    static IgnoreFile parse(String base, String text, boolean tool) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            Rule r = Rule.parse(raw);
            if (r != null) {
                rules.add(r);
            }
        }
        return new IgnoreFile(base, rules, tool);
    }

    boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * @param rel path relative to the scan root
     * @return TRUE ignored, FALSE re-included by a negation, null when no rule of this file speaks
     */
    Boolean decide(String rel, String name, boolean dir) {
        if (!rel.startsWith(base)) {
            return null;
        }
        String local = rel.substring(base.length());
        for (int i = rules.size() - 1; i >= 0; i--) {
            Rule r = rules.get(i);
            if (r.matches(local, name, dir)) {
                return !r.negate;
            }
        }
        return null;
    }

    /** One line of an ignore file. */
    private static final class Rule {
        enum Mode { NAME_EQUALS, NAME_SUFFIX, NAME_REGEX, PATH_REGEX }

        final boolean negate;
        final boolean dirOnly;
        final Mode mode;
        final String literal;
        final Pattern regex;

        private Rule(boolean negate, boolean dirOnly, Mode mode, String literal, Pattern regex) {
            this.negate = negate;
            this.dirOnly = dirOnly;
            this.mode = mode;
            this.literal = literal;
            this.regex = regex;
        }

        static Rule parse(String raw) {
            String line = stripTrailingSpaces(raw);
            if (line.isEmpty() || line.startsWith("#")) {
                return null;
            }
            boolean negate = false;
            if (line.startsWith("!")) {
                negate = true;
                line = line.substring(1);
            } else if (line.startsWith("\\!") || line.startsWith("\\#")) {
                line = line.substring(1);
            }
            boolean dirOnly = false;
            if (line.endsWith("/")) {
                dirOnly = true;
                line = line.substring(0, line.length() - 1);
            }
            // A slash at the start or in the middle anchors the pattern to the ignore file's directory.
            boolean anchored = line.contains("/");
            if (line.startsWith("/")) {
                line = line.substring(1);
            }
            if (line.isEmpty()) {
                return null;
            }
            if (!anchored) {
                if (!hasGlob(line)) {
                    return new Rule(negate, dirOnly, Mode.NAME_EQUALS, unescape(line), null);
                }
                if (line.startsWith("*") && !hasGlob(line.substring(1))) {
                    return new Rule(negate, dirOnly, Mode.NAME_SUFFIX, unescape(line.substring(1)), null);
                }
                return new Rule(negate, dirOnly, Mode.NAME_REGEX, null, Pattern.compile(toRegex(line)));
            }
            return new Rule(negate, dirOnly, Mode.PATH_REGEX, null, Pattern.compile(toRegex(line)));
        }

        boolean matches(String local, String name, boolean dir) {
            if (dirOnly && !dir) {
                return false;
            }
            return switch (mode) {
                case NAME_EQUALS -> name.equals(literal);
                case NAME_SUFFIX -> name.endsWith(literal);
                case NAME_REGEX -> regex.matcher(name).matches();
                case PATH_REGEX -> regex.matcher(local).matches();
            };
        }

        private static boolean hasGlob(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '*' || c == '?' || c == '[' || c == '\\') {
                    return true;
                }
            }
            return false;
        }

        private static String unescape(String s) {
            return s.replace("\\", "");
        }

        private static String stripTrailingSpaces(String s) {
            int end = s.length();
            while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\t')) {
                if (end >= 2 && s.charAt(end - 2) == '\\') {
                    break; // an escaped trailing space is part of the pattern
                }
                end--;
            }
            return s.substring(0, end);
        }

        /** Translates a glob (no leading or trailing '/') to a regex over '/'-separated paths. */
        static String toRegex(String glob) {
            StringBuilder sb = new StringBuilder();
            int n = glob.length();
            int i = 0;
            while (i < n) {
                char c = glob.charAt(i);
                if (c == '*') {
                    boolean doubleStar = i + 1 < n && glob.charAt(i + 1) == '*';
                    boolean segmentStart = i == 0 || glob.charAt(i - 1) == '/';
                    if (doubleStar && segmentStart && (i + 2 == n || glob.charAt(i + 2) == '/')) {
                        if (i + 2 == n) {
                            sb.append(".*");
                            i += 2;
                        } else {
                            sb.append("(?:.*/)?");
                            i += 3;
                        }
                        continue;
                    }
                    while (i < n && glob.charAt(i) == '*') {
                        i++;
                    }
                    sb.append("[^/]*");
                    continue;
                }
                if (c == '?') {
                    sb.append("[^/]");
                } else if (c == '[') {
                    int close = classEnd(glob, i);
                    if (close < 0) {
                        sb.append("\\[");
                    } else {
                        sb.append(charClass(glob.substring(i + 1, close)));
                        i = close;
                    }
                } else if (c == '\\' && i + 1 < n) {
                    i++;
                    sb.append(Pattern.quote(String.valueOf(glob.charAt(i))));
                } else {
                    sb.append(Pattern.quote(String.valueOf(c)));
                }
                i++;
            }
            return sb.toString();
        }

        private static int classEnd(String glob, int open) {
            int j = open + 1;
            if (j < glob.length() && (glob.charAt(j) == '!' || glob.charAt(j) == '^')) {
                j++;
            }
            if (j < glob.length() && glob.charAt(j) == ']') {
                j++;
            }
            while (j < glob.length() && glob.charAt(j) != ']') {
                j++;
            }
            return j < glob.length() ? j : -1;
        }

        private static String charClass(String body) {
            StringBuilder sb = new StringBuilder("[");
            int k = 0;
            if (!body.isEmpty() && (body.charAt(0) == '!' || body.charAt(0) == '^')) {
                sb.append('^');
                k = 1;
            }
            for (; k < body.length(); k++) {
                char c = body.charAt(k);
                if (c == '\\' || c == '[' || c == ']' || c == '&' || c == '^') {
                    sb.append('\\');
                }
                sb.append(c);
            }
            // A class never matches the separator.
            return sb.append("&&[^/]]").toString();
        }
    }
}
