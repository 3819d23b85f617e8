package dev.srereview.evidence.python;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classes a service's request handlers take as the client's body, qualified ({@code churn_api.schemas.BatchRequest}):
 * a typed parameter of a FastAPI, Litestar, BentoML or Ray Serve handler, or a model a handler validates the input
 * with ({@code PredictIn.model_validate(request.get_json())}, {@code PredictIn(**payload)}). Such a class is built
 * from every request, so its fields are the bounds the client must keep (PY-INPUT-007 judges its lists). A handler
 * that measures a list itself ({@code if len(body.texts) > 64}) or cuts it ({@code body.texts[:64]}) puts its models
 * out of that question.
 */
final class BodyModels {
    private static final Set<String> VALIDATORS = Set.of("model_validate", "model_validate_json", "parse_obj",
            "parse_raw", "validate");
    private static final Pattern MEASURES = Pattern.compile("len\\([^)]*\\)\\s*[<>]|[<>]=?\\s*len\\(|\\[\\s*:\\s*\\w+\\s*]");

    private BodyModels() {
    }

    static Set<String> of(PyModule m) {
        if (m.role != FileRole.SERVICE || m.handlers.isEmpty()) {
            return Set.of();
        }
        boolean typedBodies = m.importsAny("fastapi", "litestar", "bentoml", "ray");
        Set<String> out = new HashSet<>();
        for (PyNode h : m.handlers) {
            if (MEASURES.matcher(h.text()).find()) {
                continue;
            }
            PyNode params = h.field("parameters");
            if (typedBodies && params != null) {
                for (PyNode p : params.named()) {
                    PyNode type = p.field("type");
                    if (type != null) {
                        add(m, type.text(), out);
                        type.descendants("identifier", true).forEach(id -> add(m, id.text(), out));
                    }
                }
            }
            for (PyNode c : h.descendants("call", true)) {
                PyNode fn = c.field("function");
                PyNode args = c.field("arguments");
                if (fn == null) {
                    continue;
                }
                if (fn.is("attribute") && VALIDATORS.contains(Syntax.calleeName(c)) && fn.field("object") != null) {
                    add(m, fn.field("object").text(), out);
                } else if (fn.is("identifier") && args != null && args.text().startsWith("(**")) {
                    add(m, fn.text(), out);
                }
            }
        }
        return Set.copyOf(out);
    }

    /** A CapWords name this module defines or imports (a class, by PEP 8), qualified. */
    private static void add(PyModule m, String name, Set<String> out) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) {
            return;
        }
        if (m.classes.contains(name)) {
            out.add(RepoFacts.dotted(m.path) + "." + name);
        } else if (m.imports.containsKey(name)) {
            out.add(m.imports.get(name));
        }
    }
}
