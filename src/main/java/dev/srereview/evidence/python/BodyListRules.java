package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * no-input-validation, the batch case (PY-INPUT-007): a pydantic model a handler takes as the client's body holds a
 * list with no size bound ({@code customers: List[Customer]}). Each item is checked, the list's length is not: one
 * request with 100,000 items makes the handler run the model, the feature store and the memory for all of them
 * while the worker serves no one else. Bounded by {@code Field(max_length=...)} (pydantic 1: {@code max_items}),
 * {@code conlist(..., max_length=...)}, an {@code Annotated} bound, or a validator that measures it; a handler that
 * measures the list itself keeps its models out of this ({@link BodyModels}).
 */
final class BodyListRules implements NodeRule {
    /** A sized collection type, after Optional[...] / ... | None are peeled off. */
    private static final Pattern COLLECTION = Pattern.compile(
            "^(typing\\.)?(List|list|Sequence|Set|set|FrozenSet|frozenset|Collection|Iterable|conlist|conset)\\b");
    /** A list of plain numbers: a feature vector, whose length the model fixes. */
    private static final Pattern NUMBERS = Pattern.compile("^(typing\\.)?(List|list|Sequence)\\[(float|int)]$");
    private static final Pattern BOUND = Pattern.compile("max_length|max_items|MaxLen|\\bLen\\(");
    private static final Pattern FIELD_VALIDATOR = Pattern.compile("^(\\w+\\.)*(field_validator|validator)\\(");
    private static final Pattern MODEL_VALIDATOR = Pattern.compile("^(\\w+\\.)*(model_validator|root_validator)\\b");
    private static final Pattern QUOTED = Pattern.compile("[\"']([A-Za-z_]\\w*)[\"']");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("class_definition", "function_definition");
    }

    @Override
    public void check(PyNode node, Scan scan) {
        if (node.is("function_definition")) {
            listParameters(node, scan);
            return;
        }
        PyNode cls = node;
        PyNode name = cls.field("name");
        PyNode body = cls.field("body");
        if (!scan.role().production() || name == null || body == null || !pydanticModel(cls, scan.module)) {
            return;
        }
        Set<String> measured = measuredFields(body);
        if (measured.contains("*")) {
            return;
        }
        for (PyNode stmt : body.named()) {
            PyNode field = stmt.is("expression_statement") && !stmt.named().isEmpty() ? stmt.named().get(0) : null;
            if (field == null || !field.is("assignment") || field.field("type") == null || field.field("left") == null) {
                continue;
            }
            String type = field.field("type").text().replaceAll("\\s", "");
            PyNode value = field.field("right");
            String f = field.field("left").text();
            if (measured.contains(f) || !unbounded(type, value == null ? "" : value.text())) {
                continue;
            }
            boolean vector = NUMBERS.matcher(peel(type)).find();
            String shown = "`" + name.text() + "." + f + "` is a list with no size bound, and `" + name.text()
                    + "` is a request body: ";
            scan.emitIf(RepoCondition.REQUEST_BODY_MODEL, Set.of(name.text()), "PY-INPUT-007",
                    Category.NO_INPUT_VALIDATION, Severity.P2, field,
                    vector
                            ? shown + "each number is checked, the count is not. A vector of the wrong length passes "
                            + "and fails inside the model as a 500 with a traceback instead of a 422, and a "
                            + "10-million-element one is parsed into the worker's memory before anything looks at it."
                            : shown + "each item is validated, the count is not. One request carrying 100,000 items "
                            + "makes the handler run the model (and any per-item lookups) for all of them, holding "
                            + "the worker and its memory while every other client waits or times out.",
                    vector
                            ? f + ": " + field.field("type").text() + " = Field(..., min_length=N_FEATURES, "
                            + "max_length=N_FEATURES)  # pydantic 1: min_items/max_items"
                            : f + ": " + field.field("type").text() + " = Field(..., min_length=1, max_length=256)"
                            + "  # pydantic 1: max_items=256; a 422 for larger batches");
        }
    }

    /**
     * A FastAPI or Litestar handler whose body is itself a list ({@code def predict_batch(rows: List[dict])}): the
     * same unbounded batch, with no model to put the bound on. Bounded by a {@code Body(..., max_length=...)} default
     * or a handler that measures or cuts it ({@code if len(rows) > 500}, {@code rows[:500]}).
     */
    private static void listParameters(PyNode def, Scan scan) {
        PyModule m = scan.module;
        if (m.role != FileRole.SERVICE || !m.importsAny("fastapi", "litestar")) {
            return;
        }
        Route route = m.routes.stream().filter(r -> r.handler() == def).findFirst().orElse(null);
        PyNode params = def.field("parameters");
        if (route == null || params == null || route.methods().stream().noneMatch(BODY_METHODS::contains)) {
            return;
        }
        for (PyNode p : params.named()) {
            PyNode type = p.field("type");
            PyNode name = Syntax.parameterName(p);
            PyNode value = p.field("value");
            String v = value == null ? "" : value.text();
            // not the body: a query, header, cookie, path, form or file parameter, or a dependency (marked in its
            // default or inside Annotated[...]); Litestar takes the body only as `data`
            if (type == null || name == null || NOT_BODY.matcher(v + " " + type.text()).find()
                    || m.importsAny("litestar") && !m.importsAny("fastapi") && !name.text().equals("data")) {
                continue;
            }
            String t = type.text().replaceAll("\\s", "");
            String param = Pattern.quote(name.text());
            if (!unbounded(t, v) || Pattern.compile("len\\(\\s*" + param + "\\s*\\)\\s*[<>]|[<>]=?\\s*len\\(\\s*" + param
                    + "\\s*\\)|\\b" + param + "\\[\\s*(0\\s*)?:\\s*[\\w.]+\\s*]").matcher(def.text()).find()) {
                continue;
            }
            boolean vector = NUMBERS.matcher(peel(t)).find();
            String shown = "`" + name.text() + ": " + type.text() + "` is the request body of "
                    + String.join("/", route.methods()) + " " + (route.path() == null ? route.pathText() : route.path())
                    + ", a list with no size bound: ";
            scan.emit("PY-INPUT-007", Category.NO_INPUT_VALIDATION, Severity.P2, p,
                    vector
                            ? shown + "a vector of the wrong length passes and fails inside the model as a 500 "
                            + "instead of a 422, and a 10-million-element one is parsed into memory first."
                            : shown + "one request carrying 100,000 items makes the handler run the model for all of "
                            + "them, holding the worker and its memory while every other client waits or times out.",
                    vector
                            ? name.text() + ": " + type.text() + " = Body(..., min_length=N_FEATURES, max_length=N_FEATURES)"
                            : name.text() + ": " + type.text() + " = Body(..., min_length=1, max_length=500)"
                            + "  # or a pydantic model: rows: List[Row] = Field(..., max_length=500)");
        }
    }

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "ANY");
    private static final Pattern NOT_BODY = Pattern.compile(
            "\\b(Query|Header|Cookie|Path|Form|File|Depends|Security|Parameter|Dependency)\\(|\\bUploadFile\\b");

    /**
     * The fields a validator of the class measures ({@code @field_validator("rows")} whose body calls {@code len(});
     * "*" when a model validator measures, which may bound any field.
     */
    private static Set<String> measuredFields(PyNode body) {
        Set<String> out = new java.util.HashSet<>();
        for (PyNode stmt : body.named()) {
            PyNode def = stmt.is("decorated_definition") ? stmt.field("definition") : null;
            if (def == null || !def.text().contains("len(")) {
                continue;
            }
            for (PyNode d : Syntax.decorators(def)) {
                if (MODEL_VALIDATOR.matcher(d.text()).find()) {
                    out.add("*");
                } else if (FIELD_VALIDATOR.matcher(d.text()).find()) {
                    java.util.regex.Matcher q = QUOTED.matcher(d.text());
                    while (q.find()) {
                        out.add(q.group(1));
                    }
                }
            }
        }
        return out;
    }

    /** A collection type whose length nothing bounds: no bound in its type's own arguments, Annotated[...] or default. */
    static boolean unbounded(String type, String value) {
        String t = peel(type);
        if (t.startsWith("Annotated[") || t.startsWith("typing.Annotated[")) {
            List<String> parts = topLevel(t.substring(t.indexOf('[') + 1, t.length() - 1));
            if (parts.size() > 1 && BOUND.matcher(String.join(",", parts.subList(1, parts.size()))).find()) {
                return false;
            }
            t = peel(parts.get(0));
        }
        if (!COLLECTION.matcher(t).find() || BOUND.matcher(value).find()) {
            return false;
        }
        if (t.startsWith("conlist(") || t.startsWith("conset(")) {
            List<String> args = topLevel(t.substring(t.indexOf('(') + 1, t.lastIndexOf(')') < 0 ? t.length() : t.lastIndexOf(')')));
            return args.size() < 2 || !BOUND.matcher(String.join(",", args.subList(1, args.size()))).find();
        }
        return true;
    }

    /** {@code Optional[X]}, {@code X|None} and {@code None|X} are X. */
    private static String peel(String t) {
        String s = t.replaceFirst("^(typing\\.)?Optional\\[(.*)]$", "$2");
        s = s.replaceFirst("\\|None$", "").replaceFirst("^None\\|", "");
        return s;
    }

    /** The comma-separated parts of {@code s} at bracket depth 0. */
    private static List<String> topLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '[' || c == '(' || c == '{') {
                depth++;
            } else if (c == ']' || c == ')' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    /** A pydantic model: based on BaseModel, or on a class of this module when the module uses pydantic. */
    private static boolean pydanticModel(PyNode cls, PyModule m) {
        PyNode bases = cls.field("superclasses");
        if (bases == null) {
            return false;
        }
        for (PyNode b : bases.named()) {
            String t = b.text();
            String last = t.substring(t.lastIndexOf('.') + 1);
            if (last.equals("BaseModel") || m.classes.contains(t) && m.importsAny("pydantic")) {
                return true;
            }
        }
        return false;
    }
}
