package dev.srereview.review;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Bodies in the OpenAI chat-completions wire format, for WireMock stubs (this package's tests and the CLI's). */
public final class OpenAiWire {
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiWire() {
    }

    /** A streamed answer: content in a few chunks, a usage chunk, then [DONE]. */
    public static String sse(String content) {
        StringBuilder out = new StringBuilder();
        int step = Math.max(1, content.length() / 5);
        for (int i = 0; i < content.length(); i += step) {
            out.append("data: ").append(chunk(content.substring(i, Math.min(content.length(), i + step)), null))
                    .append("\n\n");
        }
        out.append("data: ").append(chunk(null, "stop")).append("\n\n");
        ObjectNode usage = base();
        usage.putArray("choices");
        usage.putObject("usage").put("prompt_tokens", 1200).put("completion_tokens", 400).put("total_tokens", 1600);
        out.append("data: ").append(usage).append("\n\n");
        out.append("data: [DONE]\n\n");
        return out.toString();
    }

    private static String chunk(String content, String finish) {
        ObjectNode node = base();
        ObjectNode choice = node.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (content != null) {
            delta.put("content", content);
        }
        if (finish == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finish);
        }
        return node.toString();
    }

    private static ObjectNode base() {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "chatcmpl-test");
        node.put("object", "chat.completion.chunk");
        node.put("created", 1764000000L);
        node.put("model", "gpt-test");
        return node;
    }
}
