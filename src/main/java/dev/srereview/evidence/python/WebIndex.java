package dev.srereview.evidence.python;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Finds web apps, routes and request handlers in a module (Flask, FastAPI, Starlette, aiohttp, Django, ...). */
final class WebIndex {
    /** Constructor → framework. */
    static final Map<String, String> APPS = Map.ofEntries(
            Map.entry("flask.Flask", "flask"), Map.entry("quart.Quart", "flask"),
            Map.entry("apiflask.APIFlask", "flask"), Map.entry("connexion.App", "flask"),
            Map.entry("connexion.FlaskApp", "flask"), Map.entry("connexion.AsyncApp", "starlette"),
            Map.entry("fastapi.FastAPI", "fastapi"), Map.entry("starlette.applications.Starlette", "starlette"),
            Map.entry("aiohttp.web.Application", "aiohttp"), Map.entry("sanic.Sanic", "sanic"),
            Map.entry("tornado.web.Application", "tornado"), Map.entry("falcon.App", "falcon"),
            Map.entry("falcon.API", "falcon"), Map.entry("falcon.asgi.App", "falcon"),
            Map.entry("litestar.Litestar", "litestar"), Map.entry("grpc.server", "grpc"),
            Map.entry("grpc.aio.server", "grpc"), Map.entry("http.server.HTTPServer", "http.server"),
            Map.entry("http.server.ThreadingHTTPServer", "http.server"));
    /** Serving frameworks that expose health endpoints themselves. */
    static final Set<String> BUILT_IN_HEALTH = Set.of("bentoml.Service", "bentoml.service", "ray.serve.deployment",
            "ray.serve.run", "kserve.ModelServer", "litserve.LitServer", "mlserver.MLModel", "mlflow.pyfunc.serve");
    private static final Set<String> ROUTE_DECORATORS = Set.of("route", "get", "post", "put", "delete", "patch",
            "head", "options", "api_route", "websocket");
    private static final Set<String> HTTP = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    static final java.util.regex.Pattern RATE_DEPENDENCY = java.util.regex.Pattern.compile(
            "(?i)rate_?limit|throttl|limiter|token_?bucket|cooldown|too_(fast|many|often|soon)|slow_?down");

    private WebIndex() {
    }

    /** {@code nodes}: the module's decorators, calls, assignments and classes (others are ignored), in source order. */
    static void index(PyModule m, List<PyNode> nodes) {
        for (PyNode n : nodes) {
            if (n.is("decorator")) {
                decorator(m, n);
            } else if (n.is("call")) {
                call(m, n);
            } else if (n.is("assignment") && n.parent != null && n.parent.parent != null
                    && n.parent.parent.is("module") && n.field("left") != null
                    && n.field("left").text().equals("urlpatterns")) {
                m.apps.add(new App(m, "django", "urlpatterns", n, false));
            } else if (n.is("assignment") && n.field("left") != null && n.field("left").text().endsWith(".on_message")
                    && n.field("right") != null && n.field("right").is("identifier")) {
                // paho-mqtt calls client.on_message for every message: a per-message handler, like a request's
                m.functions.getOrDefault(n.field("right").text(), List.of()).forEach(m.handlers::add);
            } else if (n.is("class_definition")) {
                ServingClasses.index(m, n);
            }
        }
        for (Route r : m.routes) {
            if (r.handler() != null) {
                m.handlers.add(r.handler());
            }
        }
        ShapedHandlers.index(m);
    }

    private static void decorator(PyModule m, PyNode dec) {
        List<PyNode> named = dec.named();
        if (named.isEmpty()) {
            return;
        }
        PyNode expr = named.get(0);
        PyNode def = dec.parent == null ? null : dec.parent.field("definition");
        String q = m.qualify(expr.is("call") ? expr.field("function") : expr);
        if (q != null && (q.toLowerCase(Locale.ROOT).contains("limit") || q.toLowerCase(Locale.ROOT).contains("cooldown"))) {
            m.usesRateLimit = true; // slowapi/flask-limiter, discord.py's commands.cooldown
        }
        ChatBotHandlers.decorator(m, dec, expr, def);
        if (q != null && BUILT_IN_HEALTH.contains(q)) {
            m.apps.add(new App(m, q, "", dec, true));
        }
        if (q != null && def != null && def.is("function_definition")
                && (q.equals("bentoml.api") || q.equals("bentoml.Service.api") || celeryTask(m, q)
                    || runsOnEveryRequest(q))) {
            m.handlers.add(def);
            if (celeryTask(m, q)) {
                m.jobs.add(def);
            }
        }
        if (!expr.is("call") || def == null || !def.is("function_definition")) {
            return;
        }
        String method = Syntax.calleeName(expr);
        boolean litestar = q != null && q.startsWith("litestar.");
        if (!ROUTE_DECORATORS.contains(method) || (Syntax.receiver(expr) == null && !litestar)) {
            return;
        }
        PyNode pathNode = Syntax.positional(expr, 0);
        if (pathNode == null) {
            pathNode = first(Syntax.keyword(expr, "path"), Syntax.keyword(expr, "rule"), Syntax.keyword(expr, "uri"));
        }
        String path = Syntax.literal(pathNode);
        if (path != null && !path.startsWith("/") && !path.isEmpty()) {
            return;
        }
        if (path == null && !knownRouter(m, Syntax.receiver(expr))) {
            return;
        }
        Set<String> methods = new LinkedHashSet<>();
        if (method.equals("route") || method.equals("api_route")) {
            methods.addAll(methodList(Syntax.keyword(expr, "methods")));
            if (methods.isEmpty() && method.equals("route")) {
                methods.add("GET");
            }
        } else if (!method.equals("websocket")) {
            methods.add(method.toUpperCase(Locale.ROOT));
        }
        m.routes.add(new Route(m, path, pathNode == null ? "" : pathNode.text(), methods, def,
                Syntax.functionName(def), dec));
    }

    private static boolean knownRouter(PyModule m, PyNode recv) {
        String q = m.qualify(recv);
        return q != null && (APPS.containsKey(q) || q.endsWith("APIRouter") || q.endsWith("Blueprint")
                || q.endsWith("RouteTableDef"));
    }

    /** Middleware and request hooks: {@code @app.middleware("http")}, {@code @web.middleware}, {@code @app.before_request}. */
    private static boolean runsOnEveryRequest(String q) {
        String last = q.substring(q.lastIndexOf('.') + 1);
        return last.equals("middleware") && q.contains(".")
                || last.equals("before_request") || last.equals("after_request") || last.equals("before_app_request")
                // an error handler answers every failing request: its log line is the failure's only record
                || last.equals("errorhandler") || last.equals("exception_handler");
    }

    /**
     * A Celery task ({@code @app.task}, {@code @shared_task}): each run is one unit of work handed in from outside,
     * like a request, so what a handler must not do per call (load a model) a task must not either.
     */
    private static boolean celeryTask(PyModule m, String q) {
        return (q.endsWith(".task") || q.equals("shared_task") || q.endsWith(".shared_task"))
                && (m.importsAny("celery") || q.toLowerCase(Locale.ROOT).contains("celery"));
    }

    private static final Set<String> GRADIO_EVENTS = Set.of("like", "select", "input", "clear", "retry", "undo",
            "edit", "stream", "load", "blur", "focus", "submit_btn", "key_up", "play", "stop_recording");

    /** Gradio calls these functions on every interaction: {@code gr.Interface(fn=f)}, {@code button.click(f, …)}. */
    private static void gradioHandler(PyModule m, PyNode call, String q, String name) {
        boolean iface = q.equals("gradio.Interface") || q.equals("gradio.ChatInterface");
        boolean event = (name.equals("click") || name.equals("submit") || name.equals("change")
                || name.equals("upload")) && m.importsAny("gradio");
        // events whose names other libraries use too (json.load, select): only with a function of this module
        boolean otherEvent = GRADIO_EVENTS.contains(name) && m.importsAny("gradio");
        if (!iface && !event && !otherEvent) {
            return;
        }
        PyNode fn = first(Syntax.keyword(call, "fn"), Syntax.positional(call, 0));
        if (fn != null && fn.is("lambda") && fn.field("body") != null && fn.field("body").is("call")) {
            fn = fn.field("body").field("function"); // up.click(lambda t, o: thumbs(t, o, True)): thumbs runs per click
        }
        if (fn != null && fn.is("identifier")) {
            List<PyNode> defs = m.functions.getOrDefault(fn.text(), List.of());
            if (!iface && !event && defs.isEmpty()) {
                return;
            }
            defs.forEach(m.handlers::add);
            // Gradio serves each one as an HTTP API too (Interface at /api/predict, events at /run/<fn>): a public
            // endpoint like any route, for the rate-limit rule
            String path = iface ? "/api/predict" : "/run/" + fn.text();
            m.routes.add(new Route(m, path, path, Set.of("POST"), defs.isEmpty() ? null : defs.get(0), fn.text(), call));
        }
    }

    private static void call(PyModule m, PyNode call) {
        String q = m.callee(call);
        String name = Syntax.calleeName(call);
        gradioHandler(m, call, q, name);
        ChatBotHandlers.call(m, call, q);
        if (ChatBotHandlers.throttlingMiddleware(call)) {
            m.usesRateLimit = true;
        }
        String framework = APPS.get(q);
        if (framework != null) {
            m.apps.add(new App(m, framework, variableOf(call), call, false));
            if (framework.equals("tornado") || framework.equals("starlette")) {
                tupleRoutes(m, call);
            }
        }
        if (BUILT_IN_HEALTH.contains(q)) {
            m.apps.add(new App(m, q, variableOf(call), call, true));
        }
        if (q.toLowerCase(Locale.ROOT).contains("limiter") || q.toLowerCase(Locale.ROOT).contains("ratelimit")) {
            m.usesRateLimit = true;
        }
        if ((name.equals("Depends") || name.equals("Security")) && RATE_DEPENDENCY.matcher(call.text()).find()) {
            // a project's own token bucket or throttle: for every route when the app or router declares it
            // (FastAPI(dependencies=[...]), APIRouter(...), include_router(...)); else for its own route (ServiceRules)
            PyNode owner = call.parent == null ? null : call.ancestor("call");
            while (owner != null && (Syntax.calleeName(owner).equals("Depends") || Syntax.calleeName(owner).equals("Security"))) {
                owner = owner.ancestor("call");
            }
            String o = owner == null ? "" : Syntax.calleeName(owner);
            if (o.equals("FastAPI") || o.equals("APIRouter") || o.equals("include_router")) {
                m.usesRateLimit = true;
            }
        }
        if (name.startsWith("enqueue") && m.importsAny("rq")) {
            // an RQ job function of this module: each job runs it, like a request its handler
            PyNode fn = ModuleFacts.rqFunction(call);
            if (fn != null && fn.is("identifier")) {
                m.functions.getOrDefault(fn.text(), List.of()).forEach(d -> {
                    m.handlers.add(d);
                    m.jobs.add(d);
                });
            }
        }
        switch (name) {
            case "add_url_rule" -> register(m, call, Syntax.positional(call, 0),
                    first(Syntax.keyword(call, "view_func"), Syntax.positional(call, 2)),
                    methodList(Syntax.keyword(call, "methods")), "GET");
            case "add_api_route" -> register(m, call, Syntax.positional(call, 0),
                    first(Syntax.keyword(call, "endpoint"), Syntax.positional(call, 1)),
                    methodList(Syntax.keyword(call, "methods")), "GET");
            case "add_get", "add_post", "add_put", "add_delete", "add_patch", "add_head" -> register(m, call,
                    Syntax.positional(call, 0), Syntax.positional(call, 1), Set.of(), name.substring(4));
            case "add_route" -> addRoute(m, call);
            default -> {
            }
        }
        switch (q) {
            case "aiohttp.web.get", "aiohttp.web.post", "aiohttp.web.put", "aiohttp.web.delete",
                 "aiohttp.web.patch" -> register(m, call, Syntax.positional(call, 0), Syntax.positional(call, 1),
                    Set.of(), q.substring(q.lastIndexOf('.') + 1));
            case "starlette.routing.Route" -> register(m, call, Syntax.positional(call, 0),
                    first(Syntax.keyword(call, "endpoint"), Syntax.positional(call, 1)),
                    methodList(Syntax.keyword(call, "methods")), "GET");
            // A Django route takes whatever methods its view accepts: ANY until the view says otherwise
            case "django.urls.path", "django.urls.re_path", "django.conf.urls.url" -> {
                PyNode view = Syntax.positional(call, 1);
                // path("", include("predictor.urls")) mounts another urls module; its own routes are counted there
                if (view == null || !view.is("call") || !Syntax.calleeName(view).equals("include")) {
                    register(m, call, Syntax.positional(call, 0), view, Set.of(), "ANY");
                }
            }
            case "django.urls.include" -> {
                String target = Syntax.literal(Syntax.positional(call, 0));
                if (target != null && target.startsWith("health_check")) {
                    m.routes.add(new Route(m, "/health_check/", target, Set.of("GET"), null, "", call));
                }
            }
            default -> {
            }
        }
    }

    private static void addRoute(PyModule m, PyNode call) {
        List<PyNode> pos = Syntax.positional(call);
        String first = pos.isEmpty() ? null : Syntax.literal(pos.get(0));
        if (first != null && first.equals("*") && pos.size() >= 3) {
            // aiohttp's add_route("*", path, handler): every method
            register(m, call, pos.get(1), pos.get(2), Set.of("GET", "POST"), "GET");
        } else if (first != null && HTTP.contains(first.toUpperCase(Locale.ROOT)) && pos.size() >= 3) {
            register(m, call, pos.get(1), pos.get(2), Set.of(first.toUpperCase(Locale.ROOT)), "GET");
        } else if (!pos.isEmpty()) {
            register(m, call, pos.get(0), pos.size() > 1 ? pos.get(1) : null,
                    methodList(Syntax.keyword(call, "methods")), "GET");
        }
    }

    private static void register(PyModule m, PyNode call, PyNode pathNode, PyNode handlerNode, Set<String> methods,
                                 String defaultMethod) {
        if (pathNode == null) {
            return;
        }
        String path = Syntax.literal(pathNode);
        Set<String> ms = new LinkedHashSet<>(methods);
        if (ms.isEmpty()) {
            ms.add(defaultMethod.toUpperCase(Locale.ROOT));
        }
        if (handlerNode != null && handlerNode.is("call") && classView(m, call, pathNode, path, handlerNode)) {
            return;
        }
        String handlerName = handlerNode == null ? "" : handlerNode.text();
        PyNode def = null;
        if (handlerNode != null && handlerNode.is("identifier")) {
            List<PyNode> defs = m.functions.get(handlerName);
            def = defs == null || defs.isEmpty() ? null : defs.get(0);
        }
        m.routes.add(new Route(m, path, pathNode.text(), ms, def, handlerName, call));
    }

    /**
     * A class of this module whose methods answer the route: a Falcon resource ({@code add_route("/score",
     * ScoreResource(model))}, methods {@code on_post}…) or a class-based view ({@code TopK.as_view("topk")}, methods
     * {@code post}…). Each method is the handler of its HTTP method. False when the class is not found here.
     */
    private static boolean classView(PyModule m, PyNode call, PyNode pathNode, String path, PyNode handlerNode) {
        PyNode fn = handlerNode.field("function");
        boolean asView = fn != null && fn.is("attribute") && Syntax.calleeName(handlerNode).equals("as_view");
        PyNode classRef = asView ? fn.field("object") : fn;
        if (classRef == null || !classRef.is("identifier")) {
            return false;
        }
        PyNode cls = null;
        for (PyNode c : m.root.descendants("class_definition", false)) {
            if (c.field("name") != null && c.field("name").text().equals(classRef.text())) {
                cls = c;
            }
        }
        PyNode body = cls == null ? null : cls.field("body");
        if (body == null) {
            return false;
        }
        boolean found = false;
        for (PyNode def : body.descendants("function_definition", false)) {
            String name = Syntax.functionName(def);
            String verb = name.startsWith("on_") ? name.substring(3) : asView ? name : "";
            if (HTTP.contains(verb.toUpperCase(Locale.ROOT))) {
                m.routes.add(new Route(m, path, pathNode.text(), Set.of(verb.toUpperCase(Locale.ROOT)), def,
                        classRef.text() + "." + name, call));
                found = true;
            }
        }
        return found;
    }

    /** Tornado {@code Application([(r"/x", H)])} and Starlette {@code routes=[...]} tuples. */
    private static void tupleRoutes(PyModule m, PyNode call) {
        for (PyNode t : call.descendants("tuple", true)) {
            List<PyNode> items = t.named();
            String path = items.isEmpty() ? null : Syntax.literal(items.get(0));
            if (path != null && path.startsWith("/")) {
                m.routes.add(new Route(m, path, items.get(0).text(), Set.of("GET"), null,
                        items.size() > 1 ? items.get(1).text() : "", t));
            }
        }
    }

    private static Set<String> methodList(PyNode list) {
        Set<String> out = new LinkedHashSet<>();
        if (list != null) {
            for (PyNode item : list.named()) {
                String v = Syntax.literal(item);
                if (v != null) {
                    out.add(v.toUpperCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    private static String variableOf(PyNode call) {
        PyNode p = call.parent;
        if (p != null && p.is("assignment") && p.field("left") != null) {
            return p.field("left").text();
        }
        return "";
    }

    private static PyNode first(PyNode... nodes) {
        for (PyNode n : nodes) {
            if (n != null) {
                return n;
            }
        }
        return null;
    }
}
