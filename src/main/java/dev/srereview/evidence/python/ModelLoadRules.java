package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** model-loaded-per-request: weights read from disk (or the Hub) inside a request handler. */
final class ModelLoadRules implements NodeRule {
    private static final Set<String> LOADERS = Set.of("joblib.load", "pickle.load", "torch.load", "torch.jit.load",
            "tensorflow.keras.models.load_model", "keras.models.load_model", "keras.saving.load_model",
            "tensorflow.saved_model.load", "tf.keras.models.load_model", "onnxruntime.InferenceSession",
            "transformers.pipeline", "sentence_transformers.SentenceTransformer", "sentence_transformers.CrossEncoder", "spacy.load", "whisper.load_model",
            "faster_whisper.WhisperModel",
            "cloudpickle.load", "dill.load", "fasttext.load_model", "ultralytics.YOLO", "safetensors.torch.load_file",
            "llama_cpp.Llama", "lightgbm.Booster", "xgboost.Booster", "catboost.CatBoost", "gensim.models.Word2Vec.load",
            "tensorflow.keras.saving.load_model",
            // Prophet models are saved as JSON and rebuilt (Stan state and all) by model_from_json
            "prophet.serialize.model_from_json", "fbprophet.serialize.model_from_json");
    private static final Pattern DATA_NAMES = Pattern.compile(
            "(?i)df|\\w*frame|data\\w*|rows?|records?|batch|payload|items|features?|x|inputs?|table");
    private static final Set<String> CACHES = Set.of("lru_cache", "cache", "cached", "cached_property",
            "cache_resource", "cache_data", "experimental_singleton", "experimental_memo",
            // Ray Serve keeps a per-replica LRU of the models a multiplexed getter returns
            "multiplexed");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call");
    }

    @Override
    public void check(PyNode call, Scan scan) {
        if (scan.role() == FileRole.TEST || scan.role() == FileRole.NOTEBOOK) {
            return;
        }
        boolean rerun = scan.module.streamlitApp && Syntax.enclosingFunction(call) == null;
        String q = scan.module.callee(call);
        String name = Syntax.calleeName(call);
        boolean loads = LOADERS.contains(q) || name.equals("from_pretrained") || q.startsWith("mlflow.") && name.equals("load_model")
                || pretrainedConstructor(call, q)
                || (name.equals("load_model") && Syntax.receiver(call) != null
                    && !Syntax.receiver(call).text().matches("self|cls")); // own method: its body is checked itself
        if (!loads) {
            callSite(call, scan, rerun);
            return;
        }
        if (cachedOrLazy(call) || SecurityRules.fromClient(call, scan) && holdsData(call)) {
            return; // a client's pickled table is data (and unsafe-deserialization); a client's checkpoint is a model
        }
        PyNode handler = scan.module.enclosingHandler(call);
        // a worker's loop takes one message (a job) per pass: a load there runs per job, as a handler's per request
        boolean perMessage = handler == null && !rerun && scan.role().production()
                && Syntax.onMessagePath(call, scan.module);
        if (handler == null && !rerun && !perMessage) {
            // A helper that loads: reported where a handler calls it (callSite), in this module or another, and
            // here too when a handler reaches it, since this line is where the fix (load once, cache) goes
            loader(call, scan);
            helperLoad(call, scan);
            return;
        }
        if (handler != null && hotSwap(call, handler, scan)) {
            if (scan.first("reload:" + handler.startByte) && !guarded(handler, scan)) { // once per endpoint
                scan.emit("PY-MODEL-002", Category.MODEL_LOADED_PER_REQUEST, Severity.P2, call,
                        "`" + Syntax.functionName(handler) + "` swaps the served model and loads it on every call ("
                                + "`" + call.text().replaceAll("\\s+", " ") + "`), and nothing checks who calls it: "
                                + "anyone who can reach the service can make it reload in a loop (seconds of CPU and a "
                                + "second copy of the weights in memory each time) while it serves traffic.",
                        "def require_admin(x_admin_token: str = Header(...)):\n"
                                + "    if not hmac.compare_digest(x_admin_token, os.environ[\"ADMIN_TOKEN\"]):\n"
                                + "        raise HTTPException(403)\n"
                                + "@app.post(\"/admin/reload\", dependencies=[Depends(require_admin)])\n"
                                + "# or reload by rolling the deployment (kubectl rollout restart) instead of an endpoint");
            }
            return;
        }
        if (perMessage) {
            loader(call, scan); // a handler elsewhere may call the same helper
        }
        String where = rerun ? "the Streamlit script itself, which reruns from the top on every interaction,"
                : perMessage ? "the worker loop's per-message path"
                + (Syntax.enclosingFunction(call) == null ? "" : " (`" + Syntax.functionName(Syntax.enclosingFunction(call)) + "`)")
                + "," : "the request handler `" + Syntax.functionName(handler) + "`";
        scan.emit("PY-MODEL-001", Category.MODEL_LOADED_PER_REQUEST, Severity.P1, call,
                "`" + call.text().replaceAll("\\s+", " ") + "` runs in " + where + " so every "
                        + (perMessage ? "message" : "request") + " reads "
                        + "and deserializes the model again: latency goes from milliseconds to seconds, memory spikes "
                        + "with each concurrent request, and under load workers are OOM-killed.",
                "load once at start-up and reuse:\nMODEL = " + call.text().replaceAll("\\s+", " ")
                        + "  # module level, or in the FastAPI lifespan / __init__\n"
                        + "def predict(...):\n    return MODEL.predict(features)");
    }

    /**
     * A model built with its pretrained weights: {@code torchvision.models.resnet50(weights=...)} (or the older
     * {@code pretrained=True}), {@code timm.create_model(name, pretrained=True)}, {@code torch.hub.load(...)}: each
     * reads (or downloads) the weights file.
     */
    private static boolean pretrainedConstructor(PyNode call, String q) {
        if (q.equals("torch.hub.load")) {
            return true;
        }
        if (!q.startsWith("torchvision.models.") && !q.equals("timm.create_model")) {
            return false;
        }
        PyNode weights = Syntax.keyword(call, "weights");
        PyNode pretrained = Syntax.keyword(call, "pretrained");
        return weights != null && !weights.is("none") || pretrained != null && pretrained.is("true");
    }

    private static final Pattern SWAP = Pattern.compile("(?i)reload|refresh|swap|rollout|promote|deploy_model|load_model");

    /**
     * An operator's endpoint that swaps the served model ({@code POST /admin/reload} storing a new Booster in the
     * app's state): it loads on purpose, once per call, for the requests that follow; the inference routes do not.
     * Reported (PY-MODEL-002) only when nothing checks who calls it.
     */
    private static boolean hotSwap(PyNode call, PyNode handler, Scan scan) {
        boolean named = SWAP.matcher(Syntax.functionName(handler)).find() || scan.module.routes.stream()
                .anyMatch(r -> r.handler() == handler && r.path() != null && SWAP.matcher(r.path()).find());
        PyNode assign = call.parent;
        if (!named || assign == null || !assign.is("assignment") || assign.field("right") != call) {
            return false;
        }
        PyNode left = assign.field("left");
        if (left == null) {
            return false;
        }
        if (left.is("attribute") || left.is("subscript")) {
            return true; // app["model"], app.state.model, self.model, registry[name]
        }
        // a module global the handler declares: global MODEL; MODEL = joblib.load(...)
        for (PyNode g : handler.descendants("global_statement", true)) {
            for (PyNode id : g.named()) {
                if (id.text().equals(left.text())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whole words that check who is asking: not {@code tokenizer}, not any {@code Depends(get_db)}. */
    private static final Pattern AUTH = Pattern.compile(
            "(?i)(\\b|_)(token|auth\\w*|api_?key|admin_key|secret|permissions?|login_required|jwt_required|"
                    + "require_\\w+|verify_\\w+|current_user|authenticate\\w*)(\\b|_)|\\bSecurity\\(");

    /**
     * The reload handler checks who is asking: a token or key compared, an auth dependency or decorator on it, or
     * dependencies declared for the whole router or app ({@code APIRouter(dependencies=[Depends(require_admin)])}).
     */
    private boolean guarded(PyNode handler, Scan scan) {
        PyNode owner = handler.parent != null && handler.parent.is("decorated_definition") ? handler.parent : handler;
        if (AUTH.matcher(owner.text()).find() || scan.module.sourceContains("before_request")) {
            return true;
        }
        for (Route r : scan.module.routes) {
            PyNode dec = r.handler() == handler ? r.site() : null;
            PyNode expr = dec == null || dec.named().isEmpty() ? null : dec.named().get(0);
            PyNode recv = expr != null && expr.is("call") ? Syntax.receiver(expr) : null;
            if (recv != null && recv.is("identifier")) {
                String v = Pattern.quote(recv.text());
                String source = scan.module.root.text();
                if (Pattern.compile("(?s)\\b" + v + "\\s*=\\s*(fastapi\\.)?(APIRouter|FastAPI)\\(.{0,400}?dependencies\\s*=")
                        .matcher(source).find()
                        || Pattern.compile("(?s)include_router\\(\\s*" + v + "\\b.{0,400}?dependencies\\s*=").matcher(source).find()) {
                    return true; // APIRouter(prefix="/admin", dependencies=[Depends(require_admin)])
                }
            }
        }
        return false;
    }

    /** The load line inside a helper that a request handler reaches, in this module or through an import. */
    private static void helperLoad(PyNode call, Scan scan) {
        boolean local = scan.module.onRequestPath(call);
        PyNode top = Syntax.topLevelFunction(call);
        if (!local && top == null) {
            return;
        }
        String fn = local ? Syntax.functionName(Syntax.enclosingFunction(call)) : Syntax.functionName(top);
        PyNode source = Syntax.positional(call, 0);
        if (source != null && !scan.first("helper-load:" + fn + ":" + source.text())) {
            return; // a processor and a model loaded from the same name are one reload: the first line says it
        }
        String shown = call.text().replaceAll("\\s+", " ");
        String message = "`" + shown + "` runs in `" + fn + "`, which a request handler " + (local ? "" : "in another "
                + "module ") + "calls, so every request reads and deserializes the model again: latency goes from "
                + "milliseconds to seconds, memory spikes with each concurrent request, and under load workers are "
                + "OOM-killed.";
        String fix = "load once and reuse:\n@functools.lru_cache(maxsize=1)\ndef " + fn + "(...):\n    return "
                + shown + "\n# or load at start-up (module level, FastAPI lifespan, __init__) and pass the model in";
        if (local) {
            scan.emit("PY-MODEL-001", Category.MODEL_LOADED_PER_REQUEST, Severity.P1, call, message, fix);
        } else {
            scan.emitIfCalledFromHandler(fn, "PY-MODEL-001", Category.MODEL_LOADED_PER_REQUEST, Severity.P1, call,
                    message, fix);
        }
    }

    /**
     * Records what calling the loading helper's owner costs: a module-level function (and this module's functions
     * that reach it), {@code Class.method}, or the class itself when its {@code __init__} loads.
     */
    private static void loader(PyNode call, Scan scan) {
        PyNode top = Syntax.topLevelFunction(call);
        if (top != null) {
            // a cached getter's call stops the chain: @lru_cache def get_model(): return load_model()
            String name = Syntax.functionName(top);
            if (scan.first("loader:" + name)) { // once per function, however many loads it holds
                scan.module.modelLoaders.addAll(scan.reaching(name, c -> !cachedOrLazy(c)));
            }
            return;
        }
        PyNode def = Syntax.enclosingFunction(call);
        PyNode cls = def == null ? null : def.ancestor("class_definition");
        if (cls == null || cls.field("name") == null) {
            return;
        }
        String c = cls.field("name").text();
        if (!scan.first("loader:" + cls.startByte + ":" + Syntax.functionName(def))) {
            return;
        }
        // the method, and the class's methods that reach it through self (load_version -> self._load), unless the
        // call is cached or lazy there: each costs a load per call, and __init__ makes constructing the class one
        Set<String> loading = new java.util.HashSet<>(Set.of(Syntax.functionName(def)));
        PyNode body = cls.field("body");
        List<PyNode> methods = body == null ? List.of() : body.descendants("function_definition", true);
        for (boolean grew = true; grew; ) {
            grew = false;
            for (PyNode other : methods) {
                String name = Syntax.functionName(other);
                if (!loading.contains(name) && callsSelf(other, loading)) {
                    grew = loading.add(name);
                }
            }
        }
        for (String name : loading) {
            scan.module.modelLoaders.add(name.equals("__init__") ? c : c + "." + name);
        }
    }

    /** {@code def} calls {@code self.<one of names>(...)} where nothing caches the result. */
    private static boolean callsSelf(PyNode def, Set<String> names) {
        for (PyNode call : def.descendants("call", true)) {
            PyNode fn = call.field("function");
            PyNode obj = fn == null || !fn.is("attribute") ? null : fn.field("object");
            if (obj != null && obj.text().equals("self") && names.contains(Syntax.calleeName(call)) && !cachedOrLazy(call)
                    && !memoizes(def)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern MEMO_CHECK = Pattern.compile("\\bin\\s+self\\.(\\w+)|self\\.(\\w+)\\.get\\(");

    /**
     * {@code if v in self._cache: return self._cache[v]} ... {@code self._cache[v] = m}: the method keeps what it
     * loads in a collection it looks in first, so a call loads once per key, not once per request.
     */
    private static boolean memoizes(PyNode def) {
        String text = def.text();
        java.util.regex.Matcher m = MEMO_CHECK.matcher(text);
        while (m.find()) {
            String field = m.group(1) != null ? m.group(1) : m.group(2);
            if (Pattern.compile("self\\." + Pattern.quote(field) + "\\[[^\\]]+]\\s*=(?!=)").matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A request handler (or a Streamlit rerun) calling a project function, method or class: a finding if that callee
     * loads the model on every call, which is known once every module is seen ({@link RepoCondition#CALLEE_LOADS_MODEL}).
     */
    private static void callSite(PyNode call, Scan scan, boolean rerun) {
        PyNode enclosing = Syntax.enclosingFunction(call);
        boolean perMessage = !rerun && (enclosing == null || !scan.module.handlers.contains(enclosing));
        if (perMessage && !scan.role().production()) {
            return;
        }
        PyModule m = scan.module;
        PyNode fn = call.field("function");
        if (fn == null) {
            return;
        }
        if (fn.is("identifier") && (fn.text().equals("Depends") || fn.text().equals("Security"))) {
            fn = Syntax.positional(call, 0); // FastAPI runs the dependency on every request
            if (fn == null) {
                return;
            }
        }
        String subject = null;
        if (fn.is("identifier")) {
            String n = fn.text();
            subject = m.imports.containsKey(n) ? m.imports.get(n)
                    : m.functions.containsKey(n) || m.classes.contains(n) ? RepoFacts.dotted(m.path) + "." + n : null;
        } else if (fn.is("attribute") && fn.field("object") != null) {
            PyNode obj = fn.field("object");
            PyNode cls = call.ancestor("class_definition");
            if (obj.text().equals("self") && cls != null && cls.field("name") != null) {
                subject = RepoFacts.dotted(m.path) + "." + cls.field("name").text() + "." + Syntax.calleeName(call);
            } else if (obj.is("identifier") && m.imports.containsKey(obj.text())) {
                subject = m.imports.get(obj.text()) + "." + Syntax.calleeName(call);
            } else if (obj.is("identifier") && enclosing != null && !perMessage) {
                // store: ModelStore = request.app["models"]; store.load_version(v): the annotation names the class
                // (looked up in handlers only: the search walks the function, and most calls are outside them)
                String type = annotatedType(enclosing, obj.text());
                String typed = type == null ? null : m.imports.containsKey(type) ? m.imports.get(type)
                        : m.classes.contains(type) ? RepoFacts.dotted(m.path) + "." + type : null;
                subject = typed == null ? null : typed + "." + Syntax.calleeName(call);
            }
        }
        // the per-message path last: most calls outside handlers resolve to no project subject at all
        if (subject == null) {
            return;
        }
        // a helper of this module that a handler calls (handle_photo -> caption_image -> load_model()) runs per
        // request as much as the handler does; a loading callee of this module is reported at its own load line
        boolean helper = perMessage && enclosing != null && m.role == FileRole.SERVICE
                && !subject.startsWith(RepoFacts.dotted(m.path) + ".") && m.onRequestPath(call);
        if (perMessage && !helper && !Syntax.onMessagePath(call, m)) {
            return;
        }
        if (helper && cachedOrLazy(call)) {
            return; // @lru_cache def get_model(): return load_model(), or `if _model is None:`: loads once
        }
        if (helper) {
            perMessage = false;
        }
        String shown = call.text().replaceAll("\\s+", " ");
        String where = rerun ? "at the top of the Streamlit script, which reruns on every interaction"
                : perMessage ? "on the worker loop's per-message path" + (enclosing == null ? ""
                : " (`" + Syntax.functionName(enclosing) + "`)")
                : helper ? "in `" + Syntax.functionName(enclosing) + "`, which a request handler calls"
                : "in the request handler `" + Syntax.functionName(enclosing) + "`";
        String callee = subject.substring(subject.lastIndexOf('.') + 1);
        boolean constructs = !callee.isEmpty() && Character.isUpperCase(callee.charAt(0));
        scan.emitIf(RepoCondition.CALLEE_LOADS_MODEL, Set.of(subject), "PY-MODEL-001",
                Category.MODEL_LOADED_PER_REQUEST, Severity.P1, call,
                "`" + shown + "` runs " + where + ", and `" + callee + "` loads the model from disk each time it is "
                        + (constructs ? "constructed" : "called (nothing caches it)") + ", so every "
                        + (perMessage ? "message" : "request") + " "
                        + "deserializes the model again: latency goes from milliseconds to seconds, memory spikes "
                        + "with each concurrent request, and under load workers are OOM-killed.",
                constructs ? "construct it once at start-up and reuse the instance:\nINSTANCE = " + callee + "(...)"
                        + "  # module level, the FastAPI lifespan, or the view's __init__"
                        : "load once and reuse: cache the loader, or load at start-up\n@functools.lru_cache(maxsize=1)\n"
                        + "def " + callee + "(...): ...  # or MODEL = " + callee + "(...) at module level / in the "
                        + "lifespan");
    }

    /**
     * The class a local name is annotated with in {@code def}: a parameter ({@code store: ModelStore}) or an
     * annotated assignment ({@code store: ModelStore = ...}); null when it has none, or not a plain name.
     */
    private static String annotatedType(PyNode def, String name) {
        PyNode params = def.field("parameters");
        for (PyNode p : params == null ? List.<PyNode>of() : params.named()) {
            PyNode id = Syntax.parameterName(p);
            PyNode type = p.field("type");
            if (id != null && type != null && id.text().equals(name)) {
                return plainType(type);
            }
        }
        PyNode body = def.field("body");
        for (PyNode a : body == null ? List.<PyNode>of() : body.descendants("assignment", true)) {
            PyNode left = a.field("left");
            PyNode type = a.field("type");
            if (type != null && left != null && left.is("identifier") && left.text().equals(name)) {
                return plainType(type);
            }
        }
        return null;
    }

    private static String plainType(PyNode type) {
        String t = type.text().strip();
        return t.matches("[A-Za-z_]\\w*") ? t : null;
    }

    /** {@code df = pickle.load(upload)}: the result's name says it is data, not a model. */
    private static boolean holdsData(PyNode call) {
        PyNode assignment = call.parent;
        PyNode left = assignment != null && assignment.is("assignment") ? assignment.field("left") : null;
        return left != null && DATA_NAMES.matcher(left.text()).matches();
    }

    /** A function whose result is cached by its decorator ({@code @lru_cache}, {@code @st.cache_resource}, ...). */
    static boolean cachedGetter(PyNode def) {
        for (PyNode d : Syntax.decorators(def)) {
            String t = d.is("call") ? Syntax.calleeName(d) : d.text().substring(d.text().lastIndexOf('.') + 1);
            if (CACHES.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code _model = load_model()} under {@code if _model is None:} (or {@code if not _model:}): the call runs once,
     * whoever reaches it. Narrower than {@link #cachedOrLazy}, for what a handler is said to call.
     */
    static boolean assignedOnce(PyNode call) {
        PyNode a = call.parent;
        PyNode left = a != null && a.is("assignment") && a.field("right") == call ? a.field("left") : null;
        if (left == null) {
            return false;
        }
        String l = left.text();
        for (PyNode p = a.parent; p != null && !p.is("function_definition"); p = p.parent) {
            PyNode cond = p.is("if_statement") ? p.field("condition") : null;
            if (cond != null && (cond.text().equals(l + " is None") || cond.text().equals("not " + l))) {
                return true;
            }
        }
        return false;
    }

    /** Inside a cached getter, or guarded by {@code if model is None:} (load-once). */
    private static boolean cachedOrLazy(PyNode call) {
        PyNode def = Syntax.enclosingFunction(call);
        if (cachedGetter(def)) {
            return true;
        }
        for (PyNode p = call.parent; p != null && p != def; p = p.parent) {
            if (p.is("if_statement")) {
                PyNode cond = p.field("condition");
                String c = cond == null ? "" : cond.text();
                if (c.contains("is None") || c.startsWith("not ") || c.contains(" not in ")) {
                    return true;
                }
            }
        }
        return false;
    }
}
