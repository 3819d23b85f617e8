package dev.srereview.evidence.docker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forgiving Dockerfile parser: parser directives ({@code # escape=`}), comments, line continuations
 * (with comment lines inside them), heredocs, and global ARG substitution into FROM. It never throws:
 * an unknown line is kept as an instruction whose keyword rules ignore.
 */
public final class DockerfileParser {
    private static final Pattern ESCAPE_DIRECTIVE = Pattern.compile("^#\\s*escape\\s*=\\s*(\\S)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern HEREDOC = Pattern.compile("<<-?\\s*[\"']?([A-Za-z_][A-Za-z0-9_]*)[\"']?");
    private static final Pattern FROM = Pattern.compile(
            "^(?:--\\S+\\s+)*(\\S+)(?:\\s+[Aa][Ss]\\s+(\\S+))?\\s*$");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?}|\\$([A-Za-z_][A-Za-z0-9_]*)");

    public Dockerfile parse(String path, String text) {
        List<String> lines = text.lines().toList();
        char escape = '\\';
        // Directives may only open the file.
        for (String l : lines) {
            Matcher m = ESCAPE_DIRECTIVE.matcher(l.strip());
            if (m.matches()) {
                escape = m.group(1).charAt(0);
                continue;
            }
            break;
        }
        List<Instruction> instructions = instructions(lines, escape);
        Map<String, String> globalArgs = new LinkedHashMap<>();
        List<Stage> stages = new ArrayList<>();
        Instruction from = null;
        String image = null;
        String alias = null;
        List<Instruction> body = new ArrayList<>();
        for (Instruction in : instructions) {
            if (in.is("FROM")) {
                if (from != null) {
                    stages.add(new Stage(stages.size(), image, alias, from, body));
                }
                Matcher m = FROM.matcher(in.args().strip());
                String raw = m.matches() ? m.group(1) : in.args().strip();
                image = substitute(raw, globalArgs);
                alias = m.matches() ? m.group(2) : null;
                from = in;
                body = new ArrayList<>();
            } else if (from == null) {
                if (in.is("ARG")) {
                    parseArg(in.args(), globalArgs);
                }
            } else {
                body.add(in);
            }
        }
        if (from != null) {
            stages.add(new Stage(stages.size(), image, alias, from, body));
        }
        return new Dockerfile(path, globalArgs, stages);
    }

    private static List<Instruction> instructions(List<String> lines, char escape) {
        List<Instruction> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            String raw = lines.get(i);
            String s = raw.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                i++;
                continue;
            }
            int start = i;
            List<String> physical = new ArrayList<>();
            StringBuilder joined = new StringBuilder();
            String cur = raw;
            while (true) {
                physical.add(cur);
                String t = cur.stripTrailing();
                boolean continues = !t.isEmpty() && t.charAt(t.length() - 1) == escape && i + 1 < lines.size();
                if (continues) {
                    joined.append(t, 0, t.length() - 1).append(' ');
                } else {
                    joined.append(t);
                }
                i++;
                if (!continues) {
                    break;
                }
                // Comment and blank lines inside a continuation are dropped by the builder.
                while (i < lines.size() && (lines.get(i).strip().startsWith("#") || lines.get(i).isBlank())) {
                    physical.add(lines.get(i));
                    i++;
                }
                if (i >= lines.size()) {
                    break;
                }
                cur = lines.get(i);
            }
            String text = joined.toString().strip();
            Matcher hd = HEREDOC.matcher(text);
            if (hd.find()) {
                // RUN <<EOF ... EOF: the body is part of the instruction.
                String end = hd.group(1);
                StringBuilder heredoc = new StringBuilder(text);
                while (i < lines.size()) {
                    String b = lines.get(i);
                    physical.add(b);
                    i++;
                    if (b.strip().equals(end)) {
                        break;
                    }
                    heredoc.append('\n').append(b);
                }
                text = heredoc.toString();
            }
            int sp = indexOfSpace(text);
            String kw = sp < 0 ? text : text.substring(0, sp);
            String args = sp < 0 ? "" : text.substring(sp + 1).strip();
            out.add(new Instruction(kw, args, start + 1, physical));
        }
        return out;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** {@code ARG NAME=default} or {@code ARG NAME} (no default: left unresolved). */
    static void parseArg(String args, Map<String, String> into) {
        for (String part : args.strip().split("\\s+")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                into.put(part.substring(0, eq), unquote(part.substring(eq + 1)));
            }
        }
    }

    /** Substitutes ${VAR}, $VAR, ${VAR:-default}; unknown variables stay as written. */
    public static String substitute(String text, Map<String, String> vars) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(4);
            String value = vars.get(name);
            String op = m.group(2);
            String replacement;
            if ("-".equals(op)) {
                replacement = value == null || value.isEmpty() ? m.group(3) : value;
            } else if ("+".equals(op)) {
                replacement = value == null || value.isEmpty() ? "" : m.group(3);
            } else {
                replacement = value != null ? value : m.group();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    static String unquote(String s) {
        if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    /** ENV in both forms: {@code ENV A=1 B="two"} and the legacy {@code ENV A 1}. */
    public static Map<String, String> envPairs(String args) {
        Map<String, String> out = new HashMap<>();
        String a = args.strip();
        int firstSpace = indexOfSpace(a);
        int firstEq = a.indexOf('=');
        if (firstEq < 0 || (firstSpace >= 0 && firstSpace < firstEq)) {
            if (firstSpace > 0) {
                out.put(a.substring(0, firstSpace), unquote(a.substring(firstSpace + 1).strip()));
            }
            return out;
        }
        Matcher m = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"[^\"]*\"|'[^']*'|\\S*)").matcher(a);
        while (m.find()) {
            out.put(m.group(1), unquote(m.group(2)));
        }
        return out;
    }

    /** The command of CMD/ENTRYPOINT/RUN as one shell-like string, exec form (JSON array) included. */
    public static String commandText(String args) {
        String a = args.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            List<String> parts = new ArrayList<>();
            Matcher m = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(a);
            while (m.find()) {
                parts.add(m.group(1));
            }
            return String.join(" ", parts);
        }
        return a;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
