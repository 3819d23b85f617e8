package dev.srereview.evidence.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Handlers known by their shape rather than by a route registration in the same module: Django views (routed from
 * urls.py), Falcon responders, MethodView methods and aiohttp handlers (their classes routed from another module),
 * and the functions a Streamlit script calls at the top, which rerun on every interaction.
 */
final class ShapedHandlers {
    private static final Set<String> HTTP = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private ShapedHandlers() {
    }

    static void index(PyModule m) {
        if (m.importsAny("django", "rest_framework")) {
            djangoViews(m);
        }
        shapedHandlers(m);
        for (List<PyNode> defs : m.functions.values()) {
            for (PyNode def : defs) {
                if (rawInput(m, def) != null) {
                    m.handlers.add(def);
                }
            }
        }
        if (m.importsAny("streamlit")) {
            streamlitReruns(m);
        }
    }

    /**
     * A Streamlit script runs top to bottom again on every widget interaction: the functions it calls at module level
     * run per interaction too, unless cached ({@code @st.cache_resource}, {@code @st.cache_data}).
     */
    private static void streamlitReruns(PyModule m) {
        // a helper's @st.cache_data(...) is a decorator, not a script's statement
        List<PyNode> topLevel = m.calls.stream().filter(c -> Syntax.enclosingFunction(c) == null
                && c.ancestor("decorator") == null).toList();
        m.streamlitApp = topLevel.stream().anyMatch(c -> m.callee(c).startsWith("streamlit."));
        if (!m.streamlitApp) {
            return; // a module that only imports streamlit is not the script
        }
        for (PyNode call : topLevel) {
            PyNode fn = call.field("function");
            if (fn == null || !fn.is("identifier")) {
                continue;
            }
            for (PyNode def : m.functions.getOrDefault(fn.text(), List.of())) {
                boolean cached = Syntax.decorators(def).stream().anyMatch(d -> d.text().contains("cache")
                        || d.text().contains("singleton") || d.text().contains("memo"));
                if (!cached) {
                    m.handlers.add(def);
                }
            }
        }
    }

    /**
     * Django views are routed from urls.py (another module), so they are known here by their shape: a module-level
     * function whose first parameter is {@code request}, or a method {@code (self, request, ...)} of a class-based
     * view. Django hands them the client's request on every call.
     */
    private static void djangoViews(PyModule m) {
        for (List<PyNode> defs : m.functions.values()) {
            for (PyNode def : defs) {
                List<String> params = Syntax.parameterNames(def);
                PyNode owner = def.parent != null && def.parent.is("decorated_definition") ? def.parent : def;
                boolean moduleLevel = owner.parent != null && owner.parent.is("module");
                boolean view = moduleLevel ? !params.isEmpty() && params.get(0).equals("request")
                        : params.size() > 1 && params.get(0).equals("self") && params.get(1).equals("request")
                                && owner.parent != null && owner.parent.is("block") && owner.parent.parent != null
                                && owner.parent.parent.is("class_definition");
                if (view) {
                    m.handlers.add(def);
                }
            }
        }
    }

    /**
     * Handlers known by their shape, since their class is usually routed from another module ({@code app.py} adds
     * {@code resources.ScoreResource(...)}): a Falcon responder {@code on_post(self, req, resp)}, a Flask/Quart
     * MethodView's or Tornado RequestHandler's method named for an HTTP verb, a gRPC servicer's RPC
     * {@code (self, request, context)}, and any function that takes an aiohttp {@code web.Request} or an Azure
     * Functions {@code func.HttpRequest}.
     */
    private static void shapedHandlers(PyModule m) {
        // a class is a view or not once: a store with get/put/delete methods asks for every one of them
        java.util.Map<PyNode, Boolean> views = new java.util.HashMap<>();
        for (List<PyNode> defs : m.functions.values()) {
            for (PyNode def : defs) {
                List<String> params = Syntax.parameterNames(def);
                String name = Syntax.functionName(def);
                PyNode cls = Syntax.ownerClass(def);
                boolean falcon = cls != null && name.startsWith("on_") && HTTP.contains(verb(name.substring(3)))
                        && params.size() >= 3 && params.get(0).equals("self")
                        && Set.of("req", "request").contains(params.get(1)) && Set.of("resp", "response").contains(params.get(2));
                boolean methodView = cls != null && HTTP.contains(verb(name))
                        && views.computeIfAbsent(cls, c -> viewClass(m, c));
                // a gRPC servicer's RPC: def Score(self, request, context) in a class(<pb2_grpc>.ScorerServicer)
                boolean rpc = cls != null && params.size() == 3 && params.get(0).equals("self")
                        && params.get(2).equals("context") && grpcServicer(m, cls);
                if (falcon || methodView || rpc || takesAiohttpRequest(m, def) || takesAzureRequest(m, def)) {
                    m.handlers.add(def);
                }
                // http.server: do_POST(self) of a BaseHTTPRequestHandler subclass, routed by its own self.path tests
                if (cls != null && name.startsWith("do_") && HTTP.contains(name.substring(3)) && params.size() == 1
                        && m.importsAny("http") && stdlibHandler(m, cls, 0)) {
                    m.handlers.add(def);
                    pathRoutes(m, def, name.substring(3));
                }
            }
        }
    }

    private static String verb(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    private static boolean viewClass(PyModule m, PyNode cls) {
        return viewClass(m, cls, 0);
    }

    private static boolean viewClass(PyModule m, PyNode cls, int depth) {
        PyNode supers = cls.field("superclasses");
        if (supers == null) {
            return false;
        }
        for (PyNode b : supers.named()) {
            String q = m.qualify(b);
            if (q != null && (q.startsWith("flask.views.") || q.startsWith("quart.views.")
                    || q.equals("flask.MethodView") || q.equals("tornado.web.RequestHandler"))) {
                return true;
            }
            // class Handler(BaseHandler) where BaseHandler(tornado.web.RequestHandler) is in this module
            if (depth < 3 && b.is("identifier") && m.classes.contains(b.text())) {
                for (PyNode other : m.root.descendants("class_definition", false)) {
                    if (other != cls && Syntax.functionName(other).equals(b.text()) && viewClass(m, other, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A subclass (directly, or through a class of this module) of http.server's request handlers. */
    private static boolean stdlibHandler(PyModule m, PyNode cls, int depth) {
        PyNode supers = cls.field("superclasses");
        if (supers == null) {
            return false;
        }
        for (PyNode b : supers.named()) {
            String q = m.qualify(b);
            if (q != null && q.startsWith("http.server.") && q.endsWith("RequestHandler")) {
                return true;
            }
            if (depth < 3 && b.is("identifier") && m.classes.contains(b.text())) {
                for (PyNode other : m.root.descendants("class_definition", false)) {
                    if (other != cls && Syntax.functionName(other).equals(b.text()) && stdlibHandler(m, other, depth + 1)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The paths a {@code do_<VERB>} method answers, read from its tests of {@code self.path} ({@code == "/predict"},
     * {@code != "/predict"}, {@code in ("/", "/index.html")}, {@code .startswith("/v1/")}); "/" when it tests none.
     */
    private static void pathRoutes(PyModule m, PyNode def, String verb) {
        Set<String> paths = new java.util.LinkedHashSet<>();
        for (PyNode c : def.descendants("comparison_operator", true)) {
            if (c.text().contains("path")) {
                literalPaths(c, paths);
            }
        }
        for (PyNode call : def.descendants("call", true)) {
            PyNode recv = Syntax.receiver(call);
            if (Syntax.calleeName(call).equals("startswith") && recv != null && recv.text().endsWith("path")) {
                literalPaths(call, paths);
            }
        }
        if (paths.isEmpty()) {
            paths.add("/");
        }
        for (String p : paths) {
            m.routes.add(new Route(m, p, p, Set.of(verb), def, Syntax.functionName(def), def));
        }
    }

    private static void literalPaths(PyNode n, Set<String> into) {
        for (PyNode str : n.descendants("string", true)) {
            String v = Syntax.literal(str);
            if (v != null && v.startsWith("/")) {
                into.add(v);
            }
        }
    }

    /** A class generated-servicer based: {@code class Scorer(scoring_pb2_grpc.ScorerServicer)}. */
    private static boolean grpcServicer(PyModule m, PyNode cls) {
        PyNode supers = cls.field("superclasses");
        if (supers == null) {
            return false;
        }
        for (PyNode b : supers.named()) {
            String q = m.qualify(b);
            if (q != null && q.endsWith("Servicer") && q.contains("_grpc")) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> AIOHTTP_REQUESTS = Set.of("aiohttp.web.Request", "aiohttp.web.BaseRequest",
            "aiohttp.web_request.Request");

    private static boolean takesAiohttpRequest(PyModule m, PyNode def) {
        return m.importsAny("aiohttp") && takesParameterOf(m, def, AIOHTTP_REQUESTS);
    }

    /**
     * An Azure Functions HTTP trigger: a function taking {@code func.HttpRequest}, bound by function.json (the v1
     * model) or by {@code @app.route} on a {@code func.FunctionApp} (v2). Each invocation is a request.
     */
    private static boolean takesAzureRequest(PyModule m, PyNode def) {
        return m.importsAny("azure.functions") && takesParameterOf(m, def, Set.of("azure.functions.HttpRequest"));
    }

    /** A parameter of {@code def} is annotated with one of {@code types} (qualified through the module's imports). */
    private static boolean takesParameterOf(PyModule m, PyNode def, Set<String> types) {
        PyNode params = def.field("parameters");
        for (PyNode p : params == null ? List.<PyNode>of() : params.named()) {
            PyNode type = p.field("type");
            String q = type == null || type.named().isEmpty() ? null : m.qualify(type.named().get(0));
            if (q != null && types.contains(q)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client's raw request body, when {@code def} is a hosted runtime's entry point that receives it as a parameter:
     * an Azure ML scoring script's {@code run(raw_data)} (the module also defines {@code init()}, called once at start),
     * or the SageMaker inference toolkit's {@code input_fn(request_body, content_type)} / {@code transform_fn(model,
     * request_body, ...)} next to a {@code model_fn}, or a LitServe API's {@code decode_request(self, request)}. Null
     * otherwise. The runtime routes and health-checks these
     * itself; what they receive is any client's bytes.
     */
    static PyNode rawInput(PyModule m, PyNode def) {
        String name = Syntax.functionName(def);
        PyNode params = def.field("parameters");
        List<PyNode> p = params == null ? List.of() : params.named();
        if (!moduleLevel(def)) {
            // LitServe hands decode_request(self, request) the client's parsed JSON, unchecked unless it is typed with
            // a model (request: PredictRequest), which LitServe validates
            if (!name.equals("decode_request") || p.size() < 2 || !"litserve".equals(ServingClasses.server(m, Syntax.ownerClass(def)))) {
                return null;
            }
            PyNode type = p.get(1).field("type");
            String t = type == null ? "" : type.text().replaceAll("\\s", "");
            return t.isEmpty() || t.startsWith("dict") || t.startsWith("Dict") || t.equals("Any") || t.equals("Request")
                    ? p.get(1) : null;
        }
        if (name.equals("run") && p.size() >= 1 && moduleFunction(m, "init", 0) && azureMl(m)) {
            return p.get(0);
        }
        if (name.equals("input_fn") && p.size() >= 1 && moduleFunction(m, "model_fn", 1)) {
            return p.get(0);
        }
        if (name.equals("transform_fn") && p.size() >= 2 && moduleFunction(m, "model_fn", 1)) {
            return p.get(1);
        }
        return null;
    }

    /**
     * An Azure ML scoring script, not any program with an init() and a run(): it names the model directory the
     * endpoint mounts or imports Azure ML's packages, and no {@code __main__} block drives it (a CLI's
     * {@code init(); run(args)}).
     */
    private static boolean azureMl(PyModule m) {
        boolean signed = m.sourceContains("AZUREML_MODEL_DIR") || m.importsAny("azureml", "inference_schema");
        if (!signed) {
            return false;
        }
        for (PyNode c : m.calls) {
            if (m.inMainGuard(c) && Syntax.calleeName(c).equals("run") && c.field("function") != null
                    && c.field("function").is("identifier")) {
                return false;
            }
        }
        return true;
    }

    /** Defined at the module's top level, decorated or not. */
    static boolean moduleLevel(PyNode def) {
        PyNode owner = def.parent != null && def.parent.is("decorated_definition") ? def.parent : def;
        return owner.parent != null && owner.parent.is("module");
    }

    /** A module-level function of that name taking exactly that many parameters. */
    private static boolean moduleFunction(PyModule m, String name, int arity) {
        for (PyNode def : m.functions.getOrDefault(name, List.of())) {
            PyNode params = def.field("parameters");
            if (moduleLevel(def) && params != null && params.named().size() == arity) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> LAMBDA_EVENT = Set.of("event", "evt", "_event");
    private static final Set<String> LAMBDA_CONTEXT = Set.of("context", "ctx", "_context", "lambda_context");

    /**
     * AWS Lambda entry points, {@code def lambda_handler(event, context)} at module level: each invocation runs them
     * (and what they call) like a request, while the module's own top level is the cold start that warm invocations
     * reuse. Not routes: a function behind an event source has no health endpoint or rate limit of its own to add.
     */
    static List<PyNode> serverless(PyModule m) {
        List<PyNode> out = new ArrayList<>();
        if (!m.sourceContains("context")) {
            return out;
        }
        for (List<PyNode> defs : m.functions.values()) {
            for (PyNode def : defs) {
                PyNode params = def.field("parameters");
                if (!moduleLevel(def) || params == null) {
                    continue;
                }
                List<PyNode> p = params.named();
                PyNode event = p.size() == 2 ? Syntax.parameterName(p.get(0)) : null;
                PyNode context = p.size() == 2 ? Syntax.parameterName(p.get(1)) : null;
                // typed or not (event: dict, context: LambdaContext), decorated or not (@logger.inject_lambda_context)
                if (event != null && context != null && LAMBDA_EVENT.contains(event.text())
                        && LAMBDA_CONTEXT.contains(context.text())) {
                    out.add(def);
                }
            }
        }
        return out;
    }
}
