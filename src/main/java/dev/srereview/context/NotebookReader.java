package dev.srereview.context;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Extracts the code cells of a Jupyter notebook, without outputs (images, tracebacks, printed data) and
 * without markdown. Streams the JSON, so a notebook with megabytes of embedded plots costs no memory.
 * Each cell starts with a {@code # %% [cell N]} line; line numbers refer to this view of the notebook.
 */
final class NotebookReader {
    /** Larger notebooks are left out rather than parsed. */
    static final long MAX_NOTEBOOK_BYTES = 64L << 20;

    private final JsonFactory json = new JsonFactory();

    /** @throws IOException also when the file is not notebook JSON */
    String codeCells(Path file) throws IOException {
        StringBuilder out = new StringBuilder();
        try (InputStream in = Files.newInputStream(file); JsonParser p = json.createParser(in)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a notebook (no top-level object)");
            }
            int cellNo = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("cells".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        cellNo++;
                        readCell(p, cellNo, out);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        return out.toString();
    }

    private static void readCell(JsonParser p, int cellNo, StringBuilder out) throws IOException {
        String type = null;
        String source = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            if ("cell_type".equals(field) && value == JsonToken.VALUE_STRING) {
                type = p.getText();
            } else if ("source".equals(field)) {
                source = readSource(p, value);
            } else {
                p.skipChildren(); // outputs, metadata, attachments
            }
        }
        if ("code".equals(type)) {
            out.append("# %% [cell ").append(cellNo).append("]\n").append(source);
            if (!source.endsWith("\n")) {
                out.append('\n');
            }
        }
    }

    /** nbformat allows the source as one string or as a list of lines. */
    private static String readSource(JsonParser p, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.START_ARRAY) {
            StringBuilder sb = new StringBuilder();
            while (p.nextToken() == JsonToken.VALUE_STRING) {
                sb.append(p.getText());
            }
            return sb.toString();
        }
        p.skipChildren();
        return "";
    }
}
