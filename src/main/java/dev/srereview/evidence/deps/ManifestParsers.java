package dev.srereview.evidence.deps;

import dev.srereview.evidence.yaml.YamlDocuments;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YList;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import dev.srereview.evidence.yaml.YamlNode.YScalar;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Production dependencies of pyproject.toml (PEP 621 and Poetry), Pipfile and conda environment.yml.
 * Development groups (dev, test, lint, docs) and optional extras are not production and are left out, unless an
 * image installs the extra by name.
 */
final class ManifestParsers {
    private static final Set<String> DEV_GROUPS = Set.of("dev", "test", "tests", "testing", "lint", "docs", "doc",
            "typing", "format", "ci");
    private static final Pattern CONDA = Pattern.compile("^(?:[\\w.\\-]+::)?([A-Za-z0-9][A-Za-z0-9_.\\-]*)\\s*(.*)$");

    private final YamlDocuments yaml;

    ManifestParsers(YamlDocuments yaml) {
        this.yaml = yaml;
    }

    static List<Requirement> pyproject(List<String> lines) {
        return pyproject(lines, Set.of());
    }

    /**
     * @param installedExtras optional-dependency groups an image installs ({@code pip install ".[chat]"},
     *                        {@code uv sync --extra chat}; "*" for all): production like the main list
     */
    static List<Requirement> pyproject(List<String> lines, Set<String> installedExtras) {
        List<Requirement> out = new ArrayList<>();
        List<TomlLite.Entry> entries = TomlLite.parse(lines);
        // uv resolves these from a path, a workspace member or a pinned git revision: not from an index range
        Set<String> sourced = new java.util.HashSet<>();
        for (TomlLite.Entry e : entries) {
            if (e.section().equals("tool.uv.sources") && e.value().startsWith("{")
                    && (TomlLite.inlineValue(e.value(), "path") != null || e.value().contains("workspace")
                        || TomlLite.inlineValue(e.value(), "git") != null && (TomlLite.inlineValue(e.value(), "rev") != null
                            || TomlLite.inlineValue(e.value(), "tag") != null))) {
                sourced.add(PackageRisk.normalize(e.key()));
            }
        }
        for (TomlLite.Entry e : entries) {
            String group = e.key().toLowerCase(Locale.ROOT);
            boolean extra = e.section().equals("project.optional-dependencies") && !DEV_GROUPS.contains(group)
                    && (installedExtras.contains("*") || installedExtras.contains(group));
            if (e.section().equals("project") && e.key().equals("dependencies") || extra) {
                RequirementsFile.parseLine(e.value(), e.line())
                        .filter(r -> !sourced.contains(PackageRisk.normalize(r.name())))
                        .ifPresent(out::add);
            } else if (poetryMain(e.section()) && !e.key().equalsIgnoreCase("python")) {
                out.add(poetry(e));
            }
        }
        return out;
    }

    private static boolean poetryMain(String section) {
        if (section.equals("tool.poetry.dependencies")) {
            return true;
        }
        Matcher m = Pattern.compile("^tool\\.poetry\\.group\\.([^.]+)\\.dependencies$").matcher(section);
        return m.matches() && !DEV_GROUPS.contains(m.group(1).toLowerCase(Locale.ROOT));
    }

    /** Poetry: "1.2.3" is exact; ^, ~, *, ranges and wildcards are not; git with rev/tag is. */
    private static Requirement poetry(TomlLite.Entry e) {
        String v = e.value();
        if (v.startsWith("{")) {
            if (TomlLite.inlineValue(v, "path") != null) {
                return new Requirement(e.key(), "path", e.line(), true);
            }
            if (TomlLite.inlineValue(v, "git") != null || TomlLite.inlineValue(v, "url") != null) {
                boolean ref = TomlLite.inlineValue(v, "rev") != null || TomlLite.inlineValue(v, "tag") != null
                        || TomlLite.inlineValue(v, "url") != null;
                return new Requirement(e.key(), "git", e.line(), ref);
            }
            String ver = TomlLite.inlineValue(v, "version");
            v = ver == null ? "*" : ver;
        }
        String spec = TomlLite.unquote(v).strip();
        boolean exact = spec.matches("==?\\s*\\d[\\w.!+\\-]*") || spec.matches("\\d[\\w.!+\\-]*");
        return new Requirement(e.key(), spec.equals("*") ? "" : spec, e.line(), exact && !spec.contains("*"));
    }

    static List<Requirement> pipfile(List<String> lines) {
        List<Requirement> out = new ArrayList<>();
        for (TomlLite.Entry e : TomlLite.parse(lines)) {
            if (!e.section().equals("packages")) {
                continue;
            }
            String v = e.value();
            if (v.startsWith("{")) {
                if (TomlLite.inlineValue(v, "path") != null || TomlLite.inlineValue(v, "file") != null) {
                    continue;
                }
                if (TomlLite.inlineValue(v, "git") != null) {
                    out.add(new Requirement(e.key(), "git", e.line(), TomlLite.inlineValue(v, "ref") != null));
                    continue;
                }
                String ver = TomlLite.inlineValue(v, "version");
                v = ver == null ? "*" : ver;
            }
            String spec = TomlLite.unquote(v).strip();
            out.add(new Requirement(e.key(), spec.equals("*") ? "" : spec, e.line(), RequirementsFile.exact(spec)));
        }
        return out;
    }

    /** Conda environment: conda specs ({@code numpy=1.26.4}, {@code numpy}) and the {@code pip:} subsection. */
    List<Requirement> conda(String text, List<String> pipIncludes) throws IOException {
        List<Requirement> out = new ArrayList<>();
        for (YamlNode doc : yaml.parse(text)) {
            if (!(doc instanceof YMap root)) {
                continue;
            }
            YList deps = root.list("dependencies").orElse(null);
            if (deps == null) {
                continue;
            }
            for (YamlNode item : deps.items()) {
                if (item instanceof YScalar s && s.text() != null) {
                    condaSpec(s.text(), s.line()).ifPresent(out::add);
                } else if (item instanceof YMap m) {
                    m.list("pip").ifPresent(pip -> pip.items().stream().filter(YScalar.class::isInstance)
                            .map(YScalar.class::cast).filter(s -> s.text() != null).forEach(s -> {
                                String t = s.text().strip();
                                if (t.startsWith("-r")) {
                                    pipIncludes.add(t.substring(2).strip());
                                } else if (!t.startsWith("-")) {
                                    RequirementsFile.parseLine(t, s.line()).ifPresent(out::add);
                                }
                            }));
                }
            }
        }
        return out;
    }

    /**
     * BentoML's bentofile.yaml: {@code python.packages} are pip specs the built image installs;
     * {@code python.requirements_txt} names a requirements file (added to {@code includes}).
     */
    List<Requirement> bentofile(String text, List<String> includes) throws IOException {
        return packageList(text, "python", "packages", "requirements_txt", includes);
    }

    /**
     * Cog's cog.yaml: {@code build.python_packages} are pip specs the built image installs;
     * {@code build.python_requirements} names a requirements file (added to {@code includes}).
     */
    List<Requirement> cog(String text, List<String> includes) throws IOException {
        return packageList(text, "build", "python_packages", "python_requirements", includes);
    }

    /** A build file's list of pip specs under {@code section.packages}, and the file {@code section.requirements} names. */
    private List<Requirement> packageList(String text, String section, String packages, String requirements,
                                          List<String> includes) throws IOException {
        List<Requirement> out = new ArrayList<>();
        for (YamlNode doc : yaml.parse(text)) {
            YMap build = doc instanceof YMap root ? root.map(section).orElse(null) : null;
            if (build == null) {
                continue;
            }
            build.text(requirements).ifPresent(includes::add);
            build.list(packages).ifPresent(pkgs -> pkgs.items().stream().filter(YScalar.class::isInstance)
                    .map(YScalar.class::cast).filter(s -> s.text() != null)
                    .forEach(s -> RequirementsFile.parseLine(s.text().strip(), s.line()).ifPresent(out::add)));
        }
        return out;
    }

    /**
     * Ray's {@code runtime_env}, wherever it sits (a Serve config's applications, a job's runtime_env.yaml): its
     * {@code pip} list, or {@code pip.packages}, is installed on the cluster when the app deploys, whatever the image
     * pins. {@code wholeFile}: the file is a runtime env itself ({@code ray job submit --runtime-env runtime_env.yaml}).
     */
    List<Requirement> rayRuntimeEnv(String text, boolean wholeFile) throws IOException {
        List<Requirement> out = new ArrayList<>();
        for (YamlNode doc : yaml.parse(text)) {
            collectRuntimeEnvPip(doc, wholeFile, out);
        }
        return out;
    }

    private static void collectRuntimeEnvPip(YamlNode node, boolean inRuntimeEnv, List<Requirement> out) {
        if (node instanceof YMap m) {
            for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
                if (inRuntimeEnv && e.getKey().equals("pip")) {
                    YamlNode pip = e.getValue();
                    YList pkgs = pip instanceof YList l ? l : pip instanceof YMap pm ? pm.list("packages").orElse(null) : null;
                    if (pkgs != null) {
                        pkgs.items().stream().filter(YScalar.class::isInstance).map(YScalar.class::cast)
                                .filter(sc -> sc.text() != null)
                                .forEach(sc -> RequirementsFile.parseLine(sc.text().strip(), sc.line()).ifPresent(out::add));
                    }
                } else {
                    collectRuntimeEnvPip(e.getValue(), e.getKey().equals("runtime_env"), out);
                }
            }
        } else if (node instanceof YList l) {
            l.items().forEach(i -> collectRuntimeEnvPip(i, false, out));
        }
    }

    /** Conda: {@code =1.26.4}, {@code ==1.26.4} or a build string pin exactly; a bare name, ranges and {@code *} do not. */
    static java.util.Optional<Requirement> condaSpec(String text, int line) {
        Matcher m = CONDA.matcher(text.strip());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        String name = m.group(1);
        // python and pip are the environment itself; cpuonly/nomkl are switches that select a build variant
        if (name.equalsIgnoreCase("python") || name.equalsIgnoreCase("pip") || name.equalsIgnoreCase("cpuonly")
                || name.equalsIgnoreCase("nomkl")) {
            return java.util.Optional.empty();
        }
        String spec = m.group(2).strip();
        boolean exact = spec.matches("={1,2}\\s*\\d[\\w.+!]*(=\\S+)?") && !spec.contains("*");
        return java.util.Optional.of(new Requirement(name, spec, line, exact));
    }
}
