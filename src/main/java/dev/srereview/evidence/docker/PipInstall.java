package dev.srereview.evidence.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code pip install} commands inside a RUN: which packages are named on the command line
 * (with their version specifiers) and which requirement or constraint files are installed.
 */
public final class PipInstall {
    private static final Pattern SEGMENT_SPLIT = Pattern.compile("&&|\\|\\||;|\\|");
    /** pip options that consume the next argument. */
    private static final Set<String> VALUE_OPTIONS = Set.of("-r", "--requirement", "-c", "--constraint", "-e",
            "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target",
            "--prefix", "--root", "--trusted-host", "--platform", "--python-version", "--only-binary",
            "--no-binary", "--progress-bar", "--cache-dir", "--timeout", "--retries", "--implementation", "--abi",
            "--src", "--upgrade-strategy", "--python", "-p", "--log", "--proxy", "--cert", "--client-cert");

    /** One package named on a pip command line. */
    public record Package(String name, String spec, boolean pinned) {
    }

    /** One install: named packages, -r files, whether -c constraints apply. */
    public record Install(List<Package> packages, List<String> requirementFiles, boolean constrained) {
    }

    private PipInstall() {
    }

    public static List<Install> parse(String run) {
        List<Install> out = new ArrayList<>();
        for (String segment : SEGMENT_SPLIT.split(run)) {
            List<String> words = words(segment);
            int i = installIndex(words);
            if (i < 0) {
                continue;
            }
            List<Package> packages = new ArrayList<>();
            List<String> reqs = new ArrayList<>();
            boolean constrained = false;
            for (int j = i + 1; j < words.size(); j++) {
                String w = words.get(j);
                String opt = w.contains("=") && w.startsWith("--") ? w.substring(0, w.indexOf('=')) : w;
                if (opt.equals("-r") || opt.equals("--requirement")) {
                    String v = w.contains("=") ? w.substring(w.indexOf('=') + 1) : (j + 1 < words.size() ? words.get(++j) : "");
                    reqs.add(v);
                    continue;
                }
                if (opt.equals("-c") || opt.equals("--constraint")) {
                    constrained = true;
                }
                if (w.startsWith("-")) {
                    if (VALUE_OPTIONS.contains(opt) && !w.contains("=")) {
                        j++;
                    }
                    continue;
                }
                packageOf(w).ifPresent(packages::add);
            }
            out.add(new Install(packages, reqs, constrained));
        }
        return out;
    }

    /** Index of "install" in {@code pip install}, {@code python -m pip install}, {@code uv pip install}; -1 otherwise. */
    private static int installIndex(List<String> words) {
        for (int k = 0; k + 1 < words.size(); k++) {
            String w = words.get(k).toLowerCase(Locale.ROOT);
            String base = w.substring(w.lastIndexOf('/') + 1);
            if ((base.equals("pip") || base.equals("pip3") || base.matches("pip3\\.\\d+"))) {
                for (int j = k + 1; j < words.size(); j++) {
                    String n = words.get(j);
                    if (n.equals("install")) {
                        return j;
                    }
                    if (!n.startsWith("-")) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    static java.util.Optional<Package> packageOf(String word) {
        String w = DockerfileParser.unquote(word.strip());
        if (w.isEmpty() || w.startsWith(".") || w.startsWith("/") || w.contains("://") || w.startsWith("$")
                || w.endsWith(".whl") || w.endsWith(".tar.gz") || w.endsWith(".zip") || w.contains("/")) {
            return java.util.Optional.empty();
        }
        if (w.contains(" @ ") || w.matches("[A-Za-z0-9_.\\-\\[\\],]+@.+")) {
            return java.util.Optional.empty();
        }
        java.util.regex.Matcher m = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9_.\\-]*)(\\[[^]]*])?(.*)$").matcher(w);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String name = m.group(1);
        String spec = m.group(3).strip();
        int semi = spec.indexOf(';');
        if (semi >= 0) {
            spec = spec.substring(0, semi).strip();
        }
        boolean pinned = spec.startsWith("==") && !spec.contains("*") || spec.startsWith("===");
        return java.util.Optional.of(new Package(name, spec, pinned));
    }

    /** Shell-like word split honouring single and double quotes. */
    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        char quote = 0;
        for (char c : s.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (Character.isWhitespace(c)) {
                if (cur.length() > 0) {
                    out.add(cur.toString());
                    cur.setLength(0);
                }
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
