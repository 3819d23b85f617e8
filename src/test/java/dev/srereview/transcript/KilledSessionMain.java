package dev.srereview.transcript;

import dev.srereview.context.Redactor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A session in a child JVM for {@link TranscriptKillTest}: records a review and a follow-up, says READY with the
 * transcript's path, then waits to be killed with the next question in flight.
 */
public final class KilledSessionMain {
    private KilledSessionMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args[0]);
        TranscriptEvent.Header header = new SessionHeaders(Clock.systemUTC())
                .create(Samples.settings(dir), "0.1.0", "persona", "killed-service");
        TranscriptWriter w = TranscriptWriter.create(dir, "killed-service", header,
                new TranscriptScrubber(new Redactor(), List.of(Samples.KEY)), ZoneOffset.UTC);
        var outcome = Samples.sampleOutcome();
        w.append(new TranscriptEvent.Command(Samples.T0, "/review-deployment killed-service"));
        w.append(new TranscriptEvent.ReviewRecorded(Samples.T0, outcome, Samples.turns(outcome)));
        w.append(new TranscriptEvent.FollowUp(Samples.T0, "What breaks first?", "The model load."));
        w.append(new TranscriptEvent.UserInput(Samples.T0, "And then?"));
        System.out.println("READY " + w.path());
        System.out.flush();
        // The answer to "And then?" is in flight when the parent kills this JVM; the writer is never closed.
        while (true) {
            Thread.sleep(1000);
        }
    }
}
