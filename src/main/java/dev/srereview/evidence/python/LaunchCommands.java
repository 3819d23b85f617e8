package dev.srereview.evidence.python;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the repository's launch files start: Dockerfiles, compose files, Procfiles and Kubernetes manifests. Only
 * their text is read (commands are short; a regex over the file is enough to tell gunicorn from {@code python x.py}).
 *
 * @param any          some launch file exists
 * @param prodServer   some launch file starts a production server (gunicorn, uvicorn, waitress, …)
 * @param pythonFiles  base names of the files started as {@code python [-u] path/to/file.py} or {@code python -m pkg.mod}
 * @param servedModules the dotted modules app servers run ({@code model_server} for {@code uvicorn model_server:app})
 */
record LaunchCommands(boolean any, boolean prodServer, Set<String> pythonFiles, Set<String> servedModules) {
    /** A line that starts an app server ({@code uvicorn model_server:app}, {@code gunicorn -w 2 api.main:app}). */
    private static final Pattern SERVER_LINE = Pattern.compile("(?m)^.*\\b(?:uvicorn|gunicorn|hypercorn|granian|daphne)\\b.*$");
    /** A {@code module:app} token, with the flag before it if any ({@code -k uvicorn.workers:UvicornWorker}). */
    private static final Pattern APP_TOKEN = Pattern.compile(
            "(?:(-[a-z]|--[a-z-]+)[\\s\"',=]+)?(?<![\\w.:/-])([A-Za-z_][\\w.]*):([A-Za-z_]\\w*)(?:\\(\\))?(?![\\w.:/])");
    /** Flags whose value looks like module:attr but is not the app (a config, a worker class, a bind address). */
    private static final java.util.Set<String> NOT_APP_FLAGS = java.util.Set.of("-c", "--config", "-k", "--worker-class",
            "-b", "--bind", "--uds", "--host");

    private static final Pattern PROD_SERVER = Pattern.compile(
            "\\b(gunicorn|uvicorn|hypercorn|waitress-serve|granian|daphne|uwsgi)\\b");
    private static final Pattern PYTHON_FILE = Pattern.compile(
            "\\bpython[0-9.]*\"?\\s*,?\\s*(?:\"?-[a-zA-Z]+\"?\\s*,?\\s*)*\"?([\\w./-]+\\.py)\\b");

    /** {@code python -m churn.app}: the module's file is what runs (tools started this way are not the project's). */
    private static final Pattern PYTHON_MODULE = Pattern.compile(
            "\\bpython[0-9.]*\"?\\s*,?\\s*(?:\"?-[a-zA-Z]+\"?\\s*,?\\s*)*?\"?-m\"?\\s*,?\\s*\"?([A-Za-z_][\\w.]*)");
    private static final Set<String> TOOL_MODULES = Set.of("pip", "uvicorn", "gunicorn", "hypercorn", "flask", "celery",
            "http", "venv", "pytest", "ensurepip", "streamlit", "gradio", "waitress", "torch", "bentoml", "ray",
            "granian", "daphne", "rq", "dramatiq", "huey", "spacy", "nltk", "unittest", "json", "grpc_tools");

    /** {@code ENTRYPOINT ["python", "-m"]}: the CMD or a manifest's {@code args} name the module to run. */
    private static final Pattern MODULE_ENTRYPOINT = Pattern.compile(
            "ENTRYPOINT\\s*\\[\\s*\"python[0-9.]*\"\\s*,\\s*\"-m\"\\s*]");
    private static final Pattern MODULE_ARGUMENT = Pattern.compile(
            "(?:\\bCMD|\\bargs:)\\s*\\[\\s*\"([A-Za-z_][\\w]*\\.[\\w.]*[A-Za-z_]\\w*)\"");

    static LaunchCommands of(RepoSnapshot snapshot) {
        boolean any = false;
        boolean prod = false;
        Set<String> files = new HashSet<>();
        Set<String> served = new HashSet<>();
        boolean moduleEntrypoint = snapshot.files().stream()
                .anyMatch(f -> isLaunchFile(f.path()) && MODULE_ENTRYPOINT.matcher(f.content()).find());
        for (SourceFile f : snapshot.files()) {
            if (!isLaunchFile(f.path())) {
                continue;
            }
            any = true;
            String text = f.content();
            Matcher arg = moduleEntrypoint ? MODULE_ARGUMENT.matcher(text) : null;
            while (arg != null && arg.find()) {
                String name = arg.group(1);
                files.add(name.substring(name.lastIndexOf('.') + 1) + ".py");
            }
            prod |= PROD_SERVER.matcher(text).find();
            Matcher line = SERVER_LINE.matcher(text);
            while (line.find()) {
                String last = null; // the app is the last module:attr on the line that is no flag's value
                Matcher t = APP_TOKEN.matcher(line.group());
                while (t.find()) {
                    if ((t.group(1) == null || !NOT_APP_FLAGS.contains(t.group(1)))
                            && !t.group(2).equals("unix") && !t.group(2).equals("python") && !t.group(2).equals("tcp")) {
                        last = t.group(2);
                    }
                }
                if (last != null) {
                    served.add(last);
                }
            }
            Matcher m = PYTHON_FILE.matcher(text);
            while (m.find()) {
                String p = m.group(1);
                files.add(p.substring(p.lastIndexOf('/') + 1));
            }
            Matcher mod = PYTHON_MODULE.matcher(text);
            while (mod.find()) {
                String name = mod.group(1);
                if (!TOOL_MODULES.contains(name.split("\\.")[0])) {
                    files.add(name.substring(name.lastIndexOf('.') + 1) + ".py");
                    files.add("__main__.py"); // python -m package runs package/__main__.py
                }
            }
        }
        return new LaunchCommands(any, prod, Set.copyOf(files), Set.copyOf(served));
    }

    /**
     * An app server runs this module as its own service ({@code uvicorn model_server:app} for
     * {@code model_server.py}, {@code api.main:app} for {@code api/main.py}).
     */
    boolean serves(String dottedModule, java.util.Collection<String> candidates) {
        for (String s : servedModules) {
            if (s.equals(dottedModule)) {
                return true;
            }
            // a suffix (uvicorn app:app run from inside src/) counts only when one candidate module ends with it
            if (dottedModule.endsWith("." + s)
                    && candidates.stream().filter(c -> c.equals(s) || c.endsWith("." + s)).count() == 1) {
                return true;
            }
        }
        return false;
    }

    boolean mayLaunch(String path) {
        return !any || !prodServer || pythonFiles.contains(path.substring(path.lastIndexOf('/') + 1));
    }

    /** A launch file starts this file itself ({@code python forecast/job.py}, {@code python -m forecast.job}). */
    boolean starts(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1);
        return !base.equals("__main__.py") && pythonFiles.contains(base);
    }

    private static boolean isLaunchFile(String path) {
        String base = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        String lower = path.toLowerCase(Locale.ROOT);
        return base.startsWith("dockerfile") || base.endsWith(".dockerfile") || base.equals("procfile")
                || base.startsWith("docker-compose") || base.startsWith("compose.")
                // PaaS blueprints: Render's startCommand, Fly's [processes], App Engine's entrypoint, Railway's
                || base.equals("render.yaml") || base.equals("render.yml") || base.equals("fly.toml")
                || base.equals("app.yaml") || base.equals("railway.toml") || base.equals("railway.json")
                || (base.endsWith(".yaml") || base.endsWith(".yml")) && (lower.contains("k8s") || lower.contains("kube")
                        || lower.contains("deploy") || lower.contains("manifests") || lower.contains("helm")
                        || lower.contains("charts"));
    }
}
