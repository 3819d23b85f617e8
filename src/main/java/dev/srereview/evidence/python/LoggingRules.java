package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** logging-without-context and print-instead-of-logging. */
final class LoggingRules implements NodeRule {
    private static final Set<String> LEVELS = Set.of("error", "warning", "warn", "critical", "fatal");
    private static final Set<String> ERROR_LEVELS = Set.of("error", "critical", "fatal");
    private static final Pattern LOGGER_NAME = Pattern.compile("(?i)(^|\\.)_?(log|logger|logging|\\w+_logger|\\w+_log|log_\\w+)$");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call");
    }

    @Override
    public void check(PyNode call, Scan scan) {
        if (scan.role() == FileRole.TEST) {
            return;
        }
        PyNode fn = call.field("function");
        if (fn == null) {
            return;
        }
        if (fn.is("identifier") && fn.text().equals("print") && !scan.module.imports.containsKey("print")) {
            print(call, scan);
            return;
        }
        if (fn.is("attribute") && LEVELS.contains(Syntax.calleeName(call))) {
            constantError(call, scan);
        }
    }

    private void print(PyNode call, Scan scan) {
        if (!scan.role().production() || scan.module.inMainGuard(call)
                || scan.role() != FileRole.SERVICE && forTheOperator(call)) {
            return;
        }
        if (scan.module.importsAny("cog")) {
            return; // a Cog predictor's stdout is recorded as each prediction's logs: print is how Cog logs
        }

        PyNode def = Syntax.enclosingFunction(call);
        boolean cliMain = def != null && Syntax.functionName(def).equals("main");
        // A main() is a command line's, unless its module runs a worker loop; other production code is service code
        // when a service imports it or it runs a worker loop: both known at the end
        // A program that sets up logging and then prints has chosen its log already: the prints bypass it (a
        // scheduled job's progress lines, with no level or timestamp, in the same stream)
        boolean hasLogger = !OPERATOR_TOOL.matcher(scan.module.path).find()
                && scan.module.importsAny("logging", "loguru", "structlog")
                && (scan.module.sourceContains("getLogger(") || scan.module.sourceContains("basicConfig(")
                    || scan.module.sourceContains("get_logger(") || scan.module.sourceContains("import logger"));
        RepoCondition condition = hasLogger ? null : cliMain ? RepoCondition.WORKER_CODE
                : scan.role() == FileRole.SERVICE ? null : RepoCondition.SERVICE_OR_WORKER_CODE;
        java.util.Set<RepoCondition> conditions = new java.util.HashSet<>();
        if (condition != null) {
            conditions.add(condition);
        } else if (hasLogger && scan.role() != FileRole.SERVICE) {
            conditions.add(RepoCondition.NOT_SKIPPED_BY_SERVICE); // a helper's notebook-only function is not served
        }
        if (scan.module.importsAny("prefect")) {
            // a task's print becomes a log record (level, time, run id) when the flow says log_prints=True
            conditions.add(RepoCondition.PRINTS_NOT_CAPTURED);
        }
        // In a helper module a service imports, a print in a top-level function counts when the service can reach
        // that function: it imports it (or a function of this module that calls it or hands it on) by name, or the
        // whole module
        PyNode top = conditions.contains(RepoCondition.SERVICE_OR_WORKER_CODE)
                || conditions.contains(RepoCondition.NOT_SKIPPED_BY_SERVICE) ? Syntax.topLevelFunction(call) : null;
        scan.emitIf(conditions, top == null ? java.util.Set.of() : scan.referencing(Syntax.functionName(top)),
                "PY-PRINT-001", Category.PRINT_INSTEAD_OF_LOGGING, Severity.P3, call,
                "print() in service code goes to stdout with no level, timestamp or request id: in production it "
                        + "cannot be filtered or alerted on, and under gunicorn/uvicorn it may be buffered and lost "
                        + "when the worker is killed.",
                "import logging\nlogger = logging.getLogger(__name__)\nlogger.info(\"<event> id=%s\", request_id)");
    }

    private static final Pattern OPERATOR_FLAG = Pattern.compile("(?i)^\\w*(\\.\\w+)*\\.?(dry_?run|print_only|list_only)$");

    /**
     * {@code if args.dry_run: print(df.describe()); return 0}: a command line's answer to the person who asked. Only
     * the branch taken when the flag is on (not its {@code else}, not {@code if not args.dry_run}), outside services.
     */
    private static boolean forTheOperator(PyNode call) {
        for (PyNode p = call; p.parent != null && !p.parent.is("function_definition"); p = p.parent) {
            PyNode parent = p.parent;
            PyNode cond = parent.is("if_statement") ? parent.field("condition") : null;
            if (cond != null && parent.field("consequence") == p && OPERATOR_FLAG.matcher(cond.text().strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private void constantError(PyNode call, Scan scan) {
        PyNode clause = call.ancestor("except_clause", "function_definition");
        boolean inExcept = clause != null && clause.is("except_clause");
        boolean error = ERROR_LEVELS.contains(Syntax.calleeName(call));
        if (!inExcept && !(error && (scan.module.requestPath.contains(Syntax.enclosingFunction(call))
                || beforeRaise(call) || failureBranch(call, FAILURE_TEST) || dropsKeptError(call) || afterRetries(call))
                || failureBranch(call, FAILED_STATUS))) {
            // Outside an except clause only an error branch counts ("export failed" after a bad status; a warning
            // too, under a failed status test): a constant warning at start-up says all there is to say.
            return;
        }
        PyNode recv = Syntax.receiver(call);
        String q = scan.module.qualify(recv);
        boolean logger = (q != null && (q.startsWith("logging") || q.startsWith("loguru") || q.startsWith("structlog")))
                || (recv != null && LOGGER_NAME.matcher(recv.text()).find());
        if (!logger) {
            return;
        }
        List<PyNode> pos = Syntax.positional(call);
        if (pos.size() != 1 || !Syntax.isConstant(pos.get(0)) || Syntax.hasListSplat(call) || Syntax.hasKwSplat(call)
                || Syntax.hasKeyword(call, "exc_info") || Syntax.hasKeyword(call, "stack_info")
                || Syntax.hasKeyword(call, "extra")) {
            return;
        }
        // Keyword fields (structlog/loguru style) carry context too.
        PyNode args = call.field("arguments");
        if (args != null && args.named().stream().anyMatch(a -> a.is("keyword_argument"))) {
            return;
        }
        boolean passedOn = inExcept && passesOn(clause);
        if (inExcept && !passedOn && keepsTraceback(clause)) {
            return; // raise X from e, or an exit that prints the error: the chain (or the last words) says what failed
        }
        // A bare `raise` keeps the traceback for whoever catches it, but this line still names nothing: a P3
        Severity sev = passedOn ? Severity.P3 : scan.byRole(Severity.P2);
        scan.emit("PY-LOG-001", Category.LOGGING_WITHOUT_CONTEXT, sev, call,
                "This error is logged with a constant message and no " + (inExcept && !passedOn ? "exception or " : "")
                        + "identifiers: when it fires at 3am on-call sees `" + pos.get(0).text() + "` and nothing "
                        + "else — not which request, not which input, "
                        + (passedOn ? "and the traceback re-raised here surfaces somewhere else, if at all."
                                : inExcept ? "not the traceback." : "not the status or output that went wrong."),
                "logger.exception(\"<what failed> (request_id=%s, model=%s)\", request_id, model_version)\n"
                        + "# or: logger.error(\"...\", exc_info=True)");
    }

    private static final Set<String> RAISING = Set.of("raise_for_status", "abort");
    /** An operator's command-line tool talks to the person at the terminal: print is its interface. */
    private static final Pattern OPERATOR_TOOL = Pattern.compile(
            "(^|/)(scripts?|tools|bin|cli)/|(^|/)(cli|manage)\\.py$|(^|/)management/commands/");

    /**
     * {@code if proc.returncode != 0: log.error("s3 backup failed")}, {@code if msg.error(): log.error("kafka error")}:
     * the branch knows what failed (the code, the stderr, the error) and the line throws it away.
     */
    private static boolean failureBranch(PyNode call, Pattern test) {
        PyNode stmt = call.parent;
        PyNode block = stmt == null ? null : stmt.parent;
        PyNode branch = block == null ? null : block.parent;
        if (branch == null || !block.is("block") || !branch.is("if_statement") || branch.field("consequence") != block) {
            return false;
        }
        PyNode cond = branch.field("condition");
        return cond != null && test.matcher(cond.text()).find();
    }

    /** A branch an error log may sit in: the test names a code, a status or an error (its direction aside). */
    private static final Pattern FAILURE_TEST = Pattern.compile(
            "\\breturncode\\b|\\bstatus_code\\b|\\bexit_?code\\b|\\.ok\\b|\\.error\\(\\)|\\.failed\\b|\\berr\\b");
    /**
     * A branch a warning counts in: the test says the call failed ({@code status != 200}, {@code >= 500},
     * {@code not resp.ok}, {@code returncode != 0}); a warning under {@code == 404} or {@code if r.ok} is a message.
     */
    private static final Pattern FAILED_STATUS = Pattern.compile(
            "\\b(status|status_code|code)\\s*(!=\\s*2\\d\\d|>=\\s*[45]\\d\\d|>\\s*[34]\\d\\d)|\\bnot\\s+[\\w.]+\\.ok\\b"
                    + "|\\b(returncode|exit_?code)\\s*!=\\s*0\\b");

    /**
     * The function kept the error for later ({@code except httpx.HTTPError as e: last_err = e} in a retry loop) and
     * this line, after the loop, logs a constant without it: the one record of why every attempt failed is dropped.
     */
    private static boolean dropsKeptError(PyNode call) {
        PyNode def = Syntax.enclosingFunction(call);
        if (def == null || !def.text().contains(" as ")) {
            return false;
        }
        for (PyNode clause : def.descendants("except_clause", true)) {
            if (call.startByte < clause.endByte) {
                continue;
            }
            java.util.regex.Matcher as = ExceptRules.AS_NAME.matcher(clause.text().lines().findFirst().orElse(""));
            if (!as.find()) {
                continue;
            }
            if (clause.text().contains("log") || clause.text().contains("exc_info")) {
                continue; // each failure was logged where it happened: the final line only sums up
            }
            for (PyNode a : clause.descendants("assignment", true)) {
                PyNode left = a.field("left");
                PyNode right = a.field("right");
                if (left != null && right != null && right.is("identifier") && right.text().equals(as.group(1))
                        && left.is("identifier") && !def.text().contains("raise " + left.text())) {
                    return true; // the kept name is not in the call (one constant argument), nor raised later
                }
            }
        }
        return false;
    }

    /**
     * {@code for attempt in range(5): try: ...; return True / except X: log.warning("failed (attempt %d)", n)} and
     * then {@code log.error("could not write the summary")}: the line reached only when every attempt failed, and
     * no attempt kept its exception (a loop whose except logs the traceback has said what failed).
     */
    private static boolean afterRetries(PyNode call) {
        PyNode stmt = call.parent;
        if (stmt == null || !stmt.is("expression_statement") || stmt.parent == null) {
            return false;
        }
        List<PyNode> siblings = stmt.parent.named();
        int at = siblings.indexOf(stmt);
        PyNode loop = at > 0 ? siblings.get(at - 1) : null;
        PyNode elseClause = stmt.parent.parent;
        if (elseClause != null && elseClause.is("else_clause") && elseClause.parent != null
                && (elseClause.parent.is("for_statement") || elseClause.parent.is("while_statement"))) {
            loop = elseClause.parent; // for attempt in ...: ... break / else: log.error("gave up")
        }
        if (loop == null || !loop.is("for_statement") && !loop.is("while_statement")) {
            return false;
        }
        List<PyNode> clauses = loop.descendants("except_clause", true);
        boolean leaves = !loop.descendants("return_statement", true).isEmpty()
                || !loop.descendants("break_statement", true).isEmpty();
        if (clauses.isEmpty() || !leaves) {
            return false;
        }
        for (PyNode clause : clauses) {
            String text = clause.text();
            if (text.contains(".exception(") || text.contains("exc_info") || text.contains("raise")
                    || ExceptRules.AS_NAME.matcher(text.lines().findFirst().orElse("")).find()) {
                return false; // the attempt's error is kept, logged or passed on
            }
        }
        return true;
    }

    /** {@code log.error("bad input"); raise ValueError(...)}: the log line is the failure's only record here. */
    private static boolean beforeRaise(PyNode call) {
        PyNode stmt = call.parent;
        if (stmt == null || !stmt.is("expression_statement") || stmt.parent == null) {
            return false;
        }
        List<PyNode> siblings = stmt.parent.named();
        int i = siblings.indexOf(stmt);
        if (i < 0 || i + 1 >= siblings.size()) {
            return false;
        }
        PyNode next = siblings.get(i + 1);
        // resp.raise_for_status() / abort(500) raise too
        return next.is("raise_statement") || next.is("expression_statement") && next.named().size() == 1
                && next.named().get(0).is("call") && RAISING.contains(Syntax.calleeName(next.named().get(0)));
    }

    /** The clause re-raises the exception it caught as it is ({@code raise}, {@code raise e}). */
    private static boolean passesOn(PyNode clause) {
        PyNode block = clause.firstNamed("block");
        if (block == null) {
            return false;
        }
        PyNode alias = null;
        for (PyNode c : clause.named()) {
            if (c.is("as_pattern")) {
                alias = c.field("alias");
            }
        }
        for (PyNode r : block.descendants("raise_statement", true)) {
            List<PyNode> named = r.named();
            if (named.isEmpty() || alias != null && r.field("cause") == null && named.get(0).text().equals(alias.text())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The clause hands the exception on with its traceback: a bare {@code raise}, {@code raise X from e}, {@code raise e},
     * or an exit. {@code raise HTTPException(500)} does not: the framework answers 500 and the original error is gone.
     */
    private static boolean keepsTraceback(PyNode clause) {
        PyNode block = clause.firstNamed("block");
        if (block == null) {
            return false;
        }
        PyNode alias = null;
        for (PyNode c : clause.named()) {
            if (c.is("as_pattern")) {
                alias = c.field("alias");
            }
        }
        for (PyNode r : block.descendants("raise_statement", true)) {
            List<PyNode> named = r.named();
            if (named.isEmpty() || r.field("cause") != null
                    || (alias != null && named.get(0).text().equals(alias.text()))) {
                return true;
            }
        }
        // an exit ends the process; it says what failed only if something in the block printed the error:
        // sys.exit(f"failed: {e}"), print(e, file=sys.stderr), traceback.print_exc() (not e.errno, not sys.exit(1))
        List<PyNode> calls = block.descendants("call", true);
        boolean exits = calls.stream().anyMatch(c -> Syntax.calleeName(c).equals("exit") || Syntax.calleeName(c).equals("_exit"));
        if (!exits) {
            return false;
        }
        String name = alias == null ? null : alias.text();
        return calls.stream().anyMatch(c -> {
            String n = Syntax.calleeName(c);
            if (n.equals("print_exc") || n.equals("format_exc") || n.equals("print_exception")) {
                return true;
            }
            PyNode args = c.field("arguments");
            return name != null && args != null && args.descendants("identifier", false).stream()
                    .anyMatch(i -> i.text().equals(name) && !(i.parent != null && i.parent.is("attribute")
                            && i.parent.field("object") == i));
        });
    }
}
