package dev.srereview.review.parse;

import dev.srereview.review.Citation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the files a piece of review text cites: each {@code `path`} or {@code `path:line`} in backticks
 * (outside fenced code) that looks like a path: it has a '/' or a known file extension, and no spaces.
 * Route paths such as {@code `/health`} and dotted names such as {@code `requests.get`} are not files.
 */
public final class Citations {
    private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern PATH_LINE = Pattern.compile(
            "^([A-Za-z0-9_.@+~-][A-Za-z0-9_.@+~/-]*)(?:(?::|#L)(\\d+)(?:[-–:]L?\\d+)?)?$");
    private static final Set<String> EXTENSIONS = Set.of(
            "py", "pyi", "pyx", "ipynb", "txt", "toml", "cfg", "ini", "yaml", "yml", "json", "jsonl", "md", "rst",
            "sh", "bash", "zsh", "env", "conf", "lock", "js", "mjs", "ts", "go", "java", "kt", "rs", "rb", "tf",
            "hcl", "sql", "xml", "properties", "gradle", "dockerfile", "j2", "jinja", "tpl", "csv", "proto",
            "service", "in", "c", "h", "cpp", "cc", "hpp", "html", "css", "mk", "nginx", "ps1", "bat");
    private static final Set<String> BARE_FILES = Set.of(
            "dockerfile", "makefile", "procfile", "pipfile", "jenkinsfile", "containerfile", "gemfile", "justfile");

    private Citations() {
    }

    /** Citations in these lines, in order, without duplicates. */
    static List<Citation> in(MdLines lines) {
        Set<Citation> found = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.code(i)) {
                continue;
            }
            Matcher m = SPAN.matcher(lines.text(i));
            while (m.find()) {
                parse(m.group(1)).ifPresent(found::add);
            }
        }
        return new ArrayList<>(found);
    }

    /** The citation a backticked span stands for, when it looks like a file path. */
    public static Optional<Citation> parse(String span) {
        String s = span.strip();
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        Matcher m = PATH_LINE.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String path = m.group(1);
        boolean directory = path.endsWith("/") && path.length() > 1;
        while (path.endsWith("/") && path.length() > 1) {
            path = path.substring(0, path.length() - 1);
        }
        if (!path.matches(".*[A-Za-z].*") || path.contains("//") || !looksLikeFile(path, directory)) {
            return Optional.empty();
        }
        Integer line = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        if (line != null && line < 1) {
            line = null;
        }
        return Optional.of(new Citation(path, line));
    }

    private static boolean looksLikeFile(String path, boolean directory) {
        if (path.contains("/") || directory) {
            return true;
        }
        String name = path.toLowerCase(Locale.ROOT);
        if (BARE_FILES.contains(name) || name.startsWith("dockerfile.") || name.startsWith("requirements")) {
            return true;
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && dot < name.length() - 1 && EXTENSIONS.contains(name.substring(dot + 1));
    }
}
