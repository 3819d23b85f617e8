package dev.srereview.llm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor openai-java runs a stream's handler on, held shut while LangChain4j starts a stream.
 * LangChain4j 1.11 stores the stream's handle only after {@code subscribe} returns, and its handler reads that
 * handle: a chunk or an error that a fast server delivers in between fails inside the library and is lost (the call
 * then sits until llm.timeout). The handler is one task per stream; holding it until the library's {@code chat()}
 * has returned on the caller's thread (the handle is stored by then) closes that window at its root.
 */
final class StreamGate implements Executor {
    /** Far beyond the microseconds {@code chat()} takes to return: only a bug could reach it, and then we go on. */
    private static final long MAX_HOLD_MILLIS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(StreamGate.class);

    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "llm-stream-handler");
        t.setDaemon(true);
        return t;
    });
    private volatile CountDownLatch open = new CountDownLatch(0);

    /** Before the library starts a stream: its handler waits for {@link #release()}. */
    void hold() {
        open = new CountDownLatch(1);
    }

    /** After the library's {@code chat()} returned or threw. */
    void release() {
        open.countDown();
    }

    @Override
    public void execute(Runnable handler) {
        CountDownLatch gate = open;
        handlers.execute(() -> {
            try {
                if (!gate.await(MAX_HOLD_MILLIS, TimeUnit.MILLISECONDS)) {
                    LOG.warn("llm stream handler held {} ms without release; running it anyway", MAX_HOLD_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.warn("llm stream handler interrupted while held; running it so the call still ends");
            }
            handler.run();
        });
    }
}
