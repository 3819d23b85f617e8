package dev.srereview.transcript;

import dev.srereview.render.MarkdownRenderer;
import dev.srereview.render.ReviewRenderer;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Source;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a saved session again, offline: no model is called. Reviews go through the renderer the caller
 * passes (the same one the session used), so a replayed review is byte-for-byte the original rendering;
 * questions and answers replay as quoted text.
 */
public final class Replayer {
    /**
     * Prints each review as the markdown stored with it: the original rendering, byte for byte (a review read
     * from JSON has none: it is rendered as contract markdown).
     */
    public static final ReviewRenderer STORED_MARKDOWN =
            o -> o.markdown() != null ? o.markdown() : new MarkdownRenderer().render(o);

    /** The whole session as markdown-ish text: a title line, then each event in order. Ends with a newline. */
    public String replay(Transcript transcript, ReviewRenderer renderer) {
        List<String> blocks = new ArrayList<>();
        blocks.add(title(transcript.header()));
        List<TranscriptEvent> events = transcript.events();
        for (int i = 0; i < events.size(); i++) {
            TranscriptEvent e = events.get(i);
            TranscriptEvent next = i + 1 < events.size() ? events.get(i + 1) : null;
            String block = block(e, next, renderer);
            if (block != null) {
                blocks.add(strip(block));
            }
        }
        return String.join("\n\n", blocks) + "\n";
    }

    /**
     * The session's last review in the JSON form, its source marked {@code replay} (review-contract.md §2).
     *
     * @throws TranscriptException when the session holds no review
     */
    public String replayJson(Transcript transcript, ReviewRenderer jsonRenderer) {
        ReviewOutcome last = transcript.lastReview().orElseThrow(() ->
                new TranscriptException(transcript.path() + " holds no review to print as JSON"));
        return jsonRenderer.render(asReplay(last));
    }

    /** The same outcome, marked as coming from a replay. */
    public static ReviewOutcome asReplay(ReviewOutcome o) {
        return new ReviewOutcome(o.target(), Source.REPLAY, o.model(), o.review(), o.markdown(), o.validation(),
                o.stats(), o.findings(), o.fallbackReason(), o.lastRawReply());
    }

    private static String block(TranscriptEvent e, TranscriptEvent next, ReviewRenderer renderer) {
        if (e instanceof TranscriptEvent.UserInput in) {
            // The question is written again with its answer: show it once.
            boolean answered = next instanceof TranscriptEvent.FollowUp f && same(f.question(), in.text());
            return answered ? null : quote(in.text());
        }
        if (e instanceof TranscriptEvent.Command c) {
            return quote(c.line());
        }
        if (e instanceof TranscriptEvent.ReviewRecorded r) {
            return renderer.render(r.outcome());
        }
        if (e instanceof TranscriptEvent.FollowUp f) {
            String answer = f.answer() == null || f.answer().isBlank() ? "_(no answer)_" : f.answer();
            return f.question() == null ? answer : quote(f.question()) + "\n\n" + answer;
        }
        if (e instanceof TranscriptEvent.Cancelled c) {
            return "_(cancelled: " + c.what() + ")_";
        }
        if (e instanceof TranscriptEvent.Fallback f) {
            return "_(fallback: " + f.reason() + ")_";
        }
        if (e instanceof TranscriptEvent.Failed f) {
            return "_(error: " + f.message() + ")_";
        }
        if (e instanceof TranscriptEvent.Resumed r) {
            return "_(resumed session " + r.sessionId() + " from " + r.from() + ")_";
        }
        return null;
    }

    private static String title(TranscriptEvent.Header h) {
        String who = h.model() == null ? "offline reviewer"
                : "model " + h.model() + (h.endpointHost() == null ? "" : " at " + h.endpointHost());
        return "# sre-review session " + h.sessionId() + "\n\n"
                + "Started " + h.at().truncatedTo(ChronoUnit.SECONDS) + " · sre-review " + h.toolVersion() + " · " + who
                + (h.target() == null ? "" : " · " + h.target());
    }

    private static String quote(String text) {
        String body = text == null ? "" : strip(text);
        return "> " + body.replace("\n", "\n> ");
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.strip().equals(b.strip());
    }

    private static String strip(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
