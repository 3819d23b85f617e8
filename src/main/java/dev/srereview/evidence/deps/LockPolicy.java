package dev.srereview.evidence.deps;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.docker.Dockerfile;
import dev.srereview.evidence.docker.DockerfileParser;
import dev.srereview.evidence.docker.DockerfileRules;
import dev.srereview.evidence.docker.Instruction;
import dev.srereview.evidence.docker.PipInstall;
import dev.srereview.evidence.docker.Stage;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides when a manifest's loose versions do not matter because a committed lock file is what gets
 * installed. With a Dockerfile, what its RUN lines install decides; without one, a lock next to the
 * manifest is taken to be used (that is what the lock tools do by default).
 */
final class LockPolicy {
    private static final Map<String, List<String>> LOCKS = Map.of(
            "pyproject.toml", List.of("poetry.lock", "uv.lock", "pdm.lock"),
            "pipfile", List.of("Pipfile.lock"),
            "environment.yml", List.of("conda-lock.yml", "environment.lock.yml"),
            "environment.yaml", List.of("conda-lock.yml", "environment.lock.yml"));
    private static final Pattern LOCK_TOOL = Pattern.compile(
            "\\b(poetry\\s+(install|export|sync)|pipenv\\s+(sync|install\\s+[^&;|]*--(deploy|ignore-pipfile))"
                    + "|uv\\s+sync|uv\\s+pip\\s+sync|pdm\\s+(install|sync)|conda-lock\\s+install|pip-sync)\\b");
    private static final Pattern PIP_INSTALL_PROJECT = Pattern.compile("\\bpip3?\\s+(?:install|wheel)\\b[^&;|]*\\s(-e\\s+)?[\"']?\\.(\\s|$|\\[|[\"'])");

    private final boolean dockerfiles;
    private final boolean lockTool;
    private final boolean installsProject;
    private final Set<String> installedRequirementFiles = new HashSet<>();
    private final String runs;

    LockPolicy(RepoSnapshot snapshot) {
        DockerfileParser parser = new DockerfileParser();
        boolean any = false;
        boolean tool = false;
        boolean project = false;
        StringBuilder allRuns = new StringBuilder();
        for (SourceFile f : snapshot.files()) {
            if (!DockerfileRules.isDockerfile(f)) {
                continue;
            }
            Dockerfile df = parser.parse(f.path(), f.content());
            for (Stage s : df.stages()) {
                for (Instruction in : s.body()) {
                    if (!in.is("RUN")) {
                        continue;
                    }
                    any = true;
                    allRuns.append(in.args()).append('\n');
                    tool |= LOCK_TOOL.matcher(in.args()).find();
                    // `pip install --no-deps .` installs only the project's own code: its ranges are never resolved
                    Matcher pm = PIP_INSTALL_PROJECT.matcher(in.args() + " ");
                    project |= pm.find() && !pm.group().contains("--no-deps");
                    PipInstall.parse(in.args()).forEach(i -> i.requirementFiles()
                            .forEach(r -> installedRequirementFiles.add(FileNames.base(r))));
                }
            }
        }
        this.dockerfiles = any;
        this.lockTool = tool;
        this.installsProject = project;
        this.runs = allRuns.toString();
    }

    /**
     * Whether the image installs from this kind of manifest at all. With no Dockerfile we cannot tell, so yes.
     * A pyproject is installed by pip install . or a lock tool; a Pipfile by pipenv; an environment file by conda.
     */
    boolean imageInstalls(String path) {
        if (!dockerfiles) {
            return true;
        }
        String base = FileNames.lower(FileNames.base(path));
        return switch (base) {
            case "pyproject.toml" -> installsProject || lockTool;
            case "pipfile" -> runs.contains("pipenv");
            case "environment.yml", "environment.yaml" -> runs.matches("(?s).*\\b(conda|mamba|micromamba)\\b.*")
                    || runs.contains(FileNames.base(path));
            default -> true;
        };
    }

    boolean lockToolUsed() {
        return lockTool;
    }

    /** Base names of the requirement files some Dockerfile installs with -r. */
    Set<String> installedRequirementFiles() {
        return Set.copyOf(installedRequirementFiles);
    }

    boolean dockerfileInstalls() {
        return dockerfiles;
    }

    /** True when the manifest at {@code path} is superseded by a committed lock that the build uses. */
    boolean exempt(RepoSnapshot snapshot, String path) {
        String base = FileNames.lower(FileNames.base(path));
        List<String> locks = LOCKS.get(base);
        if (locks == null) {
            return false;
        }
        String dir = FileNames.dir(path);
        boolean lockPresent = locks.stream().anyMatch(l -> snapshot.exists(dir.isEmpty() ? l : dir + "/" + l));
        if (!lockPresent) {
            return false;
        }
        if (!dockerfiles) {
            return true;
        }
        // `pip install .` reads pyproject's ranges and ignores the lock, unless a lock tool exported it first.
        return lockTool || !installsProject && installedRequirementFiles.isEmpty();
    }

    /** A requirements file whose every line is pinned with hashes, or one named *.lock: a lock in its own right. */
    static boolean isLockLike(String path, RequirementsFile parsed, String content) {
        String b = FileNames.lower(FileNames.base(path));
        return b.endsWith(".lock") || b.contains(".lock.") || content.contains("--hash=")
                && parsed.requirements().stream().allMatch(Requirement::pinned);
    }

    static boolean devName(String path) {
        String b = FileNames.base(path).toLowerCase(Locale.ROOT);
        return b.matches(".*(^|[-_.])(dev|test|tests|testing|lint|docs|doc|ci|local|typing|format)([-_.].*|$)");
    }
}
