package dev.srereview.evidence.python;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The classes a service's request handlers take as the client's body, qualified ({@code churn_api.schemas.BatchRequest}):
 * a typed parameter of a FastAPI, Litestar, BentoML or Ray Serve handler (not a {@code Depends(...)} one), or a model
 * a handler validates the client's input with ({@code PredictIn.model_validate(request.get_json())},
 * {@code PredictIn(**payload)} where the payload is the request's). Such a class is built from every request, so its
 * fields are the bounds the client must keep (PY-INPUT-007 judges its lists). A class a handler answers with
 * ({@code response_model=}, {@code -> Out}) is not one; a handler that measures or cuts a parameter's list itself
 * ({@code if len(body.texts) > 64}, {@code body.texts[:64]}) puts that parameter's model out of the question.
 */
final class BodyModels {
    private static final Set<String> VALIDATORS = Set.of("model_validate", "model_validate_json", "parse_obj",
            "parse_raw", "validate");
    /** What a handler's client input is called when it is splatted into a model. */
    private static final Pattern CLIENT_INPUT = Pattern.compile("request|get_json|json|payload|body|data|form");

    private BodyModels() {
    }

    static Set<String> of(PyModule m) {
        if (m.role != FileRole.SERVICE || m.handlers.isEmpty()) {
            return Set.of();
        }
        boolean typedBodies = m.importsAny("fastapi", "litestar", "bentoml", "ray");
        Set<String> out = new HashSet<>();
        Set<String> answers = new HashSet<>();
        for (PyNode h : m.handlers) {
            PyNode params = h.field("parameters");
            if (typedBodies && params != null) {
                for (PyNode p : params.named()) {
                    PyNode type = p.field("type");
                    PyNode name = Syntax.parameterName(p);
                    if (type == null || name == null || p.text().contains("Depends(") || p.text().contains("Security(")
                            || measured(h, name.text())) {
                        continue;
                    }
                    add(m, type, out);
                }
            }
            for (PyNode c : h.descendants("call", true)) {
                PyNode fn = c.field("function");
                PyNode args = c.field("arguments");
                if (fn == null) {
                    continue;
                }
                if (fn.is("attribute") && VALIDATORS.contains(Syntax.calleeName(c)) && fn.field("object") != null) {
                    add(m, fn.field("object"), out);
                } else if ((fn.is("identifier") || fn.is("attribute")) && args != null && args.text().startsWith("(**")
                        && CLIENT_INPUT.matcher(args.text()).find()) {
                    add(m, fn, out);
                }
            }
            answers(m, h, answers);
        }
        out.removeAll(answers);
        return Set.copyOf(out);
    }

    /** {@code len(body.texts) > 64}, {@code body.texts[:64]}, {@code body.texts[0:limit]}: the handler bounds it. */
    private static boolean measured(PyNode handler, String param) {
        String p = Pattern.quote(param);
        return Pattern.compile("len\\(\\s*" + p + "\\.[^)]*\\)\\s*[<>]|[<>]=?\\s*len\\(\\s*" + p + "\\.|\\b" + p
                + "\\.\\w+\\[\\s*(0\\s*)?:\\s*[\\w.]+\\s*]").matcher(handler.text()).find();
    }

    /** The classes a handler answers with: its {@code response_model=} and its return annotation. */
    private static void answers(PyModule m, PyNode handler, Set<String> out) {
        PyNode returns = handler.field("return_type");
        if (returns != null) {
            add(m, returns, out);
        }
        for (PyNode d : Syntax.decorators(handler)) {
            for (PyNode kw : d.descendants("keyword_argument", true)) {
                PyNode name = kw.field("name");
                if (name != null && name.text().equals("response_model") && kw.field("value") != null) {
                    add(m, kw.field("value"), out);
                }
            }
        }
    }

    /** The classes a type expression names ({@code BatchRequest}, {@code Optional[schemas.BatchRequest]}), qualified. */
    private static void add(PyModule m, PyNode type, Set<String> out) {
        addName(m, type.text(), out);
        for (PyNode n : type.descendants("identifier", true)) {
            addName(m, n.text(), out);
        }
        for (PyNode n : type.descendants("attribute", true)) {
            addName(m, n.text(), out);
        }
    }

    /** A CapWords name this module defines or imports (a class, by PEP 8), or one of an imported module, qualified. */
    private static void addName(PyModule m, String name, Set<String> out) {
        int dot = name.lastIndexOf('.');
        String last = name.substring(dot + 1);
        if (last.isEmpty() || !Character.isUpperCase(last.charAt(0))) {
            return;
        }
        if (dot > 0) {
            String head = name.substring(0, dot);
            String module = m.imports.get(head);
            if (module != null) {
                out.add(module + "." + last); // schemas.BatchRequest through `from app import schemas`
            }
        } else if (m.classes.contains(name)) {
            out.add(RepoFacts.dotted(m.path) + "." + name);
        } else if (m.imports.containsKey(name)) {
            out.add(m.imports.get(name));
        }
    }
}
