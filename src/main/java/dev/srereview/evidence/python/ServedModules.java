package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project modules that serving code imports, read from its import lines before anything is parsed: a module
 * named like training code ({@code preprocess.py}, {@code batch_utils.py}) that the service imports runs in the
 * service, per request, and is judged as production code.
 */
final class ServedModules {
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^[ \\t]*(?:from[ \\t]+([\\w.]+)[ \\t]+import[ \\t]+\\(?([\\w., \\t]+)|import[ \\t]+([\\w.]+))");

    private final Set<String> modules;

    private ServedModules(Set<String> modules) {
        this.modules = modules;
    }

    static ServedModules of(RepoSnapshot snapshot) {
        Set<String> out = new HashSet<>();
        for (SourceFile f : snapshot.files()) {
            if (f.kind() != FileKind.SERVING_CODE || !f.path().endsWith(".py")) {
                continue;
            }
            Matcher m = IMPORT.matcher(f.content());
            while (m.find()) {
                if (m.group(3) != null) {
                    out.add(m.group(3));
                    continue;
                }
                out.add(m.group(1));
                for (String name : m.group(2).split(",")) {
                    String n = name.strip().split("[ \\t]")[0];
                    if (!n.isEmpty()) {
                        out.add(m.group(1) + "." + n); // from zoo import preprocess: the module zoo.preprocess
                    }
                }
            }
        }
        return new ServedModules(Set.copyOf(out));
    }

    /** A service imports the module at {@code path} ({@code zoo/preprocess.py} as zoo.preprocess or preprocess). */
    boolean contains(String path) {
        return RepoFacts.named(modules, RepoFacts.dotted(path));
    }
}
