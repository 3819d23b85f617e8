package dev.srereview.transcript;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.srereview.evidence.Category;
import dev.srereview.review.Source;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one Jackson configuration for transcripts. Categories and sources are written by their contract ids
 * ("missing-timeout", "llm") so a renamed Java constant never breaks an old file; instants as ISO-8601 text.
 */
final class TranscriptJson {
    private TranscriptJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("sre-review-transcript");
        asText(module, Category.class, Category::id,
                text -> Category.fromId(text).or(() -> byName(text)), "unknown finding category");
        asText(module, Source.class, Source::id, text -> Arrays.stream(Source.values())
                .filter(s -> s.name().equals(text.trim().toUpperCase(Locale.ROOT))).findFirst(), "unknown review source");
        asText(module, Instant.class, Instant::toString, TranscriptJson::instant, "not an ISO-8601 instant");
        return JsonMapper.builder()
                .addModule(module)
                // A newer build of the same schema may add fields: older readers ignore them.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    /** Writes {@code type} as one string and reads it back; text {@code read} cannot map is refused as {@code problem}. */
    private static <T> void asText(SimpleModule module, Class<T> type, Function<T, String> write,
                                   Function<String, Optional<T>> read, String problem) {
        module.addSerializer(type, new JsonSerializer<T>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(write.apply(value));
            }
        });
        module.addDeserializer(type, new JsonDeserializer<T>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                Optional<T> value = text == null ? Optional.empty() : read.apply(text);
                if (value.isEmpty()) {
                    throw ctxt.weirdStringException(text, type, problem);
                }
                return value.get();
            }
        });
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static java.util.Optional<Category> byName(String text) {
        try {
            return java.util.Optional.of(Category.valueOf(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
