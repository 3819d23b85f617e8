package dev.srereview.evidence.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pip requirements file: requirements, and the files it pulls in with {@code -r} (requirements) and
 * {@code -c} (constraints). Continuation lines (pip-compile's {@code --hash}) are joined.
 */
public record RequirementsFile(List<Requirement> requirements, List<String> includes, List<String> constraints) {
    private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_.\\-]*)\\s*(\\[[^]]*])?\\s*(.*)$");

    public RequirementsFile {
        requirements = List.copyOf(requirements);
        includes = List.copyOf(includes);
        constraints = List.copyOf(constraints);
    }

    public static RequirementsFile parse(List<String> lines) {
        List<Requirement> reqs = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        List<String> constraints = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            StringBuilder sb = new StringBuilder(lines.get(i));
            while (sb.toString().stripTrailing().endsWith("\\") && i + 1 < lines.size()) {
                String t = sb.toString().stripTrailing();
                sb.setLength(0);
                sb.append(t, 0, t.length() - 1).append(' ').append(lines.get(++i));
            }
            String line = stripComment(sb.toString()).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("-")) {
                option(line, includes, constraints);
                continue;
            }
            parseLine(line, lineNo).ifPresent(reqs::add);
        }
        return new RequirementsFile(reqs, includes, constraints);
    }

    private static void option(String line, List<String> includes, List<String> constraints) {
        String[] parts = line.split("[\\s=]+", 2);
        if (parts.length < 2) {
            return;
        }
        String value = parts[1].strip();
        switch (parts[0]) {
            case "-r", "--requirement" -> includes.add(value);
            case "-c", "--constraint" -> constraints.add(value);
            default -> {
                // -e, -i, --index-url, --hash...: not a versioned requirement.
            }
        }
    }

    /** pip's comment rule: '#' at the start or after whitespace. */
    static String stripComment(String line) {
        if (line.strip().startsWith("#")) {
            return "";
        }
        Matcher m = Pattern.compile("\\s#").matcher(line);
        return m.find() ? line.substring(0, m.start()) : line;
    }

    /** One PEP 508 requirement; empty for URLs, paths and lines that are not requirements. */
    public static java.util.Optional<Requirement> parseLine(String text, int lineNo) {
        String s = text.strip();
        int hash = s.indexOf(" --hash");
        if (hash >= 0) {
            s = s.substring(0, hash).strip();
        }
        int semi = s.indexOf(';');
        if (semi >= 0) {
            s = s.substring(0, semi).strip();
        }
        if (s.isEmpty() || s.startsWith(".") || s.startsWith("/") || s.contains("://") && !s.contains("@")) {
            return java.util.Optional.empty();
        }
        Matcher m = NAME.matcher(s);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String name = m.group(1);
        String spec = m.group(3).strip();
        if (spec.startsWith("@")) {
            // name @ https://.../file.whl or git+...@ref: a fixed artifact or commit.
            return java.util.Optional.of(new Requirement(name, spec, lineNo, !spec.matches(".*git\\+[^@]*$")));
        }
        if (spec.startsWith("(") && spec.endsWith(")")) {
            spec = spec.substring(1, spec.length() - 1).strip();
        }
        return java.util.Optional.of(new Requirement(name, spec, lineNo, exact(spec)));
    }

    /** {@code ==1.2.3} or {@code ===x}, with no wildcard and no second clause that widens it. */
    static boolean exact(String spec) {
        String s = spec.replace(" ", "");
        return (s.startsWith("===") || s.startsWith("==") && !s.contains("*")) && !s.contains(",>") && !s.contains(",<")
                && !s.contains("||");
    }
}
