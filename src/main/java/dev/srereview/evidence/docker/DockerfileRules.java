package dev.srereview.evidence.docker;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.common.Snippets;
import dev.srereview.evidence.deps.PackageRisk;
import dev.srereview.evidence.k8s.DeploymentFacts;
import dev.srereview.evidence.k8s.Manifests;
import dev.srereview.evidence.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Dockerfile rules: floating base images, root final stage, missing HEALTHCHECK, debug env, dev servers, unpinned pip installs. */
public final class DockerfileRules implements FileRules {
    private static final Logger log = LoggerFactory.getLogger(DockerfileRules.class);
    private static final Pattern COPY_FROM = Pattern.compile("--from=(\\S+)");
    private static final Pattern SERVER_CMD = Pattern.compile(
            "\\b(gunicorn|uvicorn|hypercorn|daphne|waitress-serve|uwsgi|flask\\s+run|bentoml\\s+serve|serve\\s+run"
                    + "|torchserve|tritonserver|text-generation-launcher|mlflow\\s+models\\s+serve|streamlit\\s+run"
                    + "|runserver|nginx|vllm\\.entrypoints|vllm\\s+serve|fastapi\\s+run)\\b");
    private static final Pattern PYTHON_SCRIPT = Pattern.compile("\\bpython[0-9.]*\\s+(?:-u\\s+)?(\\S+\\.py)\\b");
    private static final Pattern SERVICE_SCRIPT = Pattern.compile("(app|server|serve|serving|main|api|wsgi|asgi|web)\\.py$");
    private static final Pattern SERVERLESS_BASE = Pattern.compile(
            "(public\\.ecr\\.aws/lambda/|amazon/aws-lambda-|azure-functions/|/sagemaker-|google-appengine|/batch/)");
    /**
     * Bases whose own last USER is not root: distroless/Chainguard nonroot, Bitnami (1001), Ray's images (ray, 1000),
     * TorchServe's (model-server) and the Jupyter stacks (jovyan).
     */
    private static final Pattern NON_ROOT_BASE = Pattern.compile(
            "(:nonroot|-nonroot|cgr\\.dev/chainguard/|-unprivileged|^bitnami/|/bitnami/|^(docker\\.io/)?rayproject/ray(-ml)?([:@]|$)"
                    + "|^(docker\\.io/)?pytorch/torchserve([:@]|$)|^(docker\\.io/|quay\\.io/)?jupyter/)");
    private static final Pattern FLASK_DEV_RUN = Pattern.compile("\\b(?!uvicorn\\b)(app|application|server|api)\\.run\\(");

    private final DockerfileParser parser = new DockerfileParser();
    private final Manifests manifests = new Manifests(new YamlDocuments());

    @Override
    public String name() {
        return "docker";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<SourceFile> dockerfiles = snapshot.files().stream().filter(DockerfileRules::isDockerfile).toList();
        if (dockerfiles.isEmpty()) {
            return List.of();
        }
        DeploymentFacts facts = DeploymentFacts.of(snapshot, manifests);
        List<Finding> out = new ArrayList<>();
        for (SourceFile f : dockerfiles) {
            try {
                out.addAll(analyze(snapshot, f, facts));
            } catch (RuntimeException e) {
                log.warn("Dockerfile rules skipped {}: {}", f.path(), e.toString(), e);
            }
        }
        return out;
    }

    public static boolean isDockerfile(SourceFile f) {
        String b = FileNames.lower(FileNames.base(f.path()));
        return f.kind() == FileKind.DOCKERFILE || b.equals("dockerfile") || b.startsWith("dockerfile.")
                || b.endsWith(".dockerfile") || b.equals("containerfile");
    }

    List<Finding> analyze(RepoSnapshot snapshot, SourceFile f, DeploymentFacts facts) {
        Dockerfile df = parser.parse(f.path(), f.content());
        List<Finding> out = new ArrayList<>();
        for (Stage s : df.stages()) {
            latestTags(df, s, f, out);
            unpinnedInstalls(s, f, out);
        }
        df.finalStage().ifPresent(last -> {
            List<Instruction> lineage = df.lineage(last);
            String base = df.baseImage(last);
            rootUser(f, last, lineage, base, facts, out);
            healthcheck(f, last, lineage, base, facts, out);
            debugEnv(f, lineage, last, out);
            devServer(snapshot, f, lineage, out);
        });
        return out;
    }

    private void latestTags(Dockerfile df, Stage s, SourceFile f, List<Finding> out) {
        if (df.stageNamed(s.image(), s.index()).isEmpty()) {
            ImageRef ref = ImageRef.parse(s.image());
            if (ref.floating()) {
                out.add(latest(f, s.from().line(), ref, "FROM"));
            }
        }
        for (Instruction in : s.body()) {
            if (!in.is("COPY")) {
                continue;
            }
            Matcher m = COPY_FROM.matcher(in.args());
            if (m.find()) {
                String src = DockerfileParser.substitute(m.group(1), df.globalArgs());
                if (df.stageNamed(src, s.index()).isEmpty() && !src.matches("\\d+")) {
                    ImageRef ref = ImageRef.parse(src);
                    if (ref.floating()) {
                        out.add(latest(f, in.line(), ref, "COPY --from"));
                    }
                }
            }
        }
    }

    private static Finding latest(SourceFile f, int line, ImageRef ref, String where) {
        String tag = ref.tag().isEmpty() ? "no tag (so :latest)" : ":latest";
        return new Finding("DOCKER-TAG-001", Category.DOCKER_LATEST_TAG, Severity.P2, f.path(), line,
                where + " " + ref + " uses " + tag + ": each rebuild silently pulls a different image, so a rollback"
                        + " or a hotfix rebuild ships an untested OS, Python or CUDA version.",
                Snippets.line(f, line),
                "Pin a version and a digest: FROM " + ref.name() + ":<version>@sha256:<digest>\n"
                        + "# find the digest: docker buildx imagetools inspect " + ref.name() + ":<version>");
    }

    private void rootUser(SourceFile f, Stage last, List<Instruction> lineage, String base, DeploymentFacts facts,
                          List<Finding> out) {
        Instruction lastUser = null;
        for (Instruction in : lineage) {
            if (in.is("USER")) {
                lastUser = in;
            }
        }
        Severity sev = facts.enforcesNonRoot() ? Severity.P3 : Severity.P2;
        String mitigated = facts.enforcesNonRoot() ? " (the Kubernetes securityContext forces a non-root user, which"
                + " limits the damage)" : "";
        String fix = "RUN useradd --create-home --uid 10001 app\nUSER 10001";
        if (lastUser == null) {
            // Serverless runtimes (Lambda, Functions) run the handler as their own unprivileged user.
            String b = base.toLowerCase(Locale.ROOT);
            if (NON_ROOT_BASE.matcher(b).find() || SERVERLESS_BASE.matcher(b).find() || ImageRef.parse(base).scratch()) {
                return;
            }
            out.add(new Finding("DOCKER-USER-001", Category.DOCKER_ROOT_USER, sev, f.path(), last.from().line(),
                    "The final stage has no USER, so the service runs as root: a remote-code bug in a model"
                            + " loader or a dependency owns the whole container" + mitigated + ".",
                    Snippets.line(f, last.from().line()), fix));
            return;
        }
        String user = lastUser.args().strip().split("[:\\s]")[0];
        if (user.equals("root") || user.equals("0")) {
            out.add(new Finding("DOCKER-USER-002", Category.DOCKER_ROOT_USER, sev, f.path(), lastUser.line(),
                    "The final stage switches back to USER " + user + ": the service runs as root" + mitigated + ".",
                    Snippets.line(f, lastUser.line()), fix));
        }
    }

    private void healthcheck(SourceFile f, Stage last, List<Instruction> lineage, String base, DeploymentFacts facts,
                             List<Finding> out) {
        Instruction hc = null;
        for (Instruction in : lineage) {
            if (in.is("HEALTHCHECK")) {
                hc = in;
            }
        }
        boolean disabled = hc != null && hc.args().strip().toUpperCase(Locale.ROOT).startsWith("NONE");
        if (hc != null && !disabled) {
            return;
        }
        boolean composeCovers = facts.composeHealthFor(f.path()).orElse(facts.composeHealth());
        if (!isService(lineage) || SERVERLESS_BASE.matcher(base.toLowerCase(Locale.ROOT)).find()
                || facts.probesFor(f.path()).orElse(facts.probes()) || composeCovers
                || facts.platformChecked().contains(f.path())) {
            return;
        }
        int line = disabled ? hc.line() : last.from().line();
        String port = exposedPort(lineage).orElse("8080");
        out.add(new Finding("DOCKER-HEALTH-001", Category.DOCKER_NO_HEALTHCHECK, Severity.P2, f.path(), line,
                (disabled ? "HEALTHCHECK NONE disables" : "No HEALTHCHECK and no orchestrator probe:")
                        + " a container whose server hangs (stuck model load, deadlocked worker) still counts as"
                        + " running, so traffic keeps going to it until someone notices by hand.",
                Snippets.line(f, line),
                "HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \\\n"
                        + "  CMD python -c \"import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:" + port
                        + "/healthz', timeout=2)\" || exit 1"));
    }

    static boolean isService(List<Instruction> lineage) {
        if (lineage.stream().anyMatch(i -> i.is("EXPOSE"))) {
            return true;
        }
        String cmd = command(lineage);
        if (SERVER_CMD.matcher(cmd).find()) {
            return true;
        }
        Matcher py = PYTHON_SCRIPT.matcher(cmd);
        return py.find() && SERVICE_SCRIPT.matcher(py.group(1)).find();
    }

    /** ENTRYPOINT and CMD in effect (the last of each), joined as the container would run them. */
    static String command(List<Instruction> lineage) {
        String entry = "";
        String cmd = "";
        for (Instruction in : lineage) {
            if (in.is("ENTRYPOINT")) {
                entry = DockerfileParser.commandText(in.args());
            } else if (in.is("CMD")) {
                cmd = DockerfileParser.commandText(in.args());
            }
        }
        return (entry + " " + cmd).strip();
    }

    private static Optional<String> exposedPort(List<Instruction> lineage) {
        return lineage.stream().filter(i -> i.is("EXPOSE")).map(i -> i.args().strip().split("[\\s/]")[0])
                .filter(p -> p.matches("\\d+")).findFirst();
    }

    private void debugEnv(SourceFile f, List<Instruction> lineage, Stage last, List<Finding> out) {
        for (Instruction in : lineage) {
            if (!in.is("ENV")) {
                continue;
            }
            for (Map.Entry<String, String> e : DockerfileParser.envPairs(in.args()).entrySet()) {
                String k = e.getKey().toUpperCase(Locale.ROOT);
                String v = e.getValue().strip().toLowerCase(Locale.ROOT);
                boolean on = v.equals("1") || v.equals("true") || v.equals("yes") || v.equals("on");
                boolean flask = (k.equals("FLASK_DEBUG") && on) || (k.equals("FLASK_ENV") && v.equals("development"));
                boolean generic = (k.equals("DEBUG") || k.equals("DJANGO_DEBUG") || k.equals("APP_DEBUG")) && on;
                if (flask || generic) {
                    int line = in.lineOf(e.getKey());
                    out.add(new Finding("DOCKER-DEBUG-001", Category.DEBUG_MODE, flask ? Severity.P1 : Severity.P2,
                            f.path(), line,
                            "ENV " + e.getKey() + "=" + e.getValue() + " ships debug mode in the image: stack traces (and,"
                                    + " with Flask's debugger, an interactive console) are served to any client.",
                            Snippets.line(f, line),
                            "Remove it from the image and set it only in local development:\n"
                                    + "docker run -e " + e.getKey() + "=1 ...   # local only"));
                }
            }
        }
    }

    private void devServer(RepoSnapshot snapshot, SourceFile f, List<Instruction> lineage, List<Finding> out) {
        Instruction last = null;
        for (Instruction in : lineage) {
            if (in.is("CMD") || in.is("ENTRYPOINT")) {
                last = in;
            }
        }
        if (last == null) {
            return;
        }
        String cmd = command(lineage);
        String why = null;
        if (cmd.matches(".*\\bflask\\s+run\\b.*")) {
            why = "flask run starts Werkzeug's development server";
        } else if (cmd.matches(".*\\brunserver\\b.*")) {
            why = "manage.py runserver is Django's development server";
        } else if (cmd.matches(".*\\buvicorn\\b.*--reload\\b.*")) {
            why = "uvicorn --reload runs a file watcher meant for development";
        } else {
            Matcher py = PYTHON_SCRIPT.matcher(cmd);
            if (py.find() && !SERVER_CMD.matcher(cmd).find() && callsFlaskRun(snapshot, py.group(1))) {
                why = "python " + py.group(1) + " runs app.run(), Flask's development server";
            }
        }
        if (why != null) {
            out.add(new Finding("DOCKER-DEVSERVER-001", Category.DEBUG_MODE, Severity.P2, f.path(), last.line(),
                    why + " in the production image: not hardened, no worker management, and one slow request"
                            + " blocks others under load.",
                    Snippets.line(f, last.line()),
                    "CMD [\"gunicorn\", \"--workers\", \"2\", \"--timeout\", \"60\", \"--bind\", \"0.0.0.0:8080\", \"app:app\"]"));
        }
    }

    private static boolean callsFlaskRun(RepoSnapshot snapshot, String script) {
        String base = FileNames.base(script);
        return snapshot.files().stream()
                .filter(sf -> FileNames.base(sf.path()).equals(base))
                .anyMatch(sf -> (sf.content().contains("from flask import") || sf.content().contains("import flask"))
                        && FLASK_DEV_RUN.matcher(sf.content()).find());
    }

    private void unpinnedInstalls(Stage s, SourceFile f, List<Finding> out) {
        for (Instruction in : s.body()) {
            if (!in.is("RUN")) {
                continue;
            }
            Map<Integer, List<PipInstall.Package>> byLine = new java.util.TreeMap<>();
            for (PipInstall.Install install : PipInstall.parse(in.args())) {
                if (install.constrained()) {
                    continue;
                }
                for (PipInstall.Package p : install.packages()) {
                    if (!p.pinned() && !PackageRisk.tooling(p.name())) {
                        byLine.computeIfAbsent(in.lineOf(p.name() + p.spec()), k -> new ArrayList<>()).add(p);
                    }
                }
            }
            byLine.forEach((line, pkgs) -> out.add(unpinned(f, line, pkgs)));
        }
    }

    private static Finding unpinned(SourceFile f, int line, List<PipInstall.Package> pkgs) {
        Severity sev = pkgs.stream().map(p -> PackageRisk.severity(p.name(), p.spec().isEmpty()))
                .min(Enum::compareTo).orElse(Severity.P3);
        String names = String.join(", ", pkgs.stream().map(p -> p.name() + p.spec()).toList());
        boolean ml = pkgs.stream().anyMatch(p -> PackageRisk.mlFramework(p.name()));
        String pins = String.join(" ", pkgs.stream().map(p -> p.name() + "==<version>").toList());
        return new Finding("DOCKER-PIP-001", Category.UNPINNED_DEPENDENCY, sev, f.path(), line,
                "pip install " + names + " without an exact version: the next build installs whatever is newest"
                        + (ml ? ", and a new ML framework release can fail to load the model saved with the old one."
                        : ", so two builds of the same commit can behave differently."),
                Snippets.line(f, line),
                "RUN pip install --no-cache-dir " + pins + "\n# or list them in a pinned requirements file: pip freeze > requirements.txt");
    }
}
