package dev.srereview.context;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every value of a Kubernetes Secret's {@code data} and {@code stringData}: what a Secret holds is secret whatever
 * its keys are called ({@code config.json}, {@code .dockerconfigjson}, {@code DATABASE}). Base64 in {@code data} is
 * an encoding, not protection. Block scalars ({@code key: |}) are redacted with their whole body, line breaks kept.
 */
final class KubernetesSecretDetector {
    private static final Pattern KIND = Pattern.compile("^kind:\\s*[\"']?Secret[\"']?\\s*$");
    private static final Pattern SECTION = Pattern.compile("^(\\s*)(data|stringData):\\s*$");
    private static final Pattern ENTRY = Pattern.compile("^(\\s+)[\"']?([\\w.-]+)[\"']?:[ \\t]*(.*?)\\s*$");

    private KubernetesSecretDetector() {
    }

    static boolean applies(String path, String text) {
        if (path == null || !text.contains("Secret")) {
            return false;
        }
        String p = path.toLowerCase(java.util.Locale.ROOT);
        return p.endsWith(".yaml") || p.endsWith(".yml");
    }

    static void find(String text, List<Redactor.Hit> hits) {
        String[] lines = text.split("\n", -1);
        int[] offsets = new int[lines.length + 1];
        for (int i = 0; i < lines.length; i++) {
            offsets[i + 1] = offsets[i] + lines[i].length() + 1;
        }
        int docStart = 0;
        for (int i = 0; i <= lines.length; i++) {
            if (i == lines.length || lines[i].startsWith("---")) {
                document(lines, offsets, docStart, i, hits);
                docStart = i + 1;
            }
        }
    }

    private static void document(String[] lines, int[] offsets, int from, int to, List<Redactor.Hit> hits) {
        boolean secret = false;
        for (int i = from; i < to && !secret; i++) {
            secret = KIND.matcher(lines[i]).matches();
        }
        if (!secret) {
            return;
        }
        for (int i = from; i < to; i++) {
            Matcher section = SECTION.matcher(lines[i]);
            if (!section.matches()) {
                continue;
            }
            int sectionIndent = section.group(1).length();
            int entryIndent = -1;
            for (int j = i + 1; j < to; j++) {
                String line = lines[j];
                String body = line.strip();
                if (body.isEmpty() || body.startsWith("#")) {
                    continue;
                }
                int indent = line.length() - line.stripLeading().length();
                if (indent <= sectionIndent) {
                    break;
                }
                Matcher e = ENTRY.matcher(line);
                if (entryIndent < 0) {
                    entryIndent = indent;
                }
                if (indent != entryIndent || !e.matches()) {
                    continue;
                }
                String value = e.group(3);
                if (value.startsWith("|") || value.startsWith(">")) {
                    int end = j;
                    while (end + 1 < to && (lines[end + 1].isBlank()
                            || lines[end + 1].length() - lines[end + 1].stripLeading().length() > entryIndent)) {
                        end++;
                    }
                    if (end > j) {
                        // from the body's first character: the marker keeps the block's indentation, so the
                        // redacted YAML still parses (the other documents of the file are checked from it)
                        String first = lines[j + 1];
                        int bodyFrom = offsets[j + 1] + (first.length() - first.stripLeading().length());
                        hits.add(new Redactor.Hit(bodyFrom, offsets[end] + lines[end].length(), "kubernetes-secret",
                                e.group(2), 1));
                    }
                    j = end;
                    continue;
                }
                int start = offsets[j] + line.indexOf(value, e.start(3));
                int end = start + value.length();
                if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                        && value.charAt(value.length() - 1) == value.charAt(0)) {
                    start++;
                    end--;
                }
                String v = end > start ? line.substring(start - offsets[j], end - offsets[j]) : "";
                if (!v.isEmpty() && !v.startsWith("{{") && !SecretHeuristics.isPlaceholder(v)) {
                    hits.add(new Redactor.Hit(start, end, "kubernetes-secret", e.group(2), 1));
                }
            }
        }
    }
}
