package dev.srereview.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.srereview.review.ReviewOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The review to compare from a file: a transcript's last review, or a JSON review (review-contract.md §2). */
public final class ReviewLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ReviewLoader.class);
    private final ObjectMapper mapper = TranscriptJson.mapper();
    private final TranscriptReader reader = new TranscriptReader();

    /** @throws TranscriptException not readable, neither form, or a transcript with no review: one line (exit 2) */
    public ReviewOutcome load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new TranscriptException(file + " does not exist", e);
        } catch (IOException e) {
            throw new TranscriptException(file + " cannot be read: " + IoReason.of(e), e);
        }
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        JsonNode head = tree(first);
        if (head != null && "header".equals(head.path("type").asText())) {
            Transcript t = reader.read(file);
            return t.lastReview().orElseThrow(() -> new TranscriptException(file + " is a transcript with no review to compare"));
        }
        JsonNode whole = tree(text);
        if (ContractJsonReader.looksLikeReview(whole)) {
            try {
                return ContractJsonReader.read(whole);
            } catch (IllegalArgumentException e) {
                throw new TranscriptException(file + " is a malformed JSON review: " + e.getMessage(), e);
            }
        }
        throw new TranscriptException(file + " is neither an sre-review transcript nor a JSON review");
    }

    private JsonNode tree(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            // Not JSON: the caller tries the other form, then reports the file as neither.
            LOG.debug("not JSON ({}), trying the other form", e.getOriginalMessage());
            return null;
        }
    }
}
