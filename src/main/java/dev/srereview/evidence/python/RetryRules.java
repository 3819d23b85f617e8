package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** retry-without-backoff: retry loops and retry decorators that hammer a failing dependency with no delay. */
final class RetryRules implements NodeRule {
    static final Pattern DELAY = Pattern.compile("(?i)sleep|backoff|wait|delay|jitter");
    static final Pattern RETRY_WORDS = Pattern.compile("(?i)attempt|retr(y|ies|ied)|tries|\\btry_?\\w*count");
    private static final Pattern REMOTE_MODULES = Pattern.compile(
            "^(requests|httpx|urllib|urllib3|http\\.client|socket|boto3|botocore|redis|psycopg2?|pymongo|aiohttp|"
                    + "grpc|openai|anthropic|kafka|pika|sqlalchemy|smtplib)\\b");
    private static final Set<String> REMOTE_CALLS = Set.of("connect", "urlopen", "create_connection");
    /** Objects named for a connection to another system: client.post, self.session.get, producer.produce. */
    private static final Pattern REMOTE_OBJECT = Pattern.compile(
            "(?i)(client|session|http|api|producer|publisher|channel|stub|conn|connection)$");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("for_statement", "while_statement", "decorator", "call");
    }

    @Override
    public void check(PyNode n, Scan scan) {
        if (scan.role() == FileRole.TEST) {
            return;
        }
        switch (n.type) {
            case "decorator" -> tenacity(n, scan);
            case "call" -> {
                urllib3(n, scan);
                celeryRetry(n, scan);
            }
            default -> loop(n, scan);
        }
    }

    private void loop(PyNode loop, Scan scan) {
        if (loop.is("for_statement")) {
            PyNode right = loop.field("right");
            if (right == null || !right.is("call") || !Syntax.calleeName(right).equals("range")) {
                return; // iterating over items or mirrors is a fallback, not a retry
            }
        }
        PyNode body = loop.field("body");
        if (body == null) {
            return;
        }
        PyNode retryTry = null;
        for (PyNode t : ownDescendants(body, "try_statement")) {
            PyNode tryBody = t.field("body");
            boolean exitsOnSuccess = tryBody != null && (!ownDescendants(tryBody, "break_statement").isEmpty()
                    || !tryBody.descendants("return_statement", true).isEmpty() || exitsAfter(body, t));
            boolean handlerContinues = false;
            for (PyNode clause : t.named()) {
                if (clause.is("except_clause") && !exitsUnconditionally(clause.firstNamed("block"))) {
                    handlerContinues = true;
                }
            }
            if (exitsOnSuccess && handlerContinues) {
                retryTry = t;
                break;
            }
        }
        if (retryTry == null ? !AnswerRetries.retries(loop, body, scan)
                : !looksLikeRetry(loop, retryTry, scan)) {
            return;
        }
        PyNode fixedSleep = null;
        for (PyNode c : body.descendants("call", true)) {
            if (retryTry != null && kafkaDrain(c, retryTry)) {
                return; // the producer's queue is full: poll(0.5) waits while librdkafka drains it
            }
            if (DELAY.matcher(Syntax.calleeName(c)).find()) {
                if (Syntax.calleeName(c).equals("sleep") && constantDelay(c, body)) {
                    fixedSleep = c; // a delay, but the same one every time: see below
                    continue;
                }
                return;
            }
        }
        if (fixedSleep != null && startupWait(loop)) {
            return; // polling for a dependency to come up, once, at start: a fixed interval is what it should be
        }
        if (fixedSleep != null) {
            scan.emit("PY-RETRY-005", Category.RETRY_WITHOUT_BACKOFF, scan.byRole(Severity.P3), loop,
                    "This retry loop waits the same " + Syntax.positional(fixedSleep, 0).text() + " s after every "
                            + "failure, with no backoff or jitter: every caller retries in lockstep while the dependency "
                            + "is down, and a long outage gets the same pressure as a blip"
                            + (loop.is("while_statement") ? ", for as long as it lasts." : "."),
                    "time.sleep(min(30, 0.5 * 2 ** attempt) + random.uniform(0, 0.5))  # capped exponential + jitter\n"
                            + "# or: @retry(wait=wait_exponential_jitter(max=30), stop=stop_after_attempt(5))  (tenacity)");
            return;
        }
        scan.emit("PY-RETRY-001", Category.RETRY_WITHOUT_BACKOFF, scan.byRole(Severity.P2), loop,
                "This retry loop tries again immediately after a failure: when the dependency is overloaded or "
                        + "down, every caller multiplies its traffic in a tight loop (a retry storm), which keeps it "
                        + "down longer and burns this service's CPU and quota meanwhile.",
                "for attempt in range(5):\n    try:\n        return call()\n    except TransientError:\n"
                        + "        time.sleep(min(30, 0.5 * 2 ** attempt) + random.uniform(0, 0.5))  # capped exponential + jitter\n"
                        + "raise RuntimeError(\"gave up after 5 attempts\")\n"
                        + "# or: @retry(wait=wait_exponential_jitter(max=30), stop=stop_after_attempt(5))  (tenacity)");
    }

    /**
     * A call to another system: a client library's function (requests, boto3, redis, …), a connect/urlopen, or a
     * method of an object named for a client, session, producer or connection ({@code producer.produce(...)}).
     */
    static boolean remoteCall(PyNode c, Scan scan) {
        String q = scan.module.callee(c);
        if (REMOTE_MODULES.matcher(q).find() || REMOTE_CALLS.contains(Syntax.calleeName(c))) {
            return true;
        }
        PyNode recv = Syntax.receiver(c);
        return recv != null && REMOTE_OBJECT.matcher(recv.text()).find();
    }

    /**
     * The loop leaves after the try when the call worked: {@code try: resp = post(...) except X: continue} then
     * {@code return resp.json()} further down the same loop body.
     */
    private static boolean exitsAfter(PyNode body, PyNode tryStmt) {
        for (PyNode stmt : Syntax.statements(body)) {
            if (stmt.startByte <= tryStmt.startByte) {
                continue;
            }
            if (stmt.is("return_statement") || stmt.is("break_statement")) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern STARTUP = Pattern.compile("(?i)wait|ready|readiness|startup|boot|warm|until");

    /** A start-up poll: in a function named for waiting ({@code wait_for_db}) or bounded by a deadline. */
    private static boolean startupWait(PyNode loop) {
        PyNode header = loop.is("while_statement") ? loop.field("condition") : loop.field("right");
        String h = header == null ? "" : header.text();
        return STARTUP.matcher(Syntax.functionName(Syntax.enclosingFunction(loop))).find()
                || h.contains("deadline") || h.contains("monotonic") || h.contains("time.time");
    }

    /**
     * confluent-kafka's own recipe for a full local queue: {@code except BufferError: producer.poll(0.5)} (or
     * {@code flush(1)}) blocks up to that long while deliveries drain, then produce is tried again.
     */
    private static boolean kafkaDrain(PyNode call, PyNode retryTry) {
        String name = Syntax.calleeName(call);
        if (!name.equals("poll") && !name.equals("flush")) {
            return false;
        }
        PyNode clause = call.ancestor("except_clause");
        if (clause == null || clause.parent != retryTry || !clause.text().contains("BufferError")) {
            return false; // a flush in the try itself drains nothing before the next attempt
        }
        PyNode timeout = Syntax.positional(call, 0);
        timeout = timeout != null ? timeout : Syntax.keyword(call, "timeout");
        if (timeout == null) {
            return name.equals("flush"); // flush() waits until the queue is empty; poll() returns at once
        }
        return timeout.text().matches("\\d*\\.?\\d+") && Double.parseDouble(timeout.text()) > 0;
    }

    /**
     * {@code time.sleep(2)}, {@code sleep(RETRY_DELAY)}: a number or an upper-case constant, in a loop with no
     * jitter or backoff helper of its own.
     */
    private static boolean constantDelay(PyNode sleep, PyNode loopBody) {
        PyNode arg = Syntax.positional(sleep, 0);
        if (arg == null) {
            return false;
        }
        boolean constant = arg.is("integer") || arg.is("float")
                || arg.is("identifier") && arg.text().equals(arg.text().toUpperCase(java.util.Locale.ROOT));
        if (!constant) {
            return false;
        }
        // a literal or an UPPER_CASE constant cannot grow (attempt += 1 elsewhere in the loop does not change it);
        // only randomness or a backoff helper nearby spreads the retries
        String body = loopBody.text();
        return !(body.contains("random") || body.contains("jitter") || body.contains("backoff"));
    }

    /**
     * A loop that exits on success and swallows failures is only a retry when it says so (attempt/retry/tries in
     * its header or handler) or when what it tries is a remote call; otherwise it is a search or a fallback.
     */
    private static boolean looksLikeRetry(PyNode loop, PyNode tryStmt, Scan scan) {
        PyNode header = loop.is("for_statement") ? loop.field("left") : loop.field("condition");
        StringBuilder signal = new StringBuilder(header == null ? "" : header.text());
        for (PyNode clause : tryStmt.named()) {
            if (clause.is("except_clause")) {
                // identifiers and messages, not comments: "# we attempt to ..." is not a retry
                clause.visit(true, x -> {
                    if (x.is("identifier") || x.is("string_content")) {
                        signal.append(' ').append(x.text());
                    }
                });
            }
        }
        if (RETRY_WORDS.matcher(signal).find()) {
            return true;
        }
        PyNode body = tryStmt.field("body");
        for (PyNode c : body == null ? List.<PyNode>of() : body.descendants("call", true)) {
            if (remoteCall(c, scan)) {
                return true;
            }
        }
        return false;
    }

    /** Descendants of a type that belong to this loop (not nested loops, functions or classes). */
    static List<PyNode> ownDescendants(PyNode body, String type) {
        List<PyNode> out = new java.util.ArrayList<>();
        collect(body, type, out);
        return out;
    }

    private static void collect(PyNode n, String type, List<PyNode> out) {
        for (PyNode c : n.children) {
            if (c.is(type)) {
                out.add(c);
            }
            if (c.is("for_statement") || c.is("while_statement") || c.is("function_definition")
                    || c.is("class_definition")) {
                continue;
            }
            collect(c, type, out);
        }
    }

    private static boolean exitsUnconditionally(PyNode block) {
        List<PyNode> stmts = Syntax.statements(block);
        if (stmts.isEmpty()) {
            return false;
        }
        PyNode last = stmts.get(stmts.size() - 1);
        return last.is("raise_statement") || last.is("return_statement") || last.is("break_statement");
    }

    private void tenacity(PyNode dec, Scan scan) {
        List<PyNode> named = dec.named();
        if (named.isEmpty()) {
            return;
        }
        PyNode e = named.get(0);
        String q = scan.module.qualify(e.is("call") ? e.field("function") : e);
        if (!"tenacity.retry".equals(q)) {
            return;
        }
        if (e.is("call") && (Syntax.hasKeyword(e, "wait") || Syntax.hasKwSplat(e))) {
            return;
        }
        boolean forever = !e.is("call") || !Syntax.hasKeyword(e, "stop");
        scan.emit("PY-RETRY-002", Category.RETRY_WITHOUT_BACKOFF, scan.byRole(forever ? Severity.P1 : Severity.P2), dec,
                "tenacity's @retry with no `wait=` retries immediately" + (forever ? " and forever (no `stop=`)" : "")
                        + ": a failing dependency gets hammered in a tight loop and this worker never gives up.",
                "@retry(wait=wait_exponential_jitter(initial=0.5, max=30), stop=stop_after_attempt(5), reraise=True)");
    }

    private void urllib3(PyNode call, Scan scan) {
        String q = scan.module.callee(call);
        if (!(q.equals("urllib3.util.retry.Retry") || q.equals("urllib3.Retry") || q.equals("urllib3.util.Retry")
                || q.equals("requests.adapters.Retry") || q.equals("requests.packages.urllib3.util.retry.Retry"))) {
            return;
        }
        if (Syntax.hasKeyword(call, "backoff_factor") || Syntax.hasKwSplat(call)) {
            return;
        }
        PyNode total = Syntax.keyword(call, "total");
        if (total == null) {
            total = Syntax.positional(call, 0);
        }
        if (total != null && (total.is("false") || "0".equals(total.text()))) {
            return;
        }
        scan.emit("PY-RETRY-003", Category.RETRY_WITHOUT_BACKOFF, scan.byRole(Severity.P2), call,
                "urllib3 Retry without `backoff_factor` retries back-to-back (the default factor is 0): a struggling "
                        + "upstream receives every request several times within milliseconds.",
                "Retry(total=3, backoff_factor=0.5, status_forcelist=[502, 503, 504], respect_retry_after_header=True)");
    }

    /**
     * A bound Celery task's {@code self.retry(countdown=5)}: every failure comes back after the same few seconds, from
     * every worker at once, for as long as the dependency is down. {@code countdown=2 ** self.request.retries} backs off.
     */
    private void celeryRetry(PyNode call, Scan scan) {
        PyNode recv = Syntax.receiver(call);
        if (recv == null || !recv.text().equals("self") || !Syntax.calleeName(call).equals("retry")
                || !scan.module.importsAny("celery") && !scan.module.sourceContains(".task(")) {
            return;
        }
        PyNode countdown = Syntax.keyword(call, "countdown");
        if (countdown == null || !countdown.is("integer") && !countdown.is("float")) {
            return;
        }
        double seconds;
        try {
            seconds = Double.parseDouble(countdown.text().replace("_", ""));
        } catch (NumberFormatException e) {
            return;
        }
        if (seconds >= 60) {
            return; // a minute or more between tries is a schedule, not hammering
        }
        scan.emit("PY-RETRY-004", Category.RETRY_WITHOUT_BACKOFF, scan.byRole(Severity.P3), call,
                "`" + call.text().replaceAll("\\s+", " ") + "` retries after the same " + countdown.text() + " s every "
                        + "time: while the dependency is down, every worker's tasks come back in lockstep and keep it "
                        + "down, with no backoff or jitter to spread them.",
                "raise self.retry(exc=exc, countdown=min(2 ** self.request.retries * 5, 600) + random.uniform(0, 3))\n"
                        + "# or declare it: @app.task(autoretry_for=(...), retry_backoff=True, retry_jitter=True)");
    }
}
