package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Set;

/** model-loaded-per-request: weights read from disk (or the Hub) inside a request handler. */
final class ModelLoadRules implements NodeRule {
    private static final Set<String> LOADERS = Set.of("joblib.load", "pickle.load", "torch.load", "torch.jit.load",
            "tensorflow.keras.models.load_model", "keras.models.load_model", "keras.saving.load_model",
            "tensorflow.saved_model.load", "tf.keras.models.load_model", "onnxruntime.InferenceSession",
            "transformers.pipeline", "sentence_transformers.SentenceTransformer", "spacy.load", "whisper.load_model",
            "cloudpickle.load", "dill.load", "fasttext.load_model", "ultralytics.YOLO", "safetensors.torch.load_file",
            "llama_cpp.Llama", "lightgbm.Booster", "xgboost.Booster", "catboost.CatBoost", "gensim.models.Word2Vec.load",
            "tensorflow.keras.saving.load_model");
    private static final Set<String> CACHES = Set.of("lru_cache", "cache", "cached", "cached_property",
            "cache_resource", "cache_data", "experimental_singleton", "experimental_memo");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call");
    }

    @Override
    public void check(PyNode call, Scan scan) {
        boolean rerun = scan.module.streamlitApp && Syntax.enclosingFunction(call) == null;
        boolean local = scan.module.onRequestPath(call) || rerun;
        // Otherwise a handler in another file may call the function it loads in: known at the end
        PyNode function = local ? null : Syntax.topLevelFunction(call);
        if (scan.role() == FileRole.TEST || scan.role() == FileRole.NOTEBOOK || !local && function == null) {
            return;
        }
        String q = scan.module.callee(call);
        String name = Syntax.calleeName(call);
        boolean loads = LOADERS.contains(q) || name.equals("from_pretrained") || q.startsWith("mlflow.") && name.equals("load_model")
                || (name.equals("load_model") && Syntax.receiver(call) != null
                    && !Syntax.receiver(call).text().matches("self|cls")); // own method: its body is checked itself
        if (!loads || cachedOrLazy(call)) {
            return;
        }
        PyNode handler = scan.module.enclosingHandler(call);
        String where = rerun ? "the Streamlit script itself, which reruns from the top on every interaction,"
                : !local ? "`" + Syntax.functionName(function) + "`, which a request handler in another module calls,"
                : handler != null ? "the request handler `" + Syntax.functionName(handler) + "`"
                : "`" + Syntax.functionName(Syntax.enclosingFunction(call)) + "`, which a request handler calls,";
        String message = "`" + call.text().replaceAll("\\s+", " ") + "` runs in " + where + " so every request reads "
                + "and deserializes the model again: latency goes from milliseconds to seconds, memory spikes "
                + "with each concurrent request, and under load workers are OOM-killed.";
        String fix = "load once at start-up and reuse:\nMODEL = " + call.text().replaceAll("\\s+", " ")
                + "  # module level, or in the FastAPI lifespan / __init__\n"
                + "def predict(...):\n    return MODEL.predict(features)";
        if (local) {
            scan.emit("PY-MODEL-001", Category.MODEL_LOADED_PER_REQUEST, Severity.P1, call, message, fix);
        } else {
            scan.emitIfCalledFromHandler(Syntax.functionName(function), "PY-MODEL-001",
                    Category.MODEL_LOADED_PER_REQUEST, Severity.P1, call, message, fix);
        }
    }

    /** Inside a cached getter, or guarded by {@code if model is None:} (load-once). */
    private static boolean cachedOrLazy(PyNode call) {
        PyNode def = Syntax.enclosingFunction(call);
        for (PyNode d : Syntax.decorators(def)) {
            String t = d.is("call") ? Syntax.calleeName(d) : d.text().substring(d.text().lastIndexOf('.') + 1);
            if (CACHES.contains(t)) {
                return true;
            }
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
