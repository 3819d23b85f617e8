package dev.srereview.context;

import java.util.List;

/**
 * What goes into the prompt from the repository, chosen within the token budget.
 *
 * @param text      the files to send, each under a header with its path (cut points marked), then a compact
 *                  tree naming everything left out (path and size) so the model knows what exists
 * @param sentPaths paths sent whole or cut
 * @param leftOut   everything not sent, with the reason
 * @param tokens    tokens of {@code text} in the configured encoding
 */
public record PackedContext(String text, List<String> sentPaths, List<LeftOut> leftOut, int tokens) {
    public PackedContext {
        sentPaths = List.copyOf(sentPaths);
        leftOut = List.copyOf(leftOut);
    }
}
