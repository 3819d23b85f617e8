package dev.srereview.evidence.python;

import dev.srereview.evidence.Category;
import dev.srereview.evidence.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** no-graceful-shutdown: worker loops and background threads that die mid-task on SIGTERM. */
final class ShutdownRules implements NodeRule {
    private static final Pattern CONSUMES = Pattern.compile(
            "^(get|get_nowait|receive_message|receive_messages|poll|blpop|brpop|brpoplpush|xread|xreadgroup|consume|"
                    + "basic_get|recv|fetch|pull|dequeue|pop|lpop|rpop|next_job|claim)$");

    @Override
    public Set<String> nodeTypes() {
        return Set.of("while_statement", "for_statement", "call");
    }

    @Override
    public void check(PyNode loop, Scan scan) {
        if (!scan.role().production()) {
            return;
        }
        if (loop.is("call")) {
            grpcServer(loop, scan);
            blockingScheduler(loop, scan);
            stdlibServer(loop, scan);
            pikaConsumer(loop, scan);
            jobThread(loop, scan);
            return;
        }
        PyNode body = loop.field("body");
        if (body == null || !endless(loop, scan)) {
            return;
        }
        if (scan.module.onRequestPath(loop)) {
            return; // streaming inside a request is the server's to cancel
        }
        boolean consumer = false;
        boolean works = false;
        for (PyNode c : body.descendants("call", true)) {
            String name = Syntax.calleeName(c);
            // A loop that only sleeps (keeping a process alive) has no work in progress to lose
            works |= !name.equals("sleep") && !name.equals("print");
            consumer |= CONSUMES.matcher(name).matches();
        }
        if (!works) {
            return;
        }
        consumer |= loop.is("for_statement");
        if (consumer) {
            scan.module.workerLoop = true;
        }
        String thread = threadTarget(loop, scan);
        // Only where no module of the repository handles SIGTERM or registers a shutdown hook: known at the end.
        scan.emitIf(RepoCondition.NO_SHUTDOWN_HANDLING, "PY-SHUTDOWN-001", Category.NO_GRACEFUL_SHUTDOWN, consumer ? Severity.P1 : Severity.P2, loop,
                (thread == null ? "This worker loop" : "This loop, run in a background thread (" + thread + "),")
                        + " has no SIGTERM handling anywhere in the repository: on every deploy, scale-down or node "
                        + "drain the orchestrator sends SIGTERM, Python dies immediately, and the "
                        + (consumer ? "message/job being processed is lost or half-applied."
                                : "work in progress is cut off mid-way."),
                "stop = threading.Event()\n"
                        + "signal.signal(signal.SIGTERM, lambda *_: stop.set())\n"
                        + "while not stop.is_set():\n    job = queue.get(timeout=1)  # finish the current item, then exit\n"
                        + "# and give it time: terminationGracePeriodSeconds / docker stop -t");
    }

    /** {@code server.wait_for_termination()} of a gRPC server with no SIGTERM handler to call stop(grace). */
    private static void grpcServer(PyNode call, Scan scan) {
        if (!Syntax.calleeName(call).equals("wait_for_termination")) {
            return;
        }
        String q = scan.module.callee(call);
        if (!q.equals("grpc.server.wait_for_termination") && !q.equals("grpc.aio.server.wait_for_termination")) {
            return;
        }
        scan.emitIf(RepoCondition.NO_SHUTDOWN_HANDLING, "PY-SHUTDOWN-002", Category.NO_GRACEFUL_SHUTDOWN, Severity.P2,
                call, "This gRPC server waits for termination with no SIGTERM handler anywhere near it: on every "
                        + "deploy or scale-down the orchestrator's SIGTERM kills the process at once, and the RPCs in "
                        + "flight fail with UNAVAILABLE instead of finishing.",
                "def _stop(*_):\n    server.stop(grace=20).wait()  # finish in-flight RPCs, refuse new ones\n"
                        + "signal.signal(signal.SIGTERM, _stop)\nserver.wait_for_termination()\n"
                        + "# and terminationGracePeriodSeconds > 20 in the pod spec");
    }

    /**
     * {@code httpd.serve_forever()} of http.server / socketserver / wsgiref: Python's default SIGTERM kills the
     * process mid-response; nothing calls {@code shutdown()} to finish the request in hand.
     */
    private static void stdlibServer(PyNode call, Scan scan) {
        if (!Syntax.calleeName(call).equals("serve_forever")) {
            return;
        }
        String q = scan.module.callee(call);
        if (!q.startsWith("http.server.") && !q.startsWith("socketserver.") && !q.startsWith("wsgiref.simple_server.")) {
            return;
        }
        scan.emitIf(RepoCondition.NO_SHUTDOWN_HANDLING, "PY-SHUTDOWN-004", Category.NO_GRACEFUL_SHUTDOWN, Severity.P2,
                call, "This server runs serve_forever() with no SIGTERM handler anywhere near it: on every deploy or "
                        + "scale-down the orchestrator's SIGTERM kills the process at once, and the requests in "
                        + "flight are cut off mid-response.",
                "signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=httpd.shutdown).start())\n"
                        + "httpd.serve_forever()  # returns after the current request; then httpd.server_close()");
    }

    /**
     * pika's {@code channel.start_consuming()}: a blocking consumer loop inside the library, calling the registered
     * callback per message. Python's default SIGTERM kills it mid-message (a KeyboardInterrupt handler covers Ctrl-C,
     * not the orchestrator); with {@code auto_ack=True} that message is already gone from the queue.
     */
    private static void pikaConsumer(PyNode call, Scan scan) {
        PyNode channel = Syntax.receiver(call);
        if (!Syntax.calleeName(call).equals("start_consuming") || scan.module.onRequestPath(call)
                || !scan.module.importsAny("pika") && (channel == null || !channel.text().contains("channel"))) {
            return;
        }
        scan.module.workerLoop = true;
        scan.emitIf(RepoCondition.NO_SHUTDOWN_HANDLING, "PY-SHUTDOWN-001", Category.NO_GRACEFUL_SHUTDOWN, Severity.P1,
                call, "This RabbitMQ consumer runs start_consuming() with no SIGTERM handling anywhere in the "
                        + "repository: on every deploy, scale-down or node drain the orchestrator's SIGTERM kills the "
                        + "process mid-message, and the message being processed is lost (with auto_ack it has already "
                        + "left the queue) or half-applied.",
                "def _stop(*_):\n    connection.add_callback_threadsafe(channel.stop_consuming)  # finish the current message\n"
                        + "signal.signal(signal.SIGTERM, _stop)\nchannel.start_consuming()\nconnection.close()\n"
                        + "# and ack after the work (auto_ack=False, ch.basic_ack(method.delivery_tag))");
    }

    /**
     * APScheduler's {@code BlockingScheduler().start()}: the process is a scheduler whose jobs run in its threads, and
     * Python's default SIGTERM kills them mid-run unless a handler calls {@code scheduler.shutdown(wait=True)}.
     */
    private static void blockingScheduler(PyNode call, Scan scan) {
        if (!Syntax.calleeName(call).equals("start")
                || !scan.module.callee(call).startsWith("apscheduler.schedulers.blocking.BlockingScheduler")) {
            return;
        }
        scan.emitIf(RepoCondition.NO_SHUTDOWN_HANDLING, "PY-SHUTDOWN-003", Category.NO_GRACEFUL_SHUTDOWN, Severity.P2,
                call, "This BlockingScheduler runs its jobs with no SIGTERM handler anywhere near it: a deploy or "
                        + "scale-down kills the process at once, and a job half-way through (a batch writing its "
                        + "results) stops with its work half-written.",
                "signal.signal(signal.SIGTERM, lambda *_: scheduler.shutdown(wait=True))  # let the running job finish\n"
                        + "scheduler.start()\n# and terminationGracePeriodSeconds longer than a job");
    }

    /** while True / while 1 / while not flag with no break or return; or iterating a Kafka-style consumer. */
    private static boolean endless(PyNode loop, Scan scan) {
        if (loop.is("for_statement")) {
            PyNode right = loop.field("right");
            String q = scan.module.qualify(right);
            return q != null && (q.endsWith("KafkaConsumer") || q.endsWith("Consumer")) && !hasExit(loop);
        }
        PyNode cond = loop.field("condition");
        if (cond == null) {
            return false;
        }
        String c = cond.text().strip();
        boolean forever = c.equals("True") || c.equals("1") || c.matches("not\\s+[\\w.]+(\\.is_set\\(\\))?")
                || c.matches("[\\w.]*(running|alive|active)\\w*");
        return forever && !hasExit(loop);
    }

    private static boolean hasExit(PyNode loop) {
        PyNode body = loop.field("body");
        List<PyNode> found = new java.util.ArrayList<>();
        collect(body, found);
        return !found.isEmpty();
    }

    private static void collect(PyNode n, List<PyNode> out) {
        for (PyNode c : n.children) {
            if (c.is("break_statement") || c.is("return_statement")) {
                out.add(c);
            }
            if (c.is("for_statement") || c.is("while_statement") || c.is("function_definition")
                    || c.is("class_definition")) {
                if (c.is("for_statement") || c.is("while_statement")) {
                    // a return inside a nested loop still leaves this one
                    out.addAll(c.descendants("return_statement", true));
                }
                continue;
            }
            collect(c, out);
        }
    }

    /**
     * {@code threading.Thread(target=process_video, args=(job_id,), daemon=True).start()} inside a request handler:
     * the request returns a job id and the work goes on in a daemon thread, which dies with the worker on the next
     * deploy (a daemon thread is not waited for, and nothing marks the job failed or puts it back).
     */
    private static void jobThread(PyNode call, Scan scan) {
        if (!Syntax.calleeName(call).equals("Thread") || !scan.module.callee(call).startsWith("threading.")
                || scan.module.enclosingHandler(call) == null) {
            return;
        }
        PyNode daemon = Syntax.keyword(call, "daemon");
        PyNode target = Syntax.keyword(call, "target");
        if (daemon == null || !Syntax.isTrue(daemon) || target == null) {
            return;
        }
        PyNode assigned = call.parent != null && call.parent.is("assignment") ? call.parent.field("left") : null;
        PyNode handler = scan.module.enclosingHandler(call);
        if (assigned != null && handler.text().contains(assigned.text() + ".join(")) {
            return; // the request waits for it: t.start(); t.join(timeout=5)
        }
        scan.emitIf(RepoCondition.NO_SHUTDOWN_HANDLING, "PY-SHUTDOWN-005", Category.NO_GRACEFUL_SHUTDOWN, Severity.P2,
                call, "Each request starts `" + target.text() + "` in a daemon thread and returns: on every deploy, "
                        + "restart or scale-down the worker exits without waiting for it, so the job in progress is "
                        + "cut off mid-way and stays 'running' forever (nothing handles SIGTERM in the repository).",
                "hand the job to a queue a worker drains (Celery/RQ: the job survives the web process), or keep the\n"
                        + "threads and drain them: stop = threading.Event(); signal.signal(signal.SIGTERM, ...);\n"
                        + "join each job thread with a timeout shorter than the grace period, mark the rest failed");
    }

    private static String threadTarget(PyNode loop, Scan scan) {
        PyNode def = Syntax.enclosingFunction(loop);
        if (def == null) {
            return null;
        }
        String name = Syntax.functionName(def);
        for (PyNode call : scan.module.calls) {
            String q = scan.module.callee(call);
            if (q.endsWith("Thread") || q.endsWith("Process")) {
                PyNode target = Syntax.keyword(call, "target");
                if (target != null && (target.text().equals(name) || target.text().endsWith("." + name))) {
                    PyNode daemon = Syntax.keyword(call, "daemon");
                    return daemon != null && Syntax.isTrue(daemon) ? "daemon thread " + name
                            : "thread " + name;
                }
            }
        }
        return null;
    }
}
