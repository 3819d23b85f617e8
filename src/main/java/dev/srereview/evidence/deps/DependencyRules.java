package dev.srereview.evidence.deps;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.common.Snippets;
import dev.srereview.evidence.yaml.YamlDocuments;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unpinned production dependencies: requirements files (following -r, honouring -c constraints),
 * pyproject.toml, Pipfile, environment.yml, BentoML's bentofile.yaml and Cog's cog.yaml; skipped where a committed lock is what the
 * image installs.
 * One finding per line; severity by package (ML frameworks break model files) and by how loose the spec is.
 */
public final class DependencyRules implements FileRules {
    private static final Logger log = LoggerFactory.getLogger(DependencyRules.class);
    private final ManifestParsers parsers = new ManifestParsers(new YamlDocuments());

    @Override
    public String name() {
        return "deps";
    }

    private static final java.util.regex.Pattern EXTRAS = java.util.regex.Pattern.compile(
            "\\.\\[([\\w,\\s-]+)]|--extra[=\\s]+([\\w-]+)|(--all-extras)");

    /**
     * Optional-dependency groups an image installs: {@code pip install ".[chat]"}, {@code -e .[chat,gpu]},
     * {@code uv sync --extra chat}, {@code --all-extras} ("*"). Read from Dockerfiles.
     */
    private static Set<String> installedExtras(RepoSnapshot snapshot) {
        Set<String> out = new java.util.HashSet<>();
        for (SourceFile f : snapshot.files()) {
            String b = FileNames.lower(FileNames.base(f.path()));
            if (!b.startsWith("dockerfile") && !b.endsWith(".dockerfile") || FileNames.isNonProductionPath(f.path())
                    || b.endsWith(".dev") || b.contains("dev.")) {
                continue;
            }
            java.util.regex.Matcher m = EXTRAS.matcher(f.content());
            while (m.find()) {
                if (m.group(3) != null) {
                    out.add("*");
                } else if (m.group(1) != null) {
                    for (String e : m.group(1).split(",")) {
                        out.add(e.strip().toLowerCase(java.util.Locale.ROOT));
                    }
                } else {
                    out.add(m.group(2).toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return out;
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        LockPolicy policy = new LockPolicy(snapshot);
        List<Finding> out = new ArrayList<>();
        Set<String> extraRequirementFiles = new LinkedHashSet<>();
        Set<String> extras = installedExtras(snapshot);
        for (SourceFile f : snapshot.files()) {
            String base = FileNames.lower(FileNames.base(f.path()));
            if (FileNames.isNonProductionPath(f.path())) {
                continue;
            }
            try {
                List<Requirement> reqs = switch (base) {
                    case "pyproject.toml" -> ManifestParsers.pyproject(f.lines(), extras);
                    case "pipfile" -> ManifestParsers.pipfile(f.lines());
                    case "environment.yml", "environment.yaml" -> withIncludes(f, parsers::conda, extraRequirementFiles);
                    case "bentofile.yaml", "bentofile.yml" -> withIncludes(f, parsers::bentofile, extraRequirementFiles);
                    case "cog.yaml", "cog.yml" -> withIncludes(f, parsers::cog, extraRequirementFiles);
                    default -> List.of();
                };
                if (!reqs.isEmpty() && !policy.exempt(snapshot, f.path())) {
                    if (policy.imageInstalls(f.path())) {
                        report(f, reqs, Set.of(), out);
                    } else if (base.startsWith("environment.")) {
                        // No image here builds it, but a conda environment file is an environment someone creates
                        // (a pipeline worker, a scheduled flow, a teammate): lower, not silent. A pyproject the image
                        // does not install is a library's metadata, where ranges are normal.
                        List<Finding> env = new ArrayList<>();
                        report(f, reqs, Set.of(), env);
                        env.forEach(x -> out.add(x.withSeverity(Severity.P3)));
                    }
                }
                boolean runtimeEnvFile = base.equals("runtime_env.yaml") || base.equals("runtime_env.yml");
                if (runtimeEnvFile || (base.endsWith(".yaml") || base.endsWith(".yml")) && f.content().contains("runtime_env")) {
                    // Ray installs these on the cluster at deploy time: the image's pins do not cover them
                    report(f, parsers.rayRuntimeEnv(f.content(), runtimeEnvFile), Set.of(), out);
                }
            } catch (IOException | RuntimeException e) {
                log.warn("dependency rules skipped {}: {}", f.path(), e.toString());
            }
        }
        requirements(snapshot, policy, extraRequirementFiles, out);
        return out;
    }

    /** A manifest parser that also names the requirements files its manifest installs. */
    @FunctionalInterface
    private interface IncludingParser {
        List<Requirement> parse(String text, List<String> includes) throws IOException;
    }

    /** Parses {@code f}, adding the requirements files it names (resolved from its directory) to {@code includes}. */
    private static List<Requirement> withIncludes(SourceFile f, IncludingParser parser, Set<String> includes)
            throws IOException {
        List<String> files = new ArrayList<>();
        List<Requirement> reqs = parser.parse(f.content(), files);
        files.forEach(i -> includes.add(FileNames.resolve(FileNames.dir(f.path()), i)));
        return reqs;
    }

    /** Requirements files reachable from the production roots, each analysed once. */
    private void requirements(RepoSnapshot snapshot, LockPolicy policy, Set<String> extra, List<Finding> out) {
        Deque<String> queue = new ArrayDeque<>(roots(snapshot, policy));
        queue.addAll(extra);
        Set<String> seen = new HashSet<>();
        while (!queue.isEmpty()) {
            String path = queue.poll();
            if (!seen.add(path)) {
                continue;
            }
            SourceFile f = snapshot.file(path).orElse(null);
            if (f == null) {
                continue;
            }
            RequirementsFile parsed = RequirementsFile.parse(f.lines());
            String dir = FileNames.dir(path);
            parsed.includes().forEach(i -> queue.add(FileNames.resolve(dir, i)));
            if (LockPolicy.isLockLike(path, parsed, f.content())) {
                continue;
            }
            report(f, parsed.requirements(), constrained(snapshot, dir, parsed.constraints()), out);
        }
    }

    private static List<String> roots(RepoSnapshot snapshot, LockPolicy policy) {
        List<String> roots = new ArrayList<>();
        Set<String> installed = policy.installedRequirementFiles();
        boolean dockerDecides = policy.dockerfileInstalls() && (!installed.isEmpty() || policy.lockToolUsed());
        for (SourceFile f : snapshot.files()) {
            String base = FileNames.base(f.path());
            if (FileNames.isNonProductionPath(f.path()) || !isRequirementsFile(f.path())) {
                continue;
            }
            // When the image's RUN lines name what they install, only that counts.
            boolean root = dockerDecides ? installed.contains(base) : !LockPolicy.devName(f.path());
            if (root) {
                roots.add(f.path());
            }
        }
        return roots;
    }

    static boolean isRequirementsFile(String path) {
        String b = FileNames.lower(FileNames.base(path));
        return b.endsWith(".txt") && (b.startsWith("requirements") || b.endsWith("requirements.txt")
                || FileNames.dir(path).toLowerCase(java.util.Locale.ROOT).endsWith("requirements"));
    }

    /** Names pinned exactly by the -c constraint files. */
    private static Set<String> constrained(RepoSnapshot snapshot, String dir, List<String> constraints) {
        Set<String> names = new HashSet<>();
        for (String c : constraints) {
            snapshot.file(FileNames.resolve(dir, c)).ifPresent(cf -> RequirementsFile.parse(cf.lines()).requirements()
                    .stream().filter(Requirement::pinned).forEach(r -> names.add(PackageRisk.normalize(r.name()))));
        }
        return names;
    }

    private static void report(SourceFile f, List<Requirement> reqs, Set<String> constrained, List<Finding> out) {
        for (Requirement r : reqs) {
            if (r.pinned() || constrained.contains(PackageRisk.normalize(r.name())) || PackageRisk.tooling(r.name())) {
                continue;
            }
            Severity sev = PackageRisk.severity(r.name(), r.bare());
            boolean ml = PackageRisk.mlFramework(r.name());
            String what = r.bare() ? r.name() + " has no version" : r.name() + " " + r.spec() + " is a range, not a pin";
            String why = ml ? ": the next image build installs whatever " + r.name() + " release is newest, and a model"
                    + " saved under the old one can fail to load or predict differently, with no code change to roll back."
                    : ": two builds of the same commit can install different versions, so a rebuild for an unrelated"
                    + " hotfix can break the service.";
            out.add(new Finding(ml ? "DEPS-PIN-ML-001" : "DEPS-PIN-001", Category.UNPINNED_DEPENDENCY, sev, f.path(),
                    r.line(), what + " in " + FileNames.base(f.path()) + why, Snippets.line(f, r.line()),
                    fix(f.path(), r.name())));
        }
    }

    private static String fix(String path, String name) {
        String b = FileNames.lower(FileNames.base(path));
        if (b.equals("pyproject.toml")) {
            return "poetry lock   # or: uv lock — commit the lock file and install from it in the image\n"
                    + "# or pin in [project] dependencies: \"" + name + "==<version>\"";
        }
        if (b.equals("pipfile")) {
            return "pipenv lock && git add Pipfile.lock\n# in the Dockerfile: RUN pipenv install --deploy --system";
        }
        if (b.startsWith("environment")) {
            return "conda env export --no-builds > environment.lock.yml   # or pin: - " + name + "=<version>";
        }
        return name + "==<version>   # pip freeze | grep -i '^" + name + "=='\n"
                + "# or generate the pins: pip-compile --generate-hashes requirements.in";
    }
}
