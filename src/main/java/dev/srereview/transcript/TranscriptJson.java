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
import java.util.Locale;

/**
 * The one Jackson configuration for transcripts. Categories and sources are written by their contract ids
 * ("missing-timeout", "llm") so a renamed Java constant never breaks an old file; instants as ISO-8601 text.
 */
final class TranscriptJson {
    private TranscriptJson() {
    }

    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("sre-review-transcript");
        module.addSerializer(Category.class, new JsonSerializer<>() {
            @Override
            public void serialize(Category value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.id());
            }
        });
        module.addDeserializer(Category.class, new JsonDeserializer<>() {
            @Override
            public Category deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                return Category.fromId(text).or(() -> byName(text))
                        .orElseThrow(() -> ctxt.weirdStringException(text, Category.class, "unknown finding category"));
            }
        });
        module.addSerializer(Source.class, new JsonSerializer<>() {
            @Override
            public void serialize(Source value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.id());
            }
        });
        module.addDeserializer(Source.class, new JsonDeserializer<>() {
            @Override
            public Source deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return Source.valueOf(text.trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ctxt.weirdStringException(text, Source.class, "unknown review source");
                }
            }
        });
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return Instant.parse(text);
                } catch (DateTimeParseException e) {
                    throw ctxt.weirdStringException(text, Instant.class, "not an ISO-8601 instant");
                }
            }
        });
        return JsonMapper.builder()
                .addModule(module)
                // A newer build of the same schema may add fields: older readers ignore them.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.INDENT_OUTPUT)
                .build();
    }

    private static java.util.Optional<Category> byName(String text) {
        try {
            return java.util.Optional.of(Category.valueOf(text));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
