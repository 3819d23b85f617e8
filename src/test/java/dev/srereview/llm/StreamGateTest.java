package dev.srereview.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StreamGateTest {
    @Test
    void aHandlerSubmittedWhileHeldRunsOnlyAfterRelease() throws InterruptedException {
        StreamGate gate = new StreamGate();
        CountDownLatch ran = new CountDownLatch(1);

        gate.hold();
        gate.execute(ran::countDown);

        assertThat(ran.await(200, TimeUnit.MILLISECONDS)).isFalse();
        gate.release();
        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void anOpenGateRunsAtOnce() throws InterruptedException {
        StreamGate gate = new StreamGate();
        CountDownLatch ran = new CountDownLatch(1);

        gate.execute(ran::countDown);

        assertThat(ran.await(5, TimeUnit.SECONDS)).isTrue();
    }
}
