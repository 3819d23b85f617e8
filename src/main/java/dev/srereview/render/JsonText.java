package dev.srereview.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

/** Pretty JSON with "\n" line ends on every platform (golden files and diffs stay stable). */
final class JsonText {
    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    JsonText(ObjectMapper mapper) {
        this.mapper = mapper;
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentArraysWith(indenter);
        printer.indentObjectsWith(indenter);
        this.writer = mapper.writer(printer);
    }

    ObjectMapper mapper() {
        return mapper;
    }

    String write(JsonNode node) {
        try {
            return writer.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            // a tree of plain nodes always serialises; reaching here is a bug worth its stack trace
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
