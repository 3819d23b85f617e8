package dev.srereview.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextSummaryTest {
    private final ContextSummary summary = new ContextSummary();

    @Test
    void oneLineSaysWhatWasScannedSentNotedRedactedAndLeftOut() {
        SourceFile env = new SourceFile(".env", FileKind.CONFIG, 40, "K=[REDACTED:openai-key]\n", false,
                List.of(new Redaction("openai-key", 1, "K"), new Redaction("env-value", 2, "S")));
        SourceFile cfg = new SourceFile("app/config.py", FileKind.OTHER_CODE, 40, "x\n", false,
                List.of(new Redaction("password", 3, "db_password")));
        RepoSnapshot s = new RepoSnapshot(Path.of("/r"), "r", List.of(env, cfg),
                List.of(new Artifact("models/model.pt", 3_328_599_654L, "model"), new Artifact("x.npy", 10, "data")),
                List.of(), new ScanStats(412, 2, 2, 3, 2, 10));
        PackedContext p = new PackedContext("text", List.of(".env"),
                List.of(new LeftOut("app/config.py", 40, "over budget"), new LeftOut("node_modules/", 0, "dependencies")),
                24_310);

        assertThat(summary.line(s, p, 0.00015)).isEqualTo("412 files scanned, 1 sent (24,310 tokens, about $0.004), "
                + "2 artifacts noted (model.pt 3.3 GB, x.npy 10 B), 3 secrets redacted in 2 files, "
                + "2 paths left out — /context to list them");
    }

    @Test
    void costEstimates() {
        assertThat(ContextSummary.cost(24_310, 0.00015)).isEqualTo("about $0.004");
        assertThat(ContextSummary.cost(100, 0.00015)).isEqualTo("under $0.001");
        assertThat(ContextSummary.cost(2_000_000, 0.005)).isEqualTo("about $10.00");
        assertThat(ContextSummary.cost(100, 0)).isEqualTo("no price set");
    }

    @Test
    void listingGroupsLeftOutByReasonAndMarksCuts() {
        PackedContext p = new PackedContext("t", List.of("Dockerfile", "app/serve.py"), List.of(
                new LeftOut("app/serve.py", 9000, "cut after line 88 (312 more lines)"),
                new LeftOut("lib/a.py", 2048, "over budget"),
                new LeftOut("data/", 5L << 30, "gitignored (1204 files)"),
                new LeftOut("debug.log", 10, "gitignored"),
                new LeftOut("logo.png", 10, "binary")), 1234);

        String out = summary.listing(p);

        assertThat(out).contains("Sent: 2 files, 1,234 tokens")
                .contains("  app/serve.py  (cut after line 88 (312 more lines))")
                .contains("Left out: 4 paths")
                .contains("  over budget (1, 2.0 KB):\n    lib/a.py  2.0 KB\n")
                .contains("  gitignored (2, 5.4 GB):\n    data/  5.4 GB  [gitignored (1204 files)]\n    debug.log  10 B\n")
                .contains("  binary (1, 10 B):");
    }
}
