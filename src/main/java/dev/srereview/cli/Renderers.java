package dev.srereview.cli;

import dev.srereview.render.ReviewFormat;
import dev.srereview.render.ReviewRenderer;
import dev.srereview.render.TerminalRenderer;

/** Picks the render stage's renderer for an output. */
final class Renderers {
    private Renderers() {
    }

    /** The REPL (and an interactive {@code review}): wrapped to the width, colour when allowed. */
    static ReviewRenderer terminal(int width, boolean color) {
        return new TerminalRenderer(width, color);
    }

    /**
     * @param interactive stdout is a terminal and NO_COLOR is unset: markdown is then shown by the terminal renderer
     */
    static ReviewRenderer forFormat(OutputFormat format, boolean interactive, int width) {
        if (format == OutputFormat.markdown && interactive) {
            return terminal(width, true);
        }
        return ReviewFormat.parse(format.name()).renderer(ManifestVersion.version());
    }
}
