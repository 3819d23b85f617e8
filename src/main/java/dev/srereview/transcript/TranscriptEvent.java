package dev.srereview.transcript;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.srereview.llm.ChatMessage;
import dev.srereview.llm.Role;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewRun;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of a transcript (JSON Lines). The {@code type} property names the record; every event carries the
 * instant it completed. New event types may be added within a schema version (older readers skip them with a
 * warning); renaming or removing a field needs a new {@link #SCHEMA_VERSION}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TranscriptEvent.Header.class, name = "header"),
    @JsonSubTypes.Type(value = TranscriptEvent.UserInput.class, name = "input"),
    @JsonSubTypes.Type(value = TranscriptEvent.Command.class, name = "command"),
    @JsonSubTypes.Type(value = TranscriptEvent.ReviewRecorded.class, name = "review"),
    @JsonSubTypes.Type(value = TranscriptEvent.FollowUp.class, name = "followup"),
    @JsonSubTypes.Type(value = TranscriptEvent.Cancelled.class, name = "cancelled"),
    @JsonSubTypes.Type(value = TranscriptEvent.Fallback.class, name = "fallback"),
    @JsonSubTypes.Type(value = TranscriptEvent.Failed.class, name = "error"),
    @JsonSubTypes.Type(value = TranscriptEvent.Resumed.class, name = "resumed"),
})
public sealed interface TranscriptEvent {
    /** The format this build writes; it reads this and every older one. */
    int SCHEMA_VERSION = 1;

    Instant at();

    /**
     * The first line. Never holds the API key: only the endpoint's host and the settings minus secrets.
     *
     * @param personaSha256 SHA-256 (hex) of the persona prompt text, so a resumed session can tell it changed
     * @param target        what the session was started on (the working directory's name for the REPL)
     * @param settings      the effective settings, nested by key, secrets dropped (see {@link SettingsSnapshot})
     */
    record Header(Instant at, int schemaVersion, String toolVersion, String sessionId, String model,
                  String endpointHost, String personaSha256, String target, Map<String, Object> settings)
            implements TranscriptEvent {
        public Header {
            settings = settings == null ? Map.of() : settings;
        }
    }

    /** A question typed by the user, written before it is sent so a killed session still shows what was asked. */
    record UserInput(Instant at, String text) implements TranscriptEvent {
    }

    /** A slash command as typed, e.g. {@code /review-deployment examples/svc}. */
    record Command(Instant at, String line) implements TranscriptEvent {
    }

    /**
     * A finished review: the structured outcome (review, rendered markdown, source, validation, stats, findings)
     * and the conversation turns a follow-up continues from (the persona system prompt left out: it is hashed in
     * the header).
     */
    record ReviewRecorded(Instant at, ReviewOutcome outcome, List<ChatMessage> turns) implements TranscriptEvent {
        public ReviewRecorded {
            turns = turns == null ? List.of() : List.copyOf(turns);
        }

        /** The run's outcome and its non-system turns. */
        public static ReviewRecorded of(Instant at, ReviewRun run) {
            List<ChatMessage> turns = run.conversation().stream().filter(m -> m.role() != Role.SYSTEM).toList();
            return new ReviewRecorded(at, run.outcome(), turns);
        }
    }

    /** A follow-up question and the model's whole answer. */
    record FollowUp(Instant at, String question, String answer) implements TranscriptEvent {
    }

    /** The user cancelled a running request (Ctrl-C); {@code what} is "review" or "follow-up". */
    record Cancelled(Instant at, String what) implements TranscriptEvent {
    }

    /** An LLM review fell back to the offline reviewer; {@code reason} is the one-line cause. */
    record Fallback(Instant at, String reason) implements TranscriptEvent {
    }

    /** A request failed; {@code message} is the one line the user saw. */
    record Failed(Instant at, String message) implements TranscriptEvent {
    }

    /**
     * This session continued an earlier one; the earlier review and follow-up events are copied after this one
     * so the file stays self-contained.
     */
    record Resumed(Instant at, String from, String sessionId) implements TranscriptEvent {
    }
}
