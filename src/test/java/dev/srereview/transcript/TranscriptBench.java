package dev.srereview.transcript;

import dev.srereview.context.Redactor;
import dev.srereview.review.ReviewOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * What recording costs (bench/transcript.sh runs it; not a test): the time to append and fsync a follow-up and a
 * review event, and to read and replay a long session. Prints medians and p95 over many runs.
 */
public final class TranscriptBench {
    private TranscriptBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("transcript-bench");
        ReviewOutcome outcome = Samples.sampleOutcome();
        // A realistic review event: the turns carry the packed evidence (~60 kB of prompt).
        String evidence = "x = requests.get(url)  # app/serve.py\n".repeat(1600);
        var turns = List.of(dev.srereview.llm.ChatMessage.user(evidence), dev.srereview.llm.ChatMessage.assistant(outcome.markdown()));
        TranscriptEvent.Header header = new SessionHeaders(Clock.systemUTC())
                .create(Samples.settings(dir), "bench", "persona", "bench");
        long[] followUp = new long[n];
        long[] review = new long[n];
        Path file;
        int followUpBytes;
        int reviewBytes;
        try (TranscriptWriter w = TranscriptWriter.create(dir, "bench", header,
                new TranscriptScrubber(new Redactor(), List.of(Samples.KEY)), ZoneOffset.UTC)) {
            file = w.path();
            followUpBytes = w.line(new TranscriptEvent.FollowUp(Samples.T0, "What breaks first under load? #0",
                    "The model load in `app/serve.py:42`: each request pays a 9 s cold load. ".repeat(8))).length;
            reviewBytes = w.line(new TranscriptEvent.ReviewRecorded(Samples.T0, outcome, turns)).length;
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                w.append(new TranscriptEvent.FollowUp(Samples.T0, "What breaks first under load? #" + i,
                        "The model load in `app/serve.py:42`: each request pays a 9 s cold load. ".repeat(8)));
                long t1 = System.nanoTime();
                w.append(new TranscriptEvent.ReviewRecorded(Samples.T0, outcome, turns));
                long t2 = System.nanoTime();
                followUp[i] = t1 - t0;
                review[i] = t2 - t1;
            }
        }
        long size = Files.size(file);
        long[] read = new long[5];
        int events = 0;
        for (int i = 0; i < read.length; i++) {
            long t0 = System.nanoTime();
            Transcript t = new TranscriptReader().read(file);
            String text = new Replayer().replay(t, Replayer.STORED_MARKDOWN);
            read[i] = System.nanoTime() - t0;
            events = t.events().size() + text.length() * 0;
        }
        System.out.printf("append+fsync follow-up (%.1f kB): median %.2f ms, p95 %.2f ms (n=%d)%n",
                followUpBytes / 1024.0, ms(followUp, 50), ms(followUp, 95), n);
        System.out.printf("append+fsync review (%.1f kB with evidence turns): median %.2f ms, p95 %.2f ms (n=%d)%n",
                reviewBytes / 1024.0, ms(review, 50), ms(review, 95), n);
        System.out.printf("read + replay %d events (%.1f MB): median %.0f ms over %d runs%n", events, size / 1e6,
                ms(read, 50), read.length);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static double ms(long[] nanos, int percentile) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        int idx = Math.min(s.length - 1, (int) Math.ceil(percentile / 100.0 * s.length) - 1);
        return s[Math.max(0, idx)] / 1e6;
    }
}
