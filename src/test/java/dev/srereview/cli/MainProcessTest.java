package dev.srereview.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real entry point in a fresh JVM: Logback initialises on a second thread while the settings load, and the
 * log file must still be installed every time (a race there would silently leave the session without a log).
 */
class MainProcessTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS) // a safety net against a hung child, not a speed check
    void eachRunWritesItsReviewAndItsLog() throws Exception {
        Path repo = dir.resolve("repo");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("app.py"), "import requests\nrequests.get('http://svc/x')\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int run = 1; run <= 3; run++) {
            Path home = dir.resolve("home" + run);
            ProcessBuilder pb = new ProcessBuilder(java, "-Dsre.review.home=" + home, "-cp",
                    System.getProperty("java.class.path"), Main.class.getName(), "review", repo.toString(),
                    "--offline", "--format", "json").redirectError(ProcessBuilder.Redirect.DISCARD);
            pb.environment().remove("OPENAI_API_KEY");
            pb.environment().remove("SRE_REVIEW_CONFIG");
            Process child = pb.start();
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor()).as("run %d", run).isZero();
            assertThat(out).startsWith("{");
            Path log = home.resolve("sre-review.log");
            assertThat(log).as("run %d wrote its log", run).exists();
            assertThat(Files.readString(log)).contains("review of " + repo + " done");
        }
    }
}
