package dev.srereview.context;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what a file is to an SRE, from its path and, where the name is not enough, its content:
 * Kubernetes manifests by {@code apiVersion} + {@code kind}, serving code by its imports and routes.
 * Content checks read the hits of one {@link Needles} pass instead of searching the text again.
 */
final class FileClassifier {
    private static final Set<String> CODE_EXTENSIONS = Set.of(
            "py", "pyi", "pyx", "js", "mjs", "cjs", "ts", "tsx", "jsx", "go", "java", "kt", "kts", "scala",
            "rs", "rb", "php", "cs", "cpp", "cc", "cxx", "c", "h", "hpp", "swift", "r", "jl", "sh", "bash", "zsh",
            "ps1", "sql", "lua", "pl", "groovy", "m", "dart", "ex", "exs", "clj");
    private static final Set<String> CONFIG_EXTENSIONS = Set.of(
            "yaml", "yml", "toml", "ini", "cfg", "conf", "json", "jsonc", "json5", "properties", "env", "tf",
            "tfvars", "hcl", "xml", "pbtxt", "prototxt", "service", "nomad");
    private static final Set<String> DOC_EXTENSIONS = Set.of("md", "markdown", "rst", "adoc", "txt", "org", "tex");
    private static final Set<String> DEPENDENCY_NAMES = Set.of(
            "pyproject.toml", "pipfile", "pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock", "setup.py",
            "setup.cfg", "environment.yml", "environment.yaml", "conda.yaml", "conda.yml", "conda-lock.yml",
            "package.json", "package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.mod", "go.sum",
            "cargo.toml", "cargo.lock", "pom.xml", "build.gradle", "build.gradle.kts", "gemfile", "gemfile.lock",
            "composer.json", "composer.lock", "bun.lockb", "requirements.txt");
    private static final Set<String> LOCK_NAMES = Set.of(
            "pipfile.lock", "poetry.lock", "uv.lock", "pdm.lock", "conda-lock.yml", "package-lock.json",
            "yarn.lock", "pnpm-lock.yaml", "go.sum", "cargo.lock", "gemfile.lock", "composer.lock");
    private static final Set<String> CI_NAMES = Set.of(
            ".gitlab-ci.yml", ".gitlab-ci.yaml", "jenkinsfile", "azure-pipelines.yml", "azure-pipelines.yaml",
            ".travis.yml", "bitbucket-pipelines.yml", "cloudbuild.yaml", "cloudbuild.yml", ".drone.yml",
            "buildspec.yml", "appveyor.yml", "codemagic.yaml");
    private static final Set<String> SERVING_NAMES = Set.of(
            "app.py", "server.py", "serve.py", "serving.py", "wsgi.py", "asgi.py", "api.py", "handler.py",
            "service.py", "predict.py", "predictor.py", "inference.py", "main.go", "server.js", "server.ts");
    private static final Set<String> ENTRY_NAMES = Set.of("main.py", "__main__.py", "cli.py", "manage.py");
    /** Python modules whose import makes a file serving code. */
    private static final List<String> SERVING_MODULES = List.of(
            "flask", "fastapi", "bentoml", "starlette", "aiohttp", "django", "gradio", "streamlit", "tornado",
            "sanic", "litserve", "falcon", "quart", "uvicorn", "gunicorn", "kserve", "mlserver", "seldon_core",
            "triton_python_backend_utils", "ts.torch_handler", "cog", "grpc", "http.server", "socketserver",
            "ray.serve", "connexion", "bottle", "cherrypy", "waitress", "hypercorn", "litestar", "robyn");
    private static final List<String> TRAINING_MODULES = List.of(
            "torch.optim", "pytorch_lightning", "lightning", "keras.callbacks", "accelerate", "deepspeed",
            "optuna", "sklearn.model_selection", "datasets", "peft", "trl");

    private FileClassifier() {
    }

    /**
     * @param rel     path relative to the root, '/' separators
     * @param inChart true when an ancestor directory (or this one) holds a Chart.yaml
     * @param content the text (may be cut); used only where the name does not decide
     */
    static FileKind classify(String rel, boolean inChart, String content) {
        return classify(rel, inChart, content, Needles.scan(content));
    }

    /** As above, with the needle hits the scanner already has for this content. */
    static FileKind classify(String rel, boolean inChart, String content, Needles.Hits hits) {
        String name = rel.substring(rel.lastIndexOf('/') + 1);
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = PathRules.extension(name);
        if (lower.startsWith("dockerfile") || lower.endsWith(".dockerfile") || lower.startsWith("containerfile")) {
            return FileKind.DOCKERFILE;
        }
        if (isCompose(lower)) {
            return FileKind.COMPOSE;
        }
        if (isCi(rel, lower)) {
            return FileKind.CI_WORKFLOW;
        }
        if (inChart && (lower.equals("chart.yaml") || lower.startsWith("values") || rel.contains("templates/")
                || ext.equals("tpl") || ext.equals("yaml") || ext.equals("yml"))) {
            return FileKind.HELM_CHART;
        }
        if (isDependencyFile(rel, lower, ext)) {
            return FileKind.DEPENDENCY_FILE;
        }
        if (ext.equals("ipynb")) {
            return FileKind.NOTEBOOK;
        }
        if (ext.equals("yaml") || ext.equals("yml") || ext.equals("json")) {
            if (lower.startsWith("kustomization.") || looksLikeK8s(content, hits, ext.equals("json"))) {
                return FileKind.K8S_MANIFEST;
            }
            return FileKind.CONFIG;
        }
        if (isConfig(lower, ext)) {
            return FileKind.CONFIG;
        }
        if (CODE_EXTENSIONS.contains(ext) || lower.equals("makefile")) {
            if (isTest(rel, lower)) {
                return FileKind.TEST;
            }
            return codeKind(lower, content, hits);
        }
        if (DOC_EXTENSIONS.contains(ext) || lower.startsWith("readme") || lower.startsWith("license")
                || lower.startsWith("changelog") || lower.startsWith("notice") || lower.startsWith("contributing")) {
            return FileKind.DOC;
        }
        return FileKind.OTHER;
    }

    /** Lock files are dependency files, but long and rarely worth a prompt's tokens. */
    static boolean isLockFile(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return LOCK_NAMES.contains(name);
    }

    /** Conventional entry points that did not show serving imports (main.py, manage.py, ...). */
    static boolean isEntryPoint(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        return ENTRY_NAMES.contains(name) || SERVING_NAMES.contains(name);
    }

    private static boolean isCompose(String lower) {
        return (lower.startsWith("docker-compose") || lower.startsWith("compose.") || lower.startsWith("compose-"))
                && (lower.endsWith(".yml") || lower.endsWith(".yaml"));
    }

    private static boolean isCi(String rel, String lower) {
        if (CI_NAMES.contains(lower) || rel.startsWith(".circleci/") || rel.startsWith(".buildkite/")
                || rel.startsWith(".tekton/")) {
            return true;
        }
        boolean yaml = lower.endsWith(".yml") || lower.endsWith(".yaml");
        return yaml && (rel.startsWith(".github/workflows/") || rel.startsWith(".github/actions/")
                || rel.startsWith(".gitea/workflows/") || rel.startsWith(".forgejo/workflows/"));
    }

    private static boolean isDependencyFile(String rel, String lower, String ext) {
        if (DEPENDENCY_NAMES.contains(lower)) {
            return true;
        }
        if ((lower.startsWith("requirements") || lower.startsWith("constraints"))
                && (ext.equals("txt") || ext.equals("in"))) {
            return true;
        }
        if (rel.contains("requirements/") && (ext.equals("txt") || ext.equals("in"))) {
            return true;
        }
        return lower.startsWith("environment") && (ext.equals("yml") || ext.equals("yaml"));
    }

    private static boolean isConfig(String lower, String ext) {
        if (CONFIG_EXTENSIONS.contains(ext)) {
            return true;
        }
        if (lower.equals(".env") || lower.startsWith(".env.") || lower.equals(".envrc") || lower.equals("procfile")
                || lower.equals(".dockerignore") || lower.equals("mlproject") || lower.equals("bentofile.yaml")) {
            return true;
        }
        // gunicorn.conf.py and friends are Python, but they are the server's configuration.
        return ext.equals("py") && (lower.startsWith("gunicorn") || lower.startsWith("uwsgi")
                || lower.equals("settings.py") || lower.equals("config.py"));
    }

    private static boolean isTest(String rel, String lower) {
        if (lower.startsWith("test_") || lower.startsWith("tests_") || lower.equals("conftest.py")
                || lower.contains("_test.") || lower.contains(".test.") || lower.contains(".spec.")
                || lower.endsWith("test.java") || lower.endsWith("tests.java") || lower.endsWith("test.kt")) {
            return true;
        }
        String r = "/" + rel;
        return r.contains("/test/") || r.contains("/tests/") || r.contains("/__tests__/") || r.contains("/testing/");
    }

    private static FileKind codeKind(String lower, String content, Needles.Hits hits) {
        boolean serving = false;
        boolean training = false;
        for (int h = 0; h < hits.size() && !serving; h++) {
            Needles.Use use = hits.needle(h).use();
            if (use == Needles.Use.ROUTE) {
                serving = true;
            } else if (use == Needles.Use.TRAINING) {
                training = true;
            } else if (use == Needles.Use.IMPORT && atLineStart(content, hits.start(h))) {
                int eol = content.indexOf('\n', hits.start(h));
                String line = content.substring(hits.start(h), eol < 0 ? content.length() : eol);
                String module = importedModule(line); // null for "Import" or "FROM" (the hit ignores case)
                if (module != null) {
                    serving = startsWithAny(module, SERVING_MODULES) || line.startsWith("from ray import serve");
                    training |= startsWithAny(module, TRAINING_MODULES);
                }
            }
        }
        if (serving) {
            return FileKind.SERVING_CODE;
        }
        boolean trainingName = lower.startsWith("train") || lower.startsWith("finetun") || lower.startsWith("fine_tun")
                || lower.startsWith("preprocess") || lower.startsWith("etl") || lower.startsWith("batch")
                || lower.startsWith("evaluate");
        if (training || trainingName) {
            return FileKind.TRAINING_CODE;
        }
        if (SERVING_NAMES.contains(lower)) {
            return FileKind.SERVING_CODE;
        }
        return FileKind.OTHER_CODE;
    }

    /** True when only spaces or tabs stand between {@code pos} and the start of its line. */
    private static boolean atLineStart(String content, int pos) {
        int i = pos;
        while (i > 0 && (content.charAt(i - 1) == ' ' || content.charAt(i - 1) == '\t')) {
            i--;
        }
        return i == 0 || content.charAt(i - 1) == '\n';
    }

    /** "flask" for "import flask", "from flask import X" and "import flask as f"; null for other lines. */
    private static String importedModule(String line) {
        String rest;
        if (line.startsWith("import ")) {
            rest = line.substring(7);
        } else if (line.startsWith("from ")) {
            rest = line.substring(5);
        } else {
            return null;
        }
        rest = rest.strip();
        int stop = 0;
        while (stop < rest.length() && (Character.isLetterOrDigit(rest.charAt(stop)) || rest.charAt(stop) == '_'
                || rest.charAt(stop) == '.')) {
            stop++;
        }
        return rest.substring(0, stop);
    }

    private static boolean startsWithAny(String module, List<String> prefixes) {
        for (String p : prefixes) {
            if (module.equals(p) || (module.startsWith(p) && module.charAt(p.length()) == '.')) {
                return true;
            }
        }
        return false;
    }

    /** Top-level {@code apiVersion:} and {@code kind:} keys (YAML), or both keys quoted (JSON). */
    static boolean looksLikeK8s(String content, Needles.Hits hits, boolean json) {
        boolean apiVersion = false;
        boolean kind = false;
        for (int h = 0; h < hits.size(); h++) {
            Needles.Needle n = hits.needle(h);
            if (n.use() != Needles.Use.K8S) {
                continue;
            }
            int s = hits.start(h);
            int e = s + n.text().length();
            boolean key = json
                    ? s > 0 && content.charAt(s - 1) == '"' && e < content.length() && content.charAt(e) == '"'
                    : (s == 0 || content.charAt(s - 1) == '\n') && e < content.length() && content.charAt(e) == ':';
            if (key && content.startsWith(n.text().equals("kind") ? "kind" : "apiVersion", s)) {
                apiVersion |= n.text().equals("apiversion");
                kind |= n.text().equals("kind");
            }
        }
        return apiVersion && kind;
    }
}
