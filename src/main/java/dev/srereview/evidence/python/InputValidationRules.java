package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Set;
import java.util.regex.Pattern;

/** no-input-validation: handlers that feed client input onward with no schema, type or bound check. */
final class InputValidationRules implements NodeRule {
    private static final Pattern FLASK_INPUT = Pattern.compile(
            "^(request\\.(json|form|args|values|data|files)|request\\.get_json\\(.*\\))");
    /** Anything in the handler that checks shape, type or bounds, or rejects bad input. */
    private static final Pattern VALIDATES = Pattern.compile(
            "isinstance\\(|(?<![A-Za-z])validate|parse_obj|parse_raw|Schema\\(|schema\\.|TypeAdapter|"
                    // a rejection is a 4xx: HTTPException(503) after a failed DB write, or `resp.status_code >= 400`
                    // on an upstream's answer, checks nothing the client sent
                    + "abort\\(\\s*(4\\d\\d|status\\.HTTP_4)|HTTPException\\(\\s*(status_code\\s*=\\s*)?(4\\d\\d|status\\.HTTP_4)|"
                    + "BadRequest|UnprocessableEntity|PayloadTooLarge|RequestEntityTooLarge|UnsupportedMediaType|"
                    + "HTTPStatus\\.(BAD_REQUEST|UNPROCESSABLE|REQUEST_ENTITY|UNSUPPORTED)|ValidationError|(?<![<>]=?\\s{0,2})\\b(400|413|415|422)\\b|len\\([^)]*\\)\\s*[<>]|\\btype=|"
                    + "is_valid\\(|Serializer\\(|Form\\(|secure_filename|allowed_file|content_length\\s*[<>]|MAX_CONTENT_LENGTH|"
                    + "\\.mimetype|content_type\\s*(not\\s+)?in|(?<![A-Za-z])(?i:file|filename|name|ext|suffix)[\\w.()]*\\.endswith\\(|\\.size\\s*[<>]");
    /** The accessors that read a request's input without checking it. */
    private static final Set<String> EXTRACTS = Set.of("get_json", "get", "json", "loads", "get_data", "decode");
    private static final Set<String> DJANGO_INPUT = Set.of("body", "POST", "GET", "data", "query_params", "FILES");
    private static final Set<String> FALCON_INPUT = Set.of("media", "get_media", "stream", "bounded_stream");
    private static final Set<String> AIOHTTP_INPUT = Set.of("json", "post", "read", "text", "query",
            "multipart");
    private static final Set<String> SANIC_INPUT = Set.of("json", "form", "args", "body", "files", "get_args",
            "load_json");
    private static final Set<String> STARLETTE_INPUT = Set.of("json", "form", "body", "query_params");
    private static final Set<String> AZURE_INPUT = Set.of("get_json", "get_body", "params", "route_params", "form",
            "files");
    private static final Pattern VALIDATING_DECORATOR = Pattern.compile(
            "(?i)validate|expects_json|use_args|use_kwargs|\\.input\\(|marshal_with|accepts|schema");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("attribute", "function_definition");
    }

    @Override
    public void check(PyNode n, Scan scan) {
        if (scan.role() != FileRole.SERVICE) {
            return;
        }
        if (n.is("function_definition")) {
            fastApi(n, scan);
            return;
        }
        PyNode obj = n.field("object");
        if (obj != null && obj.is("identifier") && (obj.text().equals("request") || obj.text().equals("req"))
                && requestParameter(n, scan)) {
            return;
        }
        if (obj != null && obj.is("attribute") && obj.text().equals("self.rfile") && n.field("attribute") != null
                && n.field("attribute").text().startsWith("read") && scan.module.importsAny("http")) {
            // http.server: the handler reads the raw body itself, as many bytes as the client declares
            unchecked(n, n.parent != null && n.parent.is("call") ? n.parent : n, scan, "json.loads(body)",
                    "self.send_error(400, str(e)); return  # and cap Content-Length before reading");
            return;
        }
        if (obj != null && obj.is("attribute") && scan.module.importsAny("tornado") && tornadoInput(n, obj)) {
            unchecked(n, n.parent != null && n.parent.is("call") ? n.parent : n, scan, "json.loads(self.request.body)",
                    "raise tornado.web.HTTPError(400, str(e))");
            return;
        }
        // request.json / request.args / request.get_json() inside a Flask handler (also as flask.request.…)
        boolean named = obj != null && (obj.is("identifier") && obj.text().equals("request")
                || obj.is("attribute") && (obj.text().equals("flask.request") || obj.text().equals("quart.request")));
        if (!named || !"flask.request".equals(scan.module.qualify(obj)) && !"quart.request".equals(scan.module.qualify(obj))) {
            return;
        }
        PyNode use = n.parent != null && n.parent.is("call") ? n.parent : n;
        String used = use.text().replaceFirst("^(flask|quart)\\.", "");
        if (!FLASK_INPUT.matcher(used).find()) {
            return;
        }
        unchecked(n, use, scan, "request.get_json()", "return {\"error\": e.errors()}, 400");
    }

    /** Reports {@code use} (client input) once per handler, unless the handler validates it somewhere. */
    private static void unchecked(PyNode n, PyNode use, Scan scan, String input, String reject) {
        PyNode handler = scan.module.enclosingHandler(n);
        if (handler == null) {
            handler = readingHelper(n, scan.module);
        }
        // a value bounded in the handler is checked; the handler's next read of the input may still not be
        if (handler == null || validated(handler) || BoundsChecks.held(use, handler)
                || !scan.first("input:" + handler.startByte)) {
            return;
        }
        scan.emit("PY-INPUT-001", Category.NO_INPUT_VALIDATION, Severity.P2, use,
                "`" + Syntax.functionName(handler) + "` uses `" + use.text() + "` with no schema, type or size check: "
                        + "a missing field, a string instead of a number or a 100 MB list reaches the model as-is — "
                        + "clients get a 500 with a traceback instead of a 400, and one oversized payload can stall "
                        + "a worker.",
                "class PredictIn(pydantic.BaseModel):\n    features: conlist(float, min_length=4, max_length=4)\n"
                        + "try:\n    body = PredictIn.model_validate(" + input + ")\nexcept pydantic.ValidationError as e:\n"
                        + "    " + reject);
    }

    /**
     * A helper the handlers call to read the request ({@code def _instances(): return request.get_json()["rows"]}):
     * judged as a handler when no handler that calls it checks what it returns.
     */
    private static PyNode readingHelper(PyNode n, PyModule m) {
        PyNode fn = Syntax.enclosingFunction(n);
        if (fn == null || !m.requestPath.contains(fn)) {
            return null;
        }
        String name = Syntax.functionName(fn);
        boolean called = false;
        for (PyNode h : m.handlers) {
            for (PyNode c : h.descendants("call", true)) {
                if (Syntax.calleeName(c).equals(name)) {
                    called = true;
                    if (validated(h)) {
                        return null;
                    }
                }
            }
        }
        return called ? fn : null;
    }

    /**
     * Frameworks that hand the handler its request as a parameter: Falcon ({@code req.media}, {@code req.get_media()}),
     * Django ({@code request.body}, {@code .POST},
     * DRF's {@code .data}), aiohttp ({@code await request.json()}, {@code .post()}, {@code .query}), Starlette
     * ({@code await request.json()}, {@code .form()}, {@code .query_params}; Ray Serve hands its deployments the same
     * Starlette request). True when the module is one of theirs
     * (the attribute is then judged here, reported or not).
     */
    private boolean requestParameter(PyNode n, Scan scan) {
        String q = scan.module.qualify(n.field("object"));
        if (q != null && (q.startsWith("flask.") || q.startsWith("quart."))) {
            return false; // Flask's global request (a module may also use aiohttp as a client)
        }
        Set<String> inputs = scan.module.importsAny("azure.functions") ? AZURE_INPUT
                : scan.module.importsAny("falcon") ? FALCON_INPUT
                : scan.module.importsAny("sanic") ? SANIC_INPUT
                : scan.module.importsAny("django", "rest_framework") ? DJANGO_INPUT
                : scan.module.importsAny("aiohttp") ? AIOHTTP_INPUT
                : scan.module.importsAny("starlette") && !scan.module.importsAny("fastapi")
                    || scan.module.importsAny("ray") && !scan.module.importsAny("fastapi") ? STARLETTE_INPUT : null;
        if (inputs == null) {
            return false;
        }
        PyNode attr = n.field("attribute");
        if (attr == null || !inputs.contains(attr.text())) {
            return true;
        }
        unchecked(n, n, scan, "payload", "return <a 400 response with e.errors()>\n"
                + "# Django: a Form / DRF serializer with is_valid(); aiohttp: check request.content_length first");
        return true;
    }

    /** Tornado's {@code self.request.body} / {@code .arguments} / {@code .files}. */
    private static boolean tornadoInput(PyNode n, PyNode obj) {
        PyNode attr = n.field("attribute");
        if (attr == null) {
            return false;
        }
        return obj.text().equals("self.request") && TORNADO_INPUT.contains(attr.text());
    }

    private static final Set<String> TORNADO_INPUT = Set.of("body", "arguments", "body_arguments", "query_arguments",
            "files");

    private static boolean validated(PyNode handler) {
        return validated(handler, null);
    }

    /**
     * As {@link #validated(PyNode)}; with a parameter's name, an {@code isinstance} counts only when it checks that
     * parameter ({@code isinstance(values, list)} on the model's output checks nothing the client sent).
     */
    private static boolean validated(PyNode handler, PyNode param) {
        String text = withoutParseErrors(handler);
        if (param != null) {
            for (PyNode c : handler.descendants("call", true)) {
                PyNode first = Syntax.positional(c, 0);
                if (Syntax.calleeName(c).equals("isinstance") && first != null
                        && !first.text().startsWith(param.text())) {
                    text = text.replace(c.text(), "");
                }
            }
        }
        return checks(handler, text);
    }

    /** Whether {@code text} (the handler's, trimmed by the caller) or the handler's decorators check the input. */
    private static boolean checks(PyNode handler, String text) {
        return VALIDATES.matcher(text).find()
                || Syntax.decorators(handler).stream().anyMatch(d -> VALIDATING_DECORATOR.matcher(d.text()).find());
    }

    /**
     * The handler's text without the except clauses that only answer a failed extraction: {@code except
     * JSONDecodeError: → 400} (a body that is not JSON at all), or any except of a try that does nothing but pull the
     * input out ({@code texts = request.get_json()["texts"]}). Answering 400 when a key is missing checks none of the
     * type, size or bounds of what is there.
     */
    private static String withoutParseErrors(PyNode handler) {
        String text = withoutMediaTypeChecks(handler);
        boolean decodes = text.contains("JSONDecodeError") || text.contains("json.decoder");
        if (!decodes && !text.contains("try")) {
            return text;
        }
        for (PyNode t : handler.descendants("try_statement", true)) {
            boolean extracts = onlyExtracts(t.field("body"));
            boolean works = doesWork(t.field("body"));
            for (PyNode c : t.named()) {
                if (!c.is("except_clause")) {
                    continue;
                }
                String head = c.text().lines().findFirst().orElse("");
                // a catch-all (bare, Exception) around the model's work answers 400 to anything that failed, the
                // model's own crash too: it reports bad input after the fact and checks none (around int(x) alone
                // it is the type check)
                if (extracts || head.contains("JSONDecodeError") || head.contains("json.decoder")
                        || works && CATCH_ALL.matcher(head).matches()) {
                    text = text.replace(c.text(), "");
                }
            }
        }
        return text;
    }

    /**
     * The handler's text without the guards that only check a JSON request's media type and leave ({@code if
     * request.content_type != "application/json": return …, 415}, no else): the declared type says nothing of the
     * fields inside.
     * An upload handler's media-type check stays: there the type is what is checked.
     */
    private static String withoutMediaTypeChecks(PyNode handler) {
        String text = handler.text();
        if (!text.contains("json") || !text.contains("if")) {
            return text;
        }
        for (PyNode branch : handler.descendants("if_statement", true)) {
            PyNode cond = branch.field("condition");
            PyNode body = branch.field("consequence");
            PyNode only = body != null && body.named().size() == 1 ? body.named().get(0) : null;
            boolean rejects = only != null && (only.is("return_statement") || only.is("raise_statement")
                    || only.is("expression_statement") && only.named().size() == 1 && only.named().get(0).is("call"));
            boolean guardOnly = rejects
                    && branch.named().stream().noneMatch(c -> c.is("elif_clause") || c.is("else_clause"));
            if (guardOnly && cond != null && MEDIA_TYPE_TEST.matcher(cond.text()).find() && !cond.text().contains("file")) {
                text = text.replace(branch.text(), "");
            }
        }
        return text;
    }

    private static final Pattern MEDIA_TYPE_TEST = Pattern.compile("\\b(content_type|mimetype|is_json)\\b");

    private static final Pattern CATCH_ALL = Pattern.compile(
            "\\s*except\\s*(\\(?\\s*(Exception|BaseException)\\s*\\)?)?(\\s+as\\s+\\w+)?\\s*:.*");

    /** The try body calls something besides reading and converting the input (the model, a helper, a client). */
    private static boolean doesWork(PyNode body) {
        if (body == null) {
            return false;
        }
        for (PyNode c : body.descendants("call", true)) {
            if (!CONVERSIONS.contains(Syntax.calleeName(c)) && !EXTRACTS.contains(Syntax.calleeName(c))) {
                return true;
            }
        }
        return false;
    }

    private static final Set<String> CONVERSIONS = Set.of("int", "float", "str", "bool", "len", "strip", "lower",
            "upper", "split", "list", "dict", "tuple", "isinstance", "Decimal", "read", "encode", "keys", "items",
            // array and frame constructors shape the input; log lines record it: neither is the model's work
            "asarray", "array", "reshape", "astype", "DataFrame", "Series", "tensor", "from_numpy", "float32",
            "debug", "info", "warning", "warn", "error", "exception", "log", "b64decode", "fromisoformat");

    /** A try body of nothing but assignments that read the input: {@code body = request.get_json()["texts"]}. */
    private static boolean onlyExtracts(PyNode body) {
        if (body == null || body.named().isEmpty()) {
            return false;
        }
        for (PyNode statement : body.named()) {
            PyNode a = statement.is("expression_statement") && statement.named().size() == 1 ? statement.named().get(0)
                    : null;
            if (a == null || !a.is("assignment") || !extraction(a.field("right"))) {
                return false;
            }
        }
        return true;
    }

    /** Reading, not checking: names, attributes, subscripts and the request's own accessors, nothing converted. */
    private static boolean extraction(PyNode e) {
        if (e == null) {
            return false;
        }
        return switch (e.type) {
            case "identifier", "string" -> true;
            case "attribute" -> extraction(e.field("object"));
            case "subscript" -> extraction(e.field("value"));
            case "await" -> e.named().size() == 1 && extraction(e.named().get(0));
            case "call" -> {
                PyNode fn = e.field("function");
                String name = Syntax.calleeName(e);
                if (!EXTRACTS.contains(name) || fn == null) {
                    yield false;
                }
                PyNode first = Syntax.positional(e, 0);
                yield fn.is("attribute") && (name.equals("loads") ? first != null && extraction(first)
                        : extraction(fn.field("object")));
            }
            default -> false;
        };
    }

    /** The handler reads the raw body of its {@code Request} parameter: {@code await request.json()}, not a client's. */
    private static boolean readsBody(PyNode def, PyNode param) {
        PyNode name = Syntax.parameterName(param);
        if (name == null) {
            return false;
        }
        for (PyNode c : def.descendants("call", true)) {
            PyNode recv = Syntax.receiver(c);
            if (recv != null && recv.text().equals(name.text()) && Set.of("json", "body", "form").contains(Syntax.calleeName(c))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A parameter the framework cannot validate: typed {@code dict}/{@code Any}/{@code Json}, or a FastAPI
     * {@code Request} whose body the handler reads ({@code t}: the type without spaces). A Starlette or Ray Serve
     * handler's request is judged where its body is read (requestParameter).
     */
    static boolean rawBody(PyNode def, PyNode p, String t, PyModule m) {
        return t.equals("dict") || t.startsWith("dict[") || t.startsWith("Dict") || t.equals("Any") || t.equals("Json")
                || t.equals("Request") && m.importsAny("fastapi") && readsBody(def, p);
    }

    /**
     * Whether PY-INPUT-002 takes this handler's input (a raw body parameter, or an upload read whole unchecked): the
     * other input rules then leave the handler to it, since the fix (a model) covers both.
     */
    static boolean bodyReported(PyNode def, PyNode params, PyModule m) {
        for (PyNode p : params.named()) {
            PyNode type = p.field("type");
            String t = type == null ? "" : type.text().replaceAll("\\s", "");
            if (rawBody(def, p, t, m) || wholeUpload(def, t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An {@code UploadFile} parameter read whole ({@code await file.read()}) or copied whole to disk
     * ({@code shutil.copyfileobj(file.file, out)}) by a handler that checks neither size nor type.
     */
    private static boolean wholeUpload(PyNode def, String type) {
        PyNode params = def.field("parameters");
        // the body's checks, not the signature's: a `lang: str = Form("eng")` beside the file checks nothing of it
        String text = params == null ? withoutParseErrors(def) : withoutParseErrors(def).replace(params.text(), "");
        return type.contains("UploadFile") && (text.contains(".read(") || text.contains("copyfileobj("))
                && !checks(def, text);
    }

    /** FastAPI handlers taking a raw dict/Any/Request body instead of a model. */
    private void fastApi(PyNode def, Scan scan) {
        PyNode raw = ShapedHandlers.rawInput(scan.module, def);
        if (raw != null) {
            rawBody(def, raw, scan);
            return;
        }
        // BentoML and Litestar validate typed parameters as FastAPI does: a dict or Any parameter escapes it
        if (!scan.module.handlers.contains(def) || !scan.module.importsAny("fastapi", "starlette", "bentoml", "litestar")) {
            return;
        }
        PyNode params = def.field("parameters");
        if (params == null) {
            return;
        }
        PyNode bad = null;
        for (PyNode p : params.named()) {
            PyNode type = p.field("type");
            if (type == null) {
                continue;
            }
            String t = type.text().replaceAll("\\s", "");
            if (wholeUpload(def, t)) {
                scan.emit("PY-INPUT-002", Category.NO_INPUT_VALIDATION, Severity.P2, p,
                        "`" + Syntax.functionName(def) + "` reads the uploaded `" + p.text() + "` whole with no size "
                                + "or type check: one multi-gigabyte or non-image upload fills the worker's memory or "
                                + "fails deep in the model code as a 500 instead of a 413/415 at the edge.",
                        "MAX_BYTES = 10 * 1024 * 1024\n"
                                + "if file.content_type not in {\"image/jpeg\", \"image/png\"}:\n"
                                + "    raise HTTPException(415, \"unsupported type\")\n"
                                + "data = await file.read(MAX_BYTES + 1)\n"
                                + "if len(data) > MAX_BYTES:\n    raise HTTPException(413, \"file too large\")");
                return;
            }
            if (rawBody(def, p, t, scan.module)) {
                bad = p;
                break;
            }
        }
        if (bad == null || validated(def, Syntax.parameterName(bad))) {
            return; // (typed parameters that size the work: UnboundedCountRules)
        }
        scan.emit("PY-INPUT-002", Category.NO_INPUT_VALIDATION, Severity.P2, bad,
                "`" + Syntax.functionName(def) + "` takes `" + bad.text() + "`: the framework can only validate what is "
                        + "typed, so any JSON shape or size reaches the handler, and bad input surfaces as a 500 deep "
                        + "in the model code instead of a 422 at the edge.",
                "class PredictIn(BaseModel):\n    features: list[float] = Field(min_length=1, max_length=512)\n\n"
                        + "async def " + Syntax.functionName(def) + "(body: PredictIn): ...");
    }

    /** An entry script's raw body ({@code run(raw_data)}): reported at its first use when nothing checks it. */
    private static void rawBody(PyNode def, PyNode param, Scan scan) {
        PyNode name = param.is("identifier") ? param : Syntax.parameterName(param);
        PyNode body = def.field("body");
        if (name == null || body == null || validated(def, name)) {
            return;
        }
        PyNode use = null;
        for (PyNode id : body.descendants("identifier", true)) {
            if (id.text().equals(name.text())) {
                use = id;
                break;
            }
        }
        if (use == null) {
            return;
        }
        PyNode at = use.parent != null && use.parent.is("argument_list") && use.parent.parent != null ? use.parent.parent
                : use;
        scan.emit("PY-INPUT-002", Category.NO_INPUT_VALIDATION, Severity.P2, at,
                "`" + Syntax.functionName(def) + "` receives the client's raw body as `" + name.text() + "` and uses it "
                        + "with no schema, type or size check: a missing field or a 100 MB batch reaches the model "
                        + "as-is, and the client gets a 500 with a traceback instead of a 400.",
                "class ScoreIn(pydantic.BaseModel):\n    texts: list[constr(max_length=2000)] = Field(max_length=64)\n"
                        + "body = ScoreIn.model_validate_json(" + name.text() + ")  # 400 on ValidationError");
    }
}
