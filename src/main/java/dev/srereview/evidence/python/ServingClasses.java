package dev.srereview.evidence.python;

import java.util.Map;
import java.util.Set;

/**
 * Classes a model server runs: a BentoML service, a Ray Serve deployment, a KServe/MLServer model, a LitServe API, an
 * MLflow pyfunc model, a TorchServe handler, a Cog predictor, a Triton Python model. Their request methods are handlers, and the server provides the health endpoint.
 */
final class ServingClasses {
    private ServingClasses() {
    }

    /** Request methods of the model-server base classes a subclass plugs into (KServe, MLServer, LitServe, MLflow). */
    private static final Map<String, Set<String>> SERVED_METHODS = Map.of(
            "kserve", Set.of("predict", "preprocess", "postprocess", "explain"),
            "mlserver", Set.of("predict"),
            // LitServe runs decode_request, batch, predict, unbatch and encode_response for every request
            "litserve", Set.of("decode_request", "batch", "predict", "unbatch", "encode_response"),
            // `mlflow models serve` (and a batch UDF) calls predict per request; load_context runs once
            "mlflow", Set.of("predict", "predict_stream"),
            // Triton's Python backend calls execute with every batch of requests; initialize runs once
            "triton", Set.of("execute", "bls_execute"),
            // TorchServe calls handle with every batch (BaseHandler.handle runs preprocess, inference and postprocess);
            // initialize runs once per worker, and the instance lives as long as the worker
            "torchserve", Set.of("handle", "preprocess", "inference", "postprocess"),
            // Cog calls predict for every prediction; setup runs once per container
            "cog", Set.of("predict"));

    /**
     * The model server whose base class {@code cls} extends: "kserve", "mlserver", "litserve", "torchserve", "cog" or "mlflow"
     * (a pyfunc {@code PythonModel}), or "triton" by the class's name; null for any other class, or none.
     */
    static String server(PyModule m, PyNode cls) {
        PyNode supers = cls == null ? null : cls.field("superclasses");
        String server = null;
        for (PyNode b : supers == null ? java.util.List.<PyNode>of() : supers.named()) {
            String q = m.qualify(b);
            if (q == null) {
                continue;
            }
            if (q.startsWith("kserve.") || q.startsWith("mlserver.") || q.startsWith("litserve.")) {
                server = q.substring(0, q.indexOf('.'));
            } else if (q.equals("cog.BasePredictor")) {
                server = "cog"; // its HTTP server answers /health-check itself
            } else if (q.startsWith("ts.torch_handler.")) {
                server = "torchserve"; // BaseHandler, or one of TorchServe's own (ImageClassifier, TextHandler, ...)
            } else if (q.equals("mlflow.pyfunc.PythonModel") || q.equals("mlflow.pyfunc.model.PythonModel")) {
                server = "mlflow";
            }
        }
        PyNode name = cls == null ? null : cls.field("name");
        if (server == null && name != null && name.text().equals("TritonPythonModel")
                && m.importsAny("triton_python_backend_utils")) {
            server = "triton"; // no base class: Triton finds the class by its name in model.py
        }
        return server;
    }

    /** Ray Serve's own hooks, not requests: {@code reconfigure} (a config change) and {@code check_health}. */
    private static final Set<String> RAY_HOOKS = Set.of("__init__", "reconfigure", "check_health");

    /**
     * A Ray Serve deployment's public method other than its hooks: another deployment calls it through a handle
     * ({@code await self.summarizer.summarize.remote(text)}), once per request. Not one the class's set-up reaches
     * ({@code self.load()} from {@code __init__} or {@code reconfigure}, a thread's {@code target=self.watch}, and so
     * on through the methods those name), and not a background loop ({@code while True}).
     */
    private static boolean handleMethod(PyNode def, String name, PyNode cls, Set<String> setUp) {
        return !name.startsWith("_") && !setUp.contains(name) && Syntax.ownerClass(def) == cls
                && !def.text().contains("while True");
    }

    /** The methods of {@code cls} its hooks reach through {@code self.<name>}, called or handed on, transitively. */
    private static Set<String> setUpMethods(PyNode cls, PyNode body) {
        java.util.Map<String, PyNode> methods = new java.util.HashMap<>();
        for (PyNode def : body.descendants("function_definition", true)) {
            if (Syntax.ownerClass(def) == cls) {
                methods.putIfAbsent(Syntax.functionName(def), def);
            }
        }
        Set<String> reached = new java.util.HashSet<>(RAY_HOOKS);
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(RAY_HOOKS);
        while (!todo.isEmpty()) {
            PyNode def = methods.get(todo.pop());
            for (PyNode a : def == null ? java.util.List.<PyNode>of() : def.descendants("attribute", true)) {
                PyNode obj = a.field("object");
                PyNode attr = a.field("attribute");
                if (obj != null && attr != null && obj.text().equals("self") && methods.containsKey(attr.text())
                        && reached.add(attr.text())) {
                    todo.push(attr.text());
                }
            }
        }
        return reached;
    }

    /**
     * BentoML / Ray Serve / KServe / MLServer / LitServe / MLflow pyfunc classes: their request methods are handlers;
     * health is built in.
     */
    static void index(PyModule m, PyNode cls) {
        PyNode supers = cls.field("superclasses");
        String bases = supers == null ? "" : supers.text();
        String server = server(m, cls);
        PyNode body = cls.field("body");
        if (body == null) {
            return;
        }
        boolean rayOrBento = false;
        boolean ray = false;
        for (PyNode d : Syntax.decorators(cls)) {
            String q = m.qualify(d.is("call") ? d.field("function") : d);
            if (q != null && (q.startsWith("ray.serve.") || q.startsWith("bentoml."))) {
                rayOrBento = true;
                ray |= q.startsWith("ray.serve.");
            }
        }
        if ("mlflow".equals(server) && (m.kind == dev.srereview.context.FileKind.TRAINING_CODE
                || m.sourceContains("log_model("))) {
            return; // the wrapper defined next to the training that logs it: the module is training code, not a server
        }
        Set<String> served = server == null ? Set.of() : SERVED_METHODS.get(server);
        PyNode litRequest = null;
        Set<String> setUp = ray ? setUpMethods(cls, body) : Set.of();
        for (PyNode def : body.descendants("function_definition", true)) {
            String fname = Syntax.functionName(def);
            boolean api = Syntax.decorators(def).stream().anyMatch(d -> {
                String q = m.qualify(d.is("call") ? d.field("function") : d);
                return q != null && (q.equals("bentoml.api") || q.endsWith(".api") && q.startsWith("bentoml"));
            });
            if (api || (rayOrBento && fname.equals("__call__")) || served.contains(fname)
                    || ray && handleMethod(def, fname, cls, setUp)) {
                m.handlers.add(def);
            }
            if (api) {
                // BentoML serves each API at POST /<name>: a route like any other (rate limits, health)
                m.routes.add(new Route(m, "/" + fname, "/" + fname, Set.of("POST"), def, fname, def));
            }
            if ("litserve".equals(server) && (fname.equals("decode_request") || litRequest == null && fname.equals("predict"))) {
                litRequest = def;
            }
        }
        if (litRequest != null) {
            // LitServer serves the API at POST /predict (api_path changes the name, not the exposure)
            m.routes.add(new Route(m, "/predict", "/predict", Set.of("POST"), litRequest, "predict", cls));
        }
        if (server != null && !server.equals("mlflow") && bases.length() > 0) {
            m.apps.add(new App(m, server, Syntax.functionName(cls), cls, true));
        }
    }
}
