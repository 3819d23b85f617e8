package dev.srereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * With --verbose (DEBUG) the log file gets the session's trail, but never the API key nor a secret planted
 * in the reviewed repository or pasted into a question; and nothing of the log reaches the terminal.
 */
class LogSecrecyTest {
    private static final String KEY = "sk-test-LOGSECRECY-0123456789abcdefghijklmnop";
    /** Planted in fixtures/pipeline-secrets (app/main.py and .env). */
    private static final List<String> PLANTED = List.of("sk-proj-Q3x9LmZp7RtY2vWb8NcKdE4fGhJ5kA1sT6uV0yXzB",
            "AKIAQ3X9LMZP7RTY2VWB", "sk-proj-Hb4Tn8Wq2Lx6Zp0Rv3Ys7Uc1Ke5Mg9Ja2Df6Qw", "sk_live_51Hq8Zr2Tw6Ym4Lp0Xv3Nb7Kc1Jd5Fg9Sa");

    @TempDir
    Path dir;

    @Test
    void keyAndPlantedSecretsNeverReachTheLogFile() throws Exception {
        Path logs = dir.resolve("logs");
        Files.writeString(dir.resolve("cfg.yaml"), "log:\n  dir: " + logs + "\n");
        String fixture = Path.of(getClass().getResource("/fixtures/pipeline-secrets").toURI()).toString();
        // A key in the environment, but --offline: no request may leave (and the endpoint is a closed local port).
        Map<String, String> env = Map.of("OPENAI_API_KEY", KEY, "OPENAI_BASE_URL", "http://127.0.0.1:9/v1");
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();

        int review = cli(env, "", terminal).run("review", fixture, "--offline", "--verbose", "--config", "cfg.yaml",
                "--format", "json");
        String chatInput = "/config\n/review-deployment " + fixture + "\nis " + PLANTED.get(0) + " a problem?\n/exit\n";
        int chat = cli(env, chatInput, terminal).run("--offline", "--verbose", "--config", "cfg.yaml");
        // A careless line with the key in it: the scrubbing layout masks it.
        LoggerFactory.getLogger("careless").info("calling with key {}", KEY);

        assertThat(review).isIn(ExitCodes.OK, ExitCodes.GATED);
        assertThat(chat).isZero();
        Path logFile = logs.resolve("sre-review.log");
        String log = Files.readString(logFile);
        assertThat(log).contains("DEBUG").contains("review requested").contains("calling with key ****");
        assertThat(log).doesNotContain(KEY);
        for (String secret : PLANTED) {
            assertThat(log).as("planted secret in the log").doesNotContain(secret);
        }
        String shown = terminal.toString(StandardCharsets.UTF_8);
        assertThat(shown).doesNotContain(KEY).doesNotContain(" DEBUG ").doesNotContain(" INFO ");
    }

    private Cli cli(Map<String, String> env, String stdin, ByteArrayOutputStream terminal) {
        PrintStream ps = new PrintStream(terminal, true, StandardCharsets.UTF_8);
        return new Cli(new AppEnvironment(env, dir, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                ps, ps, false));
    }
}
