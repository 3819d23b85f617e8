package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** bare-except and broad-except-swallowed: handlers that hide failures from the people on call. */
final class ExceptRules implements NodeRule {
    @Override
    public Set<String> nodeTypes() {
        return Set.of("except_clause");
    }

    @Override
    public void check(PyNode clause, Scan scan) {
        if (scan.role() == FileRole.TEST) {
            return;
        }
        PyNode block = clause.firstNamed("block");
        List<PyNode> types = caught(clause);
        if (types.isEmpty()) {
            if (reraisesAsIs(block)) {
                // Cleanup then a bare `raise` loses nothing, but the clause still reads as "catch everything":
                // reported at the lowest severity so the category stays literal (review-contract.md section 4).
                scan.emit("PY-EXCEPT-001", Category.BARE_EXCEPT, Severity.P3, clause,
                        "This bare `except:` re-raises, so no error is lost, but it also runs its cleanup for "
                                + "SystemExit and KeyboardInterrupt and hides which errors the code expects; "
                                + "linters (flake8 E722, pylint W0702) will keep flagging it.",
                        "except BaseException:  # explicit: clean up for every exit, then re-raise\n"
                                + "    session.rollback()\n    raise\n"
                                + "# or: try/finally, or a context manager that rolls back for you");
                return;
            }
            scan.emit("PY-EXCEPT-001", Category.BARE_EXCEPT, scan.byRole(Severity.P2), clause,
                    "A bare `except:` also catches SystemExit and KeyboardInterrupt: when the orchestrator stops this "
                            + "process the shutdown is swallowed, and every real error here (bad input, dead dependency, "
                            + "bug) is handled the same way, so on-call never sees which one happened.",
                    "except Exception as exc:  # name the errors you expect, e.g. (ValueError, requests.RequestException)\n"
                            + "    logger.exception(\"<what failed> (id=%s)\", request_id)\n    raise");
            return;
        }
        boolean broad = types.stream().map(t -> {
            String s = t.text();
            return s.substring(s.lastIndexOf('.') + 1);
        }).anyMatch(s -> s.equals("Exception") || s.equals("BaseException"));
        boolean answered = broad && !swallowed(block) && answersWithoutTrace(clause, block, scan);
        if (broad && (swallowed(block) || answered)) {
            scan.emit("PY-EXCEPT-002", Category.BROAD_EXCEPT_SWALLOWED, scan.byRole(Severity.P2), clause,
                    "`" + clause.text().lines().findFirst().orElse("").strip() + "` throws the error away: when this "
                            + "fails in production nothing is logged or counted, "
                            + (answered ? "the client gets an error answer and on-call gets nothing: no traceback, "
                                    + "no count, no way to tell a bug from a dead dependency."
                                    : "the caller gets a silent default, and users see wrong results with no trace for "
                                    + "on-call to follow."),
                    "except Exception:\n    logger.exception(\"<what failed> (id=%s)\", item_id)  # keeps the traceback\n"
                            + "    errors_total.inc()  # or re-raise if the caller must know\n    raise");
        }
    }

    /** The exception type expressions of a clause (empty for bare except). */
    static List<PyNode> caught(PyNode clause) {
        List<PyNode> out = new ArrayList<>();
        for (PyNode c : clause.named()) {
            if (c.is("block")) {
                continue;
            }
            PyNode e = c;
            if (e.is("as_pattern")) {
                List<PyNode> n = e.named();
                e = n.isEmpty() ? e : n.get(0);
            }
            if (e.is("tuple") || e.is("parenthesized_expression")) {
                out.addAll(e.named());
            } else {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The block ends in a bare {@code raise}: the caught exception, whatever it is, goes on unchanged. A new
     * exception, {@code abort(400)} or {@code sys.exit} turns a SIGTERM or Ctrl-C into something else, so those
     * are not exempt.
     */
    static boolean reraisesAsIs(PyNode block) {
        List<PyNode> stmts = block == null ? List.of() : Syntax.statements(block);
        if (stmts.isEmpty()) {
            return false;
        }
        PyNode last = stmts.get(stmts.size() - 1);
        return last.is("raise_statement") && last.named().isEmpty();
    }

    /** The body only passes, continues, breaks, prints, bumps a counter or returns nothing. */
    static boolean swallowed(PyNode block) {
        List<PyNode> stmts = Syntax.statements(block);
        if (stmts.isEmpty()) {
            return false;
        }
        for (PyNode s : stmts) {
            boolean quiet = switch (s.type) {
                case "pass_statement", "continue_statement", "break_statement" -> true;
                // a fixed default ({"answer": None}, [], False) hands the caller a silent fallback with no trace
                case "return_statement" -> s.named().isEmpty() || constantValue(s.named().get(0));
                case "expression_statement" -> {
                    PyNode e = s.named().isEmpty() ? null : s.named().get(0);
                    // a local tally (failed += 1) says that something failed, never what: the error itself is gone
                    yield e != null && (e.is("ellipsis") || e.is("string")
                            || (e.is("call") && Syntax.calleeName(e).equals("print")
                                && e.field("function").is("identifier"))
                            || e.is("augmented_assignment") && e.field("right") != null
                                && e.field("right").is("integer") && e.field("left") != null
                                && e.field("left").is("identifier"));
                }
                default -> false;
            };
            if (!quiet) {
                return false;
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern TRACE = java.util.regex.Pattern.compile(
            "(?i)\\blog|raise|capture_exception|traceback|sentry|\\.inc\\(|exc_info|warn");
    /** Whole words of the handler's name: readiness, not "already"; ping, not "shipping". */
    private static final java.util.regex.Pattern HEALTH = java.util.regex.Pattern.compile(
            "(?i)(^|_)(health|healthz|ready|readyz|readiness|live|livez|liveness|status|ping)(_|$)");

    /**
     * A request handler that turns any exception into an answer ({@code return JsonResponse({"error": str(e)},
     * status=500)}) and logs nothing: the client sees the failure, on-call never does. A health check that answers
     * "not ready" is its job, not a swallowed error.
     */
    private static boolean answersWithoutTrace(PyNode clause, PyNode block, Scan scan) {
        PyNode handler = scan.module.enclosingHandler(clause);
        if (handler == null || HEALTH.matcher(Syntax.functionName(handler)).find() || block == null) {
            return false;
        }
        if (block.descendants("return_statement", true).isEmpty() || TRACE.matcher(block.text()).find()) {
            return false;
        }
        // Telling the user what went wrong with their own input ("Could not load image from URL: {exc}") is an
        // answer, not a hidden failure; a 5xx that carries it is a server fault on-call never hears of
        java.util.regex.Matcher as = AS_NAME.matcher(clause.text().lines().findFirst().orElse(""));
        boolean serverError = SERVER_ERROR.matcher(block.text()).find();
        // a 4xx says "your input", and a Gradio/Streamlit UI shows the message to the person who typed the URL; a
        // JSON {"error": str(e)} with a 200 is the swallowed error monitoring reads as success
        boolean userFacing = CLIENT_ERROR.matcher(block.text()).find() || scan.module.importsAny("gradio", "streamlit");
        if (!serverError && userFacing && as.find()) {
            String name = as.group(1);
            for (PyNode r : block.descendants("return_statement", true)) {
                for (PyNode id : r.descendants("identifier", true)) {
                    if (id.text().equals(name)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static final java.util.regex.Pattern CLIENT_ERROR = java.util.regex.Pattern.compile(
            "\\b4\\d\\d\\b|HTTP_4\\d\\d|BAD_REQUEST|UNPROCESSABLE|BadRequest");
    /** The name an except clause binds: {@code except X as e:}. */
    static final java.util.regex.Pattern AS_NAME = java.util.regex.Pattern.compile("\\bas\\s+(\\w+)\\s*:");
    /** A 5xx status in the answer: status=500, HTTP_503_…, INTERNAL_SERVER_ERROR, abort(500). */
    private static final java.util.regex.Pattern SERVER_ERROR = java.util.regex.Pattern.compile(
            "\\b5\\d\\d\\b|HTTP_5\\d\\d|INTERNAL_SERVER_ERROR|SERVICE_UNAVAILABLE|BAD_GATEWAY");

    /** None, a number, a string, a boolean, or a dict/list/tuple of only those: nothing about the error. */
    private static boolean constantValue(PyNode v) {
        return switch (v.type) {
            case "none", "true", "false", "integer", "float", "string" -> !Syntax.isInterpolated(v);
            case "dictionary", "list", "tuple", "set" -> v.named().stream().allMatch(ExceptRules::constantValue);
            case "pair" -> v.field("value") != null && constantValue(v.field("value"));
            case "unary_operator" -> v.named().stream().allMatch(ExceptRules::constantValue); // -1, not -score
            default -> false;
        };
    }
}
