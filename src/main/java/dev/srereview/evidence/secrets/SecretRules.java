package dev.srereview.evidence.secrets;

import dev.srereview.context.DockerIgnore;
import dev.srereview.context.FileKind;
import dev.srereview.context.IgnoredSecret;
import dev.srereview.context.Redaction;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.common.Snippets;
import dev.srereview.evidence.docker.Dockerfile;
import dev.srereview.evidence.docker.DockerfileParser;
import dev.srereview.evidence.docker.Instruction;
import dev.srereview.evidence.docker.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every secret the redactor replaced becomes a finding. The snippet is the redacted line, so the
 * secret itself never leaves the scanner. Real credentials in committed code are P0 (they must be
 * rotated, not just deleted: git history keeps them); placeholders in example files and fixtures are lower.
 */
public final class SecretRules implements FileRules {
    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (SourceFile f : snapshot.files()) {
            for (Redaction r : f.redactions()) {
                if (testFixture(f, r)) {
                    continue; // redacted all the same: it never leaves the machine
                }
                Severity sev = severity(f);
                String who = r.name() == null || r.name().isBlank() ? "" : " assigned to " + r.name();
                out.add(new Finding("SECRET-001", Category.SECRET_IN_CODE, sev, f.path(), Math.max(1, r.line()),
                        article(r.detector()) + r.detector() + " credential" + who + " is committed in " + f.path()
                                + consequence(sev),
                        Snippets.line(f, Math.max(1, r.line())), fix(r)));
            }
        }
        out.addAll(bakedIntoImage(snapshot));
        return out;
    }

    /**
     * A gitignored secret file (git never saw it) that a Dockerfile's whole-context {@code COPY . .} puts into the
     * image, with no .dockerignore rule keeping it out: everyone who can pull the image can read it.
     */
    private static List<Finding> bakedIntoImage(RepoSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        if (snapshot.ignoredSecrets().isEmpty()) {
            return out;
        }
        DockerfileParser parser = new DockerfileParser();
        dev.srereview.evidence.k8s.DeploymentFacts facts = dev.srereview.evidence.k8s.DeploymentFacts.of(snapshot,
                new dev.srereview.evidence.k8s.Manifests(new dev.srereview.evidence.yaml.YamlDocuments()));
        java.util.Set<String> reported = new java.util.HashSet<>();
        for (SourceFile f : snapshot.ofKind(FileKind.DOCKERFILE)) {
            Instruction copy = wholeContextCopy(parser.parse(f.path(), f.content()));
            if (copy == null) {
                continue;
            }
            // the Dockerfile's own directory (docker build), or the context compose builds it from
            for (String dir : facts.buildContexts(f.path())) {
                String context = dir.isEmpty() ? "" : dir + "/";
                String ignore = snapshot.file(context + ".dockerignore").map(SourceFile::content).orElse("");
                for (IgnoredSecret s : snapshot.ignoredSecrets()) {
                    if (!s.path().startsWith(context) || DockerIgnore.excludes(ignore, s.path().substring(context.length()))
                            || !reported.add(s.path() + ":" + s.line())) {
                        continue;
                    }
                    String who = s.name() == null || s.name().isBlank() ? "" : " (" + s.name() + ")";
                    out.add(new Finding("SECRET-002", Category.SECRET_IN_CODE, Severity.P1, s.path(), s.line(),
                            article(s.detector()) + s.detector() + " credential" + who + " sits in " + s.path() + ", which is gitignored but "
                                    + "not dockerignored: `" + copy.keyword() + " " + copy.args() + "` in " + f.path() + ":"
                                    + copy.line() + " copies it into the image, where anyone who can pull the image (a "
                                    + "registry, a Space, a teammate) can read it with `docker cp`.",
                            (s.name() == null || s.name().isBlank() ? "" : s.name() + " = ") + "[REDACTED:" + s.detector()
                                    + "]",
                            "# keep it out of the build context:\necho '" + s.path().substring(context.length()) + "' >> "
                                    + context + ".dockerignore\n"
                                    + "# and hand it to the container at run time instead (env var, mounted secret,\n"
                                    + "# docker run --env-file, the platform's secrets settings); rotate it if the image was pushed"));
                }
            }
        }
        return out;
    }

    /** The final stage's (or its ancestors') {@code COPY . <dest>} / {@code ADD ./ <dest>} of the whole build context. */
    private static Instruction wholeContextCopy(Dockerfile d) {
        Stage last = d.finalStage().orElse(null);
        if (last == null) {
            return null;
        }
        for (Instruction in : d.lineage(last)) {
            if (!in.is("COPY") && !in.is("ADD") || in.args().contains("--from")) {
                continue;
            }
            String[] words = in.args().trim().split("\\s+");
            int n = words.length;
            for (int i = 0; i < n - 1; i++) {
                String w = words[i];
                if (!w.startsWith("--") && (w.equals(".") || w.equals("./"))) {
                    return in;
                }
            }
        }
        return null;
    }

    /**
     * A test's own credential, known only by its assignment ({@code os.environ.setdefault("API_KEY", "ci-only-key-3f9a1c")},
     * a password for the test database): the fixture the test runs against, not an account anyone can use. A
     * vendor-shaped token (ghp_, AKIA, sk-...) in a test is still reported: real keys get pasted into tests.
     */
    private static boolean testFixture(SourceFile f, Redaction r) {
        boolean byAssignment = r.detector().equals("generic-secret") || r.detector().equals("password");
        String p = "/" + f.path().toLowerCase(Locale.ROOT);
        String base = p.substring(p.lastIndexOf('/') + 1);
        // a test suite's own file, not any script whose name ends in _test (a post-deploy smoke_test.py holds real keys)
        boolean suite = p.contains("/tests/") || p.contains("/test/") || base.startsWith("test_") || base.equals("conftest.py");
        return byAssignment && f.kind() == FileKind.TEST && suite;
    }

    /** "An openai-key credential", "A generic-secret credential". */
    private static String article(String word) {
        return !word.isEmpty() && "aeiou".indexOf(Character.toLowerCase(word.charAt(0))) >= 0 ? "An " : "A ";
    }

    static Severity severity(SourceFile f) {
        if (FileNames.isExampleFile(f.path())) {
            return Severity.P3;
        }
        if (f.kind() == FileKind.TEST || f.kind() == FileKind.DOC || FileNames.isNonProductionPath(f.path())) {
            return Severity.P2;
        }
        return Severity.P0;
    }

    private static String consequence(Severity sev) {
        return switch (sev) {
            case P0 -> ": anyone with read access to the repository (or any clone, fork or CI log) can use it,"
                    + " and deleting the line does not remove it from git history.";
            case P2 -> ": it sits in a test or doc file, but if it is a live credential it is as exposed as any other.";
            default -> ": an example file; make sure it holds a placeholder, not a real value.";
        };
    }

    private static String fix(Redaction r) {
        String var = r.name() == null || r.name().isBlank() ? "API_KEY" : r.name().toUpperCase(Locale.ROOT)
                .replaceAll("[^A-Z0-9_]", "_");
        return "# 1. rotate the credential now (revoke it at the provider)\n"
                + "# 2. read it from the environment or a secret store:\n"
                + var.toLowerCase(Locale.ROOT) + " = os.environ[\"" + var + "\"]\n"
                + "# 3. purge history: git filter-repo --replace-text <(echo 'the-old-secret==>REMOVED')";
    }
}
