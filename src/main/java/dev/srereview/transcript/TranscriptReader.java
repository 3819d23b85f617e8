package dev.srereview.transcript;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a transcript back. Survives what a killed session leaves (a truncated last line becomes a warning
 * naming the line); refuses what is not a transcript, or a schema newer than this build, with one line.
 */
public final class TranscriptReader {
    private static final Logger LOG = LoggerFactory.getLogger(TranscriptReader.class);
    private static final Set<String> KNOWN_TYPES =
            Set.of("header", "input", "command", "review", "followup", "cancelled", "fallback", "error", "resumed");

    private final ObjectMapper mapper = TranscriptJson.mapper();

    /**
     * @throws TranscriptException unreadable file, not a transcript (garbage, a JSON review, empty), or a newer
     *                             schema: one line naming the file, for exit 2
     */
    public Transcript read(Path file) {
        String text = decode(file, bytes(file));
        List<String> lines = lines(text);
        boolean endsWithNewline = text.endsWith("\n");
        if (lines.isEmpty()) {
            throw new TranscriptException(file + " is empty: not an sre-review transcript");
        }
        TranscriptEvent.Header header = header(file, lines.get(0), lines.size() == 1 && !endsWithNewline);
        List<TranscriptEvent> events = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int number = i + 1;
            boolean last = i == lines.size() - 1;
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (JsonProcessingException e) {
                warnings.add(last && !endsWithNewline
                        ? "line " + number + " is truncated (the session ended while writing it): skipped"
                        : "line " + number + " is not valid JSON: skipped");
                LOG.debug("{} line {} unreadable: {}", file, number, e.getOriginalMessage());
                continue;
            }
            String type = node.path("type").asText("");
            if (!KNOWN_TYPES.contains(type) || type.equals("header")) {
                warnings.add("line " + number + " holds an event this sre-review does not know ("
                        + (type.isEmpty() ? "no type" : type) + "): skipped");
                continue;
            }
            try {
                events.add(mapper.treeToValue(node, TranscriptEvent.class));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                // A record's constructor rejected a missing required field: the event is unusable.
                warnings.add("line " + number + " is a malformed " + type + " event: skipped");
                LOG.debug("{} line {} malformed", file, number, e);
            }
        }
        warnings.forEach(w -> LOG.warn("{}: {}", file, w));
        return new Transcript(file, header, events, warnings);
    }

    /** The whole file is one JSON object with a review's score and risks. */
    private boolean jsonReview(Path file) {
        try {
            JsonNode whole = mapper.readTree(file.toFile());
            return whole != null && whole.has("score") && whole.has("risks");
        } catch (java.io.IOException e) {
            LOG.debug("{} is not one JSON document either: {}", file, e.getMessage());
            return false;
        }
    }

    private TranscriptEvent.Header header(Path file, String first, boolean truncated) {
        JsonNode node;
        try {
            node = mapper.readTree(first);
        } catch (JsonProcessingException e) {
            if (first.strip().equals("{") && jsonReview(file)) {
                // a review saved with --format json, pretty-printed: its first line alone is not JSON
                throw new TranscriptException(file + " is not an sre-review transcript: it is a JSON review", e);
            }
            throw new TranscriptException(file + " is not an sre-review transcript: line 1 is "
                    + (truncated && first.startsWith("{\"type\":\"header\"") ? "a truncated header" : "not JSON"), e);
        }
        if (node == null || !node.isObject()) {
            throw new TranscriptException(file + " is not an sre-review transcript: line 1 is not a JSON object");
        }
        if (!"header".equals(node.path("type").asText())) {
            String what = node.has("score") && node.has("risks") ? "it is a JSON review" : "line 1 is not a transcript header";
            throw new TranscriptException(file + " is not an sre-review transcript: " + what);
        }
        JsonNode version = node.get("schemaVersion");
        if (version == null || !version.canConvertToInt() || version.asInt() < 1) {
            throw new TranscriptException(file + " is not an sre-review transcript: its header has no valid schemaVersion");
        }
        if (version.asInt() > TranscriptEvent.SCHEMA_VERSION) {
            throw new TranscriptException("transcript schema " + version.asInt() + " is newer than this sre-review supports ("
                    + TranscriptEvent.SCHEMA_VERSION + "): upgrade sre-review to read " + file);
        }
        try {
            return (TranscriptEvent.Header) mapper.treeToValue(node, TranscriptEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new TranscriptException(file + " is not an sre-review transcript: its header is malformed", e);
        }
    }

    private static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TranscriptException("transcript " + file + " does not exist", e);
        } catch (AccessDeniedException e) {
            throw new TranscriptException("transcript " + file + " cannot be read: permission denied", e);
        } catch (IOException e) {
            throw new TranscriptException("transcript " + file + " cannot be read: " + IoReason.of(e), e);
        }
    }

    /** Strict UTF-8: binary garbage is refused here rather than parsed into mojibake. */
    private static String decode(Path file, byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 4096); i++) {
            if (bytes[i] == 0) {
                throw new TranscriptException(file + " is not an sre-review transcript: it holds binary data");
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            // A kill can cut a multi-byte character at the very end: keep what decodes, the reader flags the line.
            LOG.debug("{} is not clean UTF-8 ({}); decoding leniently", file, e.toString());
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        out.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
        return out;
    }
}
