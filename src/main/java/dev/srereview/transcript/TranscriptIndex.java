package dev.srereview.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srereview.review.ReviewOutcome;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The transcripts in a directory: the recent ones summarised (for /transcripts), or one session's file by id. */
public final class TranscriptIndex {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptIndex.class);

    /**
     * One saved session.
     *
     * @param score   the last review's score, or null when the session has no review
     * @param target  the last review's target, else the session's target
     */
    public record Summary(Path path, Instant startedAt, String sessionId, String target, Integer score, int reviews,
                          int followUps, String model) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ObjectMapper mapper = TranscriptJson.mapper();
    private final TranscriptReader reader = new TranscriptReader();

    /** The {@code limit} most recently written transcripts in {@code dir}, newest first; unreadable ones are skipped (logged). */
    public List<Summary> recent(Path dir, int limit) {
        List<Summary> out = new ArrayList<>();
        for (Path file : newestFirst(dir)) {
            if (out.size() >= limit) {
                break;
            }
            try {
                out.add(summary(reader.read(file)));
            } catch (TranscriptException e) {
                LOG.info("not listing {}: {}", file, e.getMessage());
            }
        }
        return out;
    }

    /** The transcript whose header carries {@code sessionId} (reads first lines only). */
    public Optional<Path> findSession(Path dir, String sessionId) {
        for (Path file : newestFirst(dir)) {
            JsonNode head = firstLine(file);
            if (head != null && "header".equals(head.path("type").asText()) && sessionId.equals(head.path("sessionId").asText())) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    public static Summary summary(Transcript t) {
        List<ReviewOutcome> reviews = t.reviews();
        ReviewOutcome last = reviews.isEmpty() ? null : reviews.get(reviews.size() - 1);
        int followUps = (int) t.events().stream().filter(TranscriptEvent.FollowUp.class::isInstance).count();
        return new Summary(t.path(), t.header().at(), t.header().sessionId(),
                last != null ? last.target() : t.header().target(),
                last != null && last.review() != null ? last.review().score().value() : null,
                reviews.size(), followUps, last != null && last.model() != null ? last.model() : t.header().model());
    }

    /** One line per session, its start in {@code zone}: "2026-11-27 16:40   3/10  my-model-service  (2 follow-ups)  path". */
    public static String describe(Summary s, Path relativeTo, ZoneId zone) {
        String when = WHEN.format(s.startedAt().atZone(zone));
        String score = s.score() == null ? " -/10" : String.format("%2d/10", s.score());
        Path shown = relativeTo != null && s.path().isAbsolute() && s.path().startsWith(relativeTo)
                ? relativeTo.relativize(s.path()) : s.path();
        return when + "  " + score + "  " + s.target()
                + (s.followUps() > 0 ? "  (" + s.followUps() + (s.followUps() == 1 ? " follow-up)" : " follow-ups)") : "")
                + "  " + shown;
    }

    private static List<Path> newestFirst(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jsonl") && Files.isRegularFile(p))
                    .sorted(Comparator.comparing(TranscriptIndex::modified).reversed()
                            .thenComparing(Comparator.<Path>reverseOrder()))
                    .toList();
        } catch (IOException e) {
            throw new TranscriptException("cannot list transcripts in " + dir + ": " + IoReason.of(e), e);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            LOG.debug("no modification time for {}: {}", p, e.toString());
            return FileTime.fromMillis(0);
        }
    }

    private JsonNode firstLine(Path file) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            return line == null ? null : mapper.readTree(line);
        } catch (JsonProcessingException e) {
            LOG.debug("{} does not start with JSON: {}", file, e.getOriginalMessage());
            return null;
        } catch (IOException e) {
            LOG.debug("cannot read {}: {}", file, e.toString());
            return null;
        }
    }
}
