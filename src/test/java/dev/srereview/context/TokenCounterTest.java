package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class TokenCounterTest {
    @Test
    void countsInTheNamedEncoding() {
        TokenCounter o200k = new TokenCounter("o200k_base");

        assertThat(o200k.encodingName()).isEqualTo("o200k_base");
        assertThat(o200k.count("hello world")).isEqualTo(2);
        assertThat(o200k.count("")).isZero();
        assertThat(o200k.count(null)).isZero();
    }

    @Test
    void unknownNamesFallBackToCl100k() {
        assertThat(new TokenCounter("no-such-encoding").encodingName()).isEqualTo("cl100k_base");
        assertThat(new TokenCounter(null).encodingName()).isEqualTo("o200k_base");
    }

    @Test
    void specialTokenTextIsCountedAsOrdinaryText() {
        assertThat(new TokenCounter("cl100k_base").count("a <|endoftext|> b")).isGreaterThan(3);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        TokenCounter c = new TokenCounter("o200k_base");
        String text = "def predict(x):\n    return model(x)\n".repeat(200);
        int expected = c.count(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = pool.invokeAll(java.util.Collections.nCopies(16, () -> c.count(text)));
            for (Future<Integer> f : results) {
                assertThat(f.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdown();
        }
    }
}
