package dev.srereview.cli;

import dev.srereview.render.ReviewRenderer;

/** Picks the renderer for an output (the render stage's classes). */
final class Renderers {
    private Renderers() {
    }

    /** The REPL and an interactive {@code review}: the review as the terminal shows it. */
    static ReviewRenderer terminal(int width, boolean color) {
        return outcome -> outcome.markdown();
    }

    /**
     * @param terminal true when stdout is a terminal and colour is allowed (markdown then uses the terminal renderer)
     * @throws UnsupportedOperationException when this build has no renderer for the format
     */
    static ReviewRenderer forFormat(OutputFormat format, boolean terminal, int width) {
        return switch (format) {
            case markdown -> terminal ? terminal(width, true) : outcome -> outcome.markdown();
            case json, sarif -> throw new UnsupportedOperationException(
                    "--format " + format + " is not available in this build yet");
        };
    }
}
