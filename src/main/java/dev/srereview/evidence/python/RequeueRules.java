package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.Set;
import java.util.regex.Pattern;

/** retry-without-backoff, the queue case (PY-RETRY-006): a worker that retries a failed job by pushing it straight back. */
final class RequeueRules implements NodeRule {
    private static final Set<String> PUSH = Set.of("rpush", "lpush", "xadd", "put", "put_nowait", "publish",
            "basic_publish", "send", "send_message", "produce", "enqueue");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("call");
    }

    /**
     * A worker that puts a failed job straight back on its queue ({@code except Exception: job["attempts"] += 1;
     * r.rpush(QUEUE, json.dumps(job))}): the loop pops it again at once, so a poisoned job or a dead dependency is
     * retried as fast as the worker can spin, with no delay between attempts.
     */
    @Override
    public void check(PyNode call, Scan scan) {
        if (scan.role() == FileRole.TEST || !PUSH.contains(Syntax.calleeName(call)) || Syntax.receiver(call) == null
                || !Syntax.inMessageLoop(call, scan.module)) {
            return;
        }
        PyNode clause = call.ancestor("except_clause", "function_definition");
        if (clause == null || !clause.is("except_clause") || !RetryRules.RETRY_WORDS.matcher(clause.text()).find()) {
            return;
        }
        for (PyNode c : clause.descendants("call", true)) {
            if (RetryRules.DELAY.matcher(Syntax.calleeName(c)).find()) {
                return;
            }
        }
        if (DELAYED.matcher(clause.text()).find()) {
            return; // a delayed queue (zadd with a due time), a countdown, a visibility timeout: the wait is there
        }
        scan.emit("PY-RETRY-006", Category.RETRY_WITHOUT_BACKOFF, scan.byRole(Severity.P2), call,
                "A failed job goes straight back on the queue (`" + call.text().replaceAll("\\s+", " ") + "`): the worker "
                        + "pops it again at once, so a job that keeps failing, or a dependency that is down, is retried "
                        + "as fast as the loop spins, with no delay between attempts and every other job waiting behind it.",
                "# retry later, not now: a delayed queue scored by due time\n"
                        + "due = time.time() + min(300, 2 ** job[\"attempts\"]) + random.uniform(0, 1)\n"
                        + "r.zadd(QUEUE + \":delayed\", {json.dumps(job): due})  # a scheduler moves due jobs back\n"
                        + "# or let the queue do it: RQ Retry(max=3, interval=[10, 30, 60]), Celery countdown, SQS visibility");
    }

    private static final Pattern DELAYED = Pattern.compile("(?i)zadd|countdown|\\bdelay|\\beta\\b|visibility|enqueue_in|enqueue_at");
}
