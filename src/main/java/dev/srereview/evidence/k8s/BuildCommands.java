package dev.srereview.evidence.k8s;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Image builds written in CI workflows, Makefiles and shell scripts: {@code docker build -f services/api/Dockerfile .}
 * or the build-push-action's {@code context:} and {@code file:}. They say which directory is a Dockerfile's build
 * context when it is not the Dockerfile's own (what a {@code COPY . .} copies in). A workflow's
 * {@code ${{ matrix.service }}} stands for any one path segment.
 */
public final class BuildCommands {
    /** One build: the Dockerfiles it may build (a pattern over repository paths) and its context ("" = the root). */
    public record Build(Pattern dockerfile, String context) {
        public boolean builds(String path) {
            return dockerfile.matcher(path).matches();
        }
    }

    private static final Pattern DOCKER_BUILD = Pattern.compile("\\bdocker\\s+(?:buildx\\s+)?build\\b([^\\n]*)");
    private static final Pattern PUSH_ACTION = Pattern.compile("uses:\\s*docker/build-push-action");
    private static final Pattern WITH_KEY = Pattern.compile("(?m)^\\s*(context|file):\\s*['\"]?([^'\"#\\s]+)");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{\\{[^}]*}}|\\$\\{[^}]*}|\\$\\(\\w+\\)|\\$\\w+");
    /** Options of docker build that take a value (the value is not the context). */
    private static final java.util.Set<String> VALUED = java.util.Set.of("-t", "--tag", "--build-arg", "--target",
            "--platform", "--label", "--cache-from", "--cache-to", "--secret", "--ssh", "--network", "--progress",
            "-o", "--output", "--iidfile", "--add-host", "--shm-size", "-m", "--memory", "--builder");

    private BuildCommands() {
    }

    public static List<Build> of(RepoSnapshot snapshot) {
        List<Build> out = new ArrayList<>();
        for (SourceFile f : snapshot.files()) {
            String p = f.path().toLowerCase(Locale.ROOT);
            String name = p.substring(p.lastIndexOf('/') + 1);
            boolean workflow = p.startsWith(".github/workflows/") || name.equals(".gitlab-ci.yml");
            boolean script = name.equals("makefile") || name.endsWith(".sh") || name.equals("justfile");
            if (!workflow && !script) {
                continue;
            }
            String text = f.content().replace("\\\r\n", " ").replace("\\\n", " ") // line continuations
                    .replaceAll("\\$\\{\\{\\s*([^}]*?)\\s*}}", "\\${{$1}}"); // ${{ matrix.x }} as one word
            // a workflow runs from the repository root; a script or Makefile from its own directory
            String base = workflow ? "" : FileNames.dir(f.path());
            Matcher m = DOCKER_BUILD.matcher(text);
            while (m.find()) {
                Build b = command(m.group(1), base);
                if (b != null) {
                    out.add(b);
                }
            }
            if (workflow) {
                Matcher a = PUSH_ACTION.matcher(text);
                while (a.find()) {
                    String step = text.substring(a.end(), Math.min(text.length(), a.end() + 600));
                    int next = step.indexOf("\n      - ");
                    step = next > 0 ? step.substring(0, next) : step;
                    String context = null;
                    String file = null;
                    Matcher k = WITH_KEY.matcher(step);
                    while (k.find()) {
                        if (k.group(1).equals("context")) {
                            context = k.group(2);
                        } else {
                            file = k.group(2);
                        }
                    }
                    if (context != null) {
                        String ctx = clean(context, "");
                        String df = file != null ? clean(file, "") : FileNames.resolve(ctx, "Dockerfile");
                        out.add(new Build(pattern(df), ctx));
                    }
                }
            }
        }
        return out;
    }

    /** {@code -f services/x/Dockerfile -t img .}: the file (or CONTEXT/Dockerfile) and the context. */
    private static Build command(String args, String base) {
        String[] words = args.trim().split("\\s+");
        String file = null;
        String context = null;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            if (w.equals("&&") || w.equals(";") || w.equals("|") || w.startsWith("#") || w.startsWith("<")
                    || w.startsWith(">") || w.equals("-")) {
                // the command ends, or the Dockerfile comes on stdin (docker build - < Dockerfile): no tree context
                context = w.equals("-") || w.startsWith("<") ? "-" : context;
                break;
            }
            if (w.equals("-f") || w.equals("--file")) {
                file = i + 1 < words.length ? words[++i] : null;
            } else if (w.startsWith("--file=")) {
                file = w.substring("--file=".length());
            } else if (VALUED.contains(w)) {
                i++;
            } else if (!w.startsWith("-")) {
                context = w;
            }
        }
        if (context == null || context.contains("://") || context.equals("-")) {
            return null; // a remote context or stdin: nothing of this tree
        }
        String ctx = clean(context, base);
        String df = file != null ? clean(file, base) : FileNames.resolve(ctx, "Dockerfile");
        return new Build(pattern(df), ctx);
    }

    private static String clean(String path, String base) {
        String p = path.replaceAll("^['\"]|['\"]$", "");
        p = p.equals(".") || p.equals("./") ? "" : p.replaceAll("^\\./", "").replaceAll("/$", "");
        return base.isEmpty() ? p : p.isEmpty() ? base : FileNames.resolve(base, p);
    }

    /** A path with CI placeholders as a pattern: each placeholder is one path segment's worth of characters. */
    private static Pattern pattern(String path) {
        StringBuilder out = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(path);
        int at = 0;
        while (m.find()) {
            out.append(Pattern.quote(path.substring(at, m.start()))).append("[^/]+");
            at = m.end();
        }
        out.append(Pattern.quote(path.substring(at)));
        return Pattern.compile(out.toString());
    }
}
