package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** debug-mode: debuggers, auto-reload and development servers in served code. */
final class DebugRules implements NodeRule {
    /** A Django project's developer settings (settings/dev.py, settings_local.py): debug on is their purpose. */
    private static final Pattern DEV_SETTINGS = Pattern.compile(
            "(^|/)settings/(dev|development|local|test|testing)\\.py$|(^|/)settings_(dev|development|local|test)\\.py$|"
                    + "(^|/)(dev|local)_settings\\.py$");
    @Override
    public Set<String> nodeTypes() {
        return Set.of("call", "assignment");
    }

    @Override
    public void check(PyNode n, Scan scan) {
        if (!scan.role().production()) {
            return;
        }
        if (n.is("call")) {
            call(n, scan);
        } else {
            assignment(n, scan);
        }
    }

    private void call(PyNode call, Scan scan) {
        PyModule m = scan.module;
        PyNode recv = Syntax.receiver(call);
        boolean appName = recv != null && recv.is("identifier")
                && (recv.text().equals("app") || recv.text().equals("application"));
        boolean flaskHere = isFlaskApp(m.qualify(recv)) || appName && m.importsAny("flask", "quart")
                || recv != null && m.qualify(recv) != null && m.qualify(recv).endsWith("create_app");
        if (!flaskHere && appName && m.imports.containsKey(recv.text())) {
            // An imported `app` is a Flask app only if some module of the repository creates one: known at the
            // end, so both readings are emitted under their conditions and one of them stands.
            call(call, scan, true, RepoCondition.FLASK_APP_IN_REPO);
            call(call, scan, false, RepoCondition.NO_FLASK_APP_IN_REPO);
        } else {
            call(call, scan, flaskHere, null);
        }
    }

    /**
     * {@code condition} (if any), plus: under {@code if __name__ == "__main__":} a server only serves where production
     * runs this file itself (a Dockerfile's {@code CMD gunicorn app:app} never enters that block).
     */
    private static Set<RepoCondition> launched(PyNode call, PyModule m, RepoCondition condition) {
        Set<RepoCondition> conditions = new HashSet<>();
        if (condition != null) {
            conditions.add(condition);
        }
        if (m.inMainGuard(call)) {
            conditions.add(RepoCondition.FILE_MAY_BE_LAUNCHED);
        }
        return conditions;
    }

    private void call(PyNode call, Scan scan, boolean flaskApp, RepoCondition condition) {
        PyModule m = scan.module;
        String q = m.callee(call);
        String name = Syntax.calleeName(call);
        PyNode debug = Syntax.keyword(call, "debug");
        boolean debugOn = debug != null && Syntax.isTrue(debug);
        if (name.equals("run") && flaskApp) {
            Set<RepoCondition> conditions = launched(call, m, condition);
            if (debugOn) {
                // at the flag's own line: in a call spread over lines, that is the line to change
                scan.emitIf(conditions, "PY-DEBUG-001", Category.DEBUG_MODE, Severity.P1, debug,
                        "`" + oneLine(call) + "` starts Flask's debugger: anyone who can reach the port and trigger "
                                + "an error gets an interactive Python console in the container (remote code "
                                + "execution), and stack traces with config leak to every client.",
                        "serve with gunicorn and keep debug off:\n"
                                + "gunicorn -w 2 -b 0.0.0.0:8000 --timeout 60 app:app");
            } else {
                scan.emitIf(conditions, "PY-DEBUG-002", Category.DEBUG_MODE, Severity.P2, call,
                        "`" + oneLine(call) + "` is Flask's development server: one process, no worker recycling, "
                                + "no request timeout. If the container starts with `python " + fileName(m) + "`, "
                                + "a single slow request queues every user behind it.",
                        "gunicorn -w 2 -b 0.0.0.0:8000 --timeout 60 --graceful-timeout 30 " + module(m) + ":app");
            }
        } else if (name.equals("run") && "sanic.Sanic".equals(m.qualify(Syntax.receiver(call)))) {
            sanicRun(call, scan, launched(call, m, condition));
        } else if (q.equals("tornado.web.Application")) {
            tornado(call, scan);
        } else if (q.startsWith("gradio.") && name.equals("launch")) {
            gradioLaunch(call, scan);
        } else if (q.equals("uvicorn.run")) {
            PyNode reload = Syntax.keyword(call, "reload");
            if (debugOn || (reload != null && Syntax.isTrue(reload))) {
                scan.emitIf(launched(call, m, condition), "PY-DEBUG-003", Category.DEBUG_MODE, Severity.P2, call,
                        "`" + oneLine(call) + "` runs uvicorn with reload/debug: a file watcher restarts the server "
                                + "on any file change (dropping in-flight requests) and only one worker runs.",
                        "uvicorn " + module(m) + ":app --host 0.0.0.0 --port 8000 --workers 2 --timeout-graceful-shutdown 30");
            }
        } else if ((q.equals("fastapi.FastAPI") || q.equals("starlette.applications.Starlette")) && debugOn) {
            scan.emitIf(condition, "PY-DEBUG-004", Category.DEBUG_MODE, Severity.P1, call,
                    "`debug=True` makes every unhandled error return its full traceback to the caller: clients see "
                            + "file paths, library versions and sometimes config values.",
                    "app = FastAPI(debug=os.getenv(\"APP_DEBUG\") == \"1\")");
        } else if (name.equals("update") && debugOn && Syntax.receiver(call) != null
                && Syntax.receiver(call).text().endsWith("config")) {
            scan.emitIf(condition, "PY-DEBUG-005", Category.DEBUG_MODE, Severity.P1, call,
                    "The app's config turns DEBUG on in served code: the interactive debugger and tracebacks are "
                            + "exposed to clients.", "app.config.update(DEBUG=False)  # read it from the environment");
        }
    }

    /**
     * {@code app.run(debug=True)} (or {@code dev=True}, {@code auto_reload=True}) on a Sanic app: Sanic's debug mode
     * answers errors with their tracebacks, logs every request at debug level and, with dev, watches files and
     * restarts the server on any change.
     */
    private static void sanicRun(PyNode call, Scan scan, Set<RepoCondition> conditions) {
        for (String flag : List.of("debug", "dev", "auto_reload")) {
            PyNode v = Syntax.keyword(call, flag);
            if (v != null && Syntax.isTrue(v) && flag.equals("auto_reload")) {
                scan.emitIf(conditions, "PY-DEBUG-009", Category.DEBUG_MODE, Severity.P2, v,
                        "`" + oneLine(call) + "` runs Sanic with auto-reload: a file watcher restarts the server on any "
                                + "change to its files, dropping the requests in flight.",
                        "app.run(host=\"0.0.0.0\", port=8000, workers=2, auto_reload=False)");
                return;
            }
            if (v != null && Syntax.isTrue(v)) {
                scan.emitIf(conditions, "PY-DEBUG-009", Category.DEBUG_MODE, Severity.P1, v,
                        "`" + oneLine(call) + "` runs Sanic in " + (flag.equals("debug") ? "debug" : "development")
                                + " mode: an error's traceback (paths, library versions, sometimes config) goes back to "
                                + "whoever sent the request, every request is logged at debug level"
                                + (flag.equals("dev") ? ", and a file watcher restarts the server (dropping "
                                + "in-flight requests) on any change" : "") + ".",
                        "app.run(host=\"0.0.0.0\", port=8000, workers=2, debug=False, access_log=False)\n"
                                + "# or: sanic " + module(scan.module) + ":app --host 0.0.0.0 --port 8000 --workers 2");
                return;
            }
        }
    }

    private void assignment(PyNode a, Scan scan) {
        PyNode left = a.field("left");
        PyNode right = a.field("right");
        if (left == null || right == null) {
            return;
        }
        String l = left.text();
        boolean on = right.is("true") || "1".equals(Syntax.literal(right)) || "true".equalsIgnoreCase(Syntax.literal(right));
        if (!on) {
            envDefaultDebug(a, left, right, scan);
            return;
        }
        boolean flagTarget = l.endsWith(".debug") || l.matches("[\\w.]*config\\[\\s*['\"]DEBUG['\"]\\s*]")
                || l.matches("os\\.environ\\[\\s*['\"](FLASK_DEBUG|DEBUG|DJANGO_DEBUG)['\"]\\s*]");
        boolean moduleDebug = l.equals("DEBUG") && a.parent != null && a.parent.parent != null
                && a.parent.parent.is("module") && right.is("true");
        if (flagTarget) {
            scan.emit("PY-DEBUG-005", Category.DEBUG_MODE, Severity.P1, a,
                    "`" + oneLine(a) + "` turns debug on in served code: the framework's debugger and full "
                            + "tracebacks are exposed to whoever sends a request that fails.",
                    l.replace("\"1\"", "\"0\"") + " = False  # or read it: os.getenv(\"APP_DEBUG\") == \"1\"");
        } else if (moduleDebug && !DEV_SETTINGS.matcher(scan.module.path.toLowerCase(Locale.ROOT)).find()) {
            boolean settings = fileName(scan.module).toLowerCase(Locale.ROOT).startsWith("settings");
            scan.emit("PY-DEBUG-006", Category.DEBUG_MODE, settings ? Severity.P1 : Severity.P2, a,
                    settings ? "`DEBUG = True` in Django settings: error pages show settings, SQL and stack traces "
                            + "to every visitor, and Django keeps every query in memory (a slow leak)."
                            : "`DEBUG = True` is hard-wired into served code: debug behaviour ships to production "
                            + "and can only be turned off by a code change and redeploy.",
                    "DEBUG = os.getenv(\"APP_DEBUG\", \"0\") == \"1\"");
        }
    }

    /**
     * Module-level {@code DEBUG = os.environ.get("DJANGO_DEBUG", "True") == "True"}: debug is on wherever nobody sets
     * the variable, and nothing in a deployment has to.
     */
    private void envDefaultDebug(PyNode a, PyNode left, PyNode right, Scan scan) {
        if (!left.text().equals("DEBUG") || a.parent == null || a.parent.parent == null || !a.parent.parent.is("module")
                || DEV_SETTINGS.matcher(scan.module.path.toLowerCase(Locale.ROOT)).find()
                || !fileName(scan.module).toLowerCase(Locale.ROOT).startsWith("settings")
                    && !scan.module.importsAny("django", "flask", "quart", "fastapi", "starlette")) {
            return;
        }
        String variable = envDefaultOn(right, scan.module);
        if (variable == null) {
            return;
        }
        scan.emit("PY-DEBUG-006", Category.DEBUG_MODE, Severity.P2, a,
                "`" + oneLine(a) + "` leaves debug on unless `" + variable + "` is set to something else: a deployment "
                        + "that forgets the variable serves debug error pages (settings, SQL, stack traces) to every "
                        + "visitor.",
                "DEBUG = os.getenv(\"" + variable + "\", \"0\") == \"1\"  # off unless asked for");
    }

    private static boolean isFlaskApp(String q) {
        return q != null && (q.equals("flask.Flask") || q.equals("quart.Quart") || q.equals("apiflask.APIFlask")
                || q.startsWith("connexion."));
    }

    private static String oneLine(PyNode n) {
        String t = n.text().replaceAll("\\s+", " ");
        return t.length() > 80 ? t.substring(0, 80) + "…" : t;
    }

    private static String fileName(PyModule m) {
        return m.path.substring(m.path.lastIndexOf('/') + 1);
    }

    private static String module(PyModule m) {
        String p = m.path.endsWith(".py") ? m.path.substring(0, m.path.length() - 3) : m.path;
        return p.replace('/', '.');
    }

    /**
     * Tornado's {@code Application(debug=True)} (or {@code autoreload=True}): autoreload, tracebacks in responses.
     * {@code debug=os.environ.get("TORNADO_DEBUG", "1") == "1"} is on wherever nobody sets the variable.
     */
    private void tornado(PyNode call, Scan scan) {
        for (String flag : List.of("debug", "autoreload", "serve_traceback")) {
            PyNode v = Syntax.keyword(call, flag);
            if (v == null) {
                continue;
            }
            boolean on = Syntax.isTrue(v);
            String variable = on ? null : envDefaultOn(v, scan.module);
            if (!on && variable == null) {
                continue;
            }
            scan.emit("PY-DEBUG-008", Category.DEBUG_MODE, on ? Severity.P1 : Severity.P2, v,
                    "Tornado's `" + flag + "` is on" + (on ? "" : " unless `" + variable + "` is set otherwise, and "
                            + "nothing has to set it") + ": the server restarts itself when a file changes (dropping "
                            + "in-flight requests) and unhandled errors send their traceback to the client.",
                    flag + "=os.environ.get(\"" + (variable == null ? "TORNADO_DEBUG" : variable) + "\") == \"1\""
                            + "  # off unless asked for");
            return;
        }
    }

    /**
     * The environment variable whose default turns the flag on: {@code os.environ.get("X", "1") == "1"},
     * {@code os.getenv("X", "true").lower() in ("1", "true")}, {@code os.getenv("X", True)}. Null otherwise.
     */
    static String envDefaultOn(PyNode v, PyModule m) {
        PyNode lookup = v;
        String compared = null;
        if (v.text().contains("!=") || v.text().contains(" not in ")) {
            return null;
        }
        if (v.is("comparison_operator") && v.named().size() == 2) {
            lookup = v.named().get(0);
            compared = v.named().get(1).text();
            if (!v.text().contains("==") && !v.text().contains(" in ")) {
                return null;
            }
        }
        while (lookup.is("call") && lookup.field("function") != null && lookup.field("function").is("attribute")
                && Set.of("lower", "strip", "casefold").contains(Syntax.calleeName(lookup))) {
            lookup = Syntax.receiver(lookup); // os.getenv(...).lower()
        }
        if (lookup == null || !lookup.is("call")) {
            return null;
        }
        String q = m.callee(lookup);
        if (!q.equals("os.getenv") && !q.endsWith("environ.get")) {
            return null;
        }
        PyNode name = Syntax.positional(lookup, 0);
        PyNode fallback = Syntax.positional(lookup, 1);
        String variable = name == null ? null : Syntax.literal(name);
        if (variable == null || fallback == null) {
            return null;
        }
        if (compared == null) {
            return Syntax.isTrue(fallback) ? variable : null;
        }
        String d = Syntax.literal(fallback);
        if (d == null) {
            return null;
        }
        String quoted = "\"" + d.toLowerCase(java.util.Locale.ROOT) + "\"";
        String single = "'" + d.toLowerCase(java.util.Locale.ROOT) + "'";
        String c = compared.toLowerCase(java.util.Locale.ROOT);
        boolean matches = c.equals(quoted) || c.equals(single) || (c.startsWith("(") || c.startsWith("[")
                || c.startsWith("{")) && (c.contains(quoted) || c.contains(single));
        return matches && !d.isEmpty() && !Set.of("0", "false", "no", "off").contains(d.toLowerCase(java.util.Locale.ROOT))
                ? variable : null;
    }

    /** Gradio's {@code launch(share=True)} opens a public tunnel; {@code debug=True} serves errors to users. */
    private void gradioLaunch(PyNode call, Scan scan) {
        PyNode share = Syntax.keyword(call, "share");
        PyNode debug = Syntax.keyword(call, "debug");
        // each flag at its own line (a launch spread over lines), and both when both are on: two different fixes
        if (share != null && Syntax.isTrue(share)) {
            scan.emit("PY-DEBUG-007", Category.DEBUG_MODE, Severity.P1, share,
                    "`" + oneLine(call) + "` opens a public *.gradio.live tunnel to this app: anyone with the link "
                            + "reaches the model from the internet, around the cluster's ingress, TLS, auth and rate "
                            + "limits, and the tunnel goes down whenever Gradio's relay does.",
                    "demo.launch(server_name=\"0.0.0.0\", server_port=int(os.environ.get(\"PORT\", \"7860\")))"
                            + "  # share=False; expose it through the Service/Ingress");
        }
        if (debug != null && Syntax.isTrue(debug)) {
            scan.emit("PY-DEBUG-007", Category.DEBUG_MODE, Severity.P2, debug,
                    "`" + oneLine(call) + "` runs Gradio in debug mode: errors and tracebacks are shown to users and "
                            + "the launch blocks the main thread for a development console.",
                    "demo.launch(server_name=\"0.0.0.0\", show_error=False)  # debug only on a laptop");
        }
    }
}
