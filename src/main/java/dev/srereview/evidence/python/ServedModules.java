package dev.srereview.evidence.python;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project modules that production code imports, read from its import lines before anything is parsed: serving
 * code, and the scripts a launch command starts (a scheduler's {@code import retrain}). A module named like training
 * code ({@code preprocess.py}, {@code retrain.py}) that they import runs in production and is judged as such.
 */
final class ServedModules {
    private static final Pattern IMPORT = Pattern.compile(
            "(?m)^[ \\t]*(?:from[ \\t]+(\\.*[\\w.]*)[ \\t]+import[ \\t]+\\(?([\\w., \\t]+)|import[ \\t]+([\\w.]+))");

    private final Set<String> modules;

    private ServedModules(Set<String> modules) {
        this.modules = modules;
    }

    static ServedModules of(RepoSnapshot snapshot, LaunchCommands launch) {
        Set<String> out = new HashSet<>();
        for (SourceFile f : snapshot.files()) {
            if (!f.path().endsWith(".py") || f.kind() != FileKind.SERVING_CODE && !launch.starts(f.path())) {
                continue;
            }
            Matcher m = IMPORT.matcher(f.content());
            while (m.find()) {
                if (m.group(3) != null) {
                    out.add(m.group(3));
                    continue;
                }
                String from = absolute(m.group(1), f.path());
                if (!from.isEmpty()) {
                    out.add(from);
                }
                for (String name : m.group(2).split(",")) {
                    String n = name.strip().split("[ \\t]")[0];
                    if (!n.isEmpty()) {
                        // from zoo import preprocess: the module zoo.preprocess
                        out.add(from.isEmpty() ? n : from + "." + n);
                    }
                }
            }
        }
        return new ServedModules(Set.copyOf(out));
    }

    /**
     * {@code .preprocess} imported from {@code app/main.py} is {@code app.preprocess}; each further dot is one package
     * up ({@code ..utils} from {@code app/api/routes.py} is {@code app.utils}); an absolute name stays as it is.
     */
    static String absolute(String module, String importer) {
        int dots = 0;
        while (dots < module.length() && module.charAt(dots) == '.') {
            dots++;
        }
        if (dots == 0) {
            return module;
        }
        String pkg = RepoFacts.dotted(importer);
        for (int i = 0; i < dots; i++) {
            int cut = pkg.lastIndexOf('.');
            pkg = cut < 0 ? "" : pkg.substring(0, cut);
        }
        String rest = module.substring(dots);
        return pkg.isEmpty() ? rest : rest.isEmpty() ? pkg : pkg + "." + rest;
    }

    /** A service imports the module at {@code path} ({@code zoo/preprocess.py} as zoo.preprocess or preprocess). */
    boolean contains(String path) {
        return RepoFacts.named(modules, RepoFacts.dotted(path));
    }
}
