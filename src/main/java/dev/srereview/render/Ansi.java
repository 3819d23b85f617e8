package dev.srereview.render;

import dev.srereview.evidence.Severity;

/** The few ANSI styles the terminal view uses; with colour off every style is the empty string. */
final class Ansi {
    static final String RESET = "\u001b[0m";
    static final String BOLD = "\u001b[1m";
    static final String RED = "\u001b[31m";
    static final String BOLD_RED = "\u001b[1;31m";
    static final String YELLOW = "\u001b[33m";
    static final String GREEN = "\u001b[32m";
    static final String CYAN = "\u001b[36m";
    static final String DIM = "\u001b[2m";

    private final boolean on;

    Ansi(boolean on) {
        this.on = on;
    }

    String style(String style, String text) {
        return on && !text.isEmpty() && !style.isEmpty() ? style + text + RESET : text;
    }

    /** P0 bold red, P1 red, P2 yellow, P3 cyan. */
    static String severity(Severity severity) {
        if (severity == null) {
            return BOLD;
        }
        return switch (severity) {
            case P0 -> BOLD_RED;
            case P1 -> RED;
            case P2 -> YELLOW;
            case P3 -> CYAN;
        };
    }

    /** The score by band: 0–3 red, 4–6 yellow, 7–10 green. */
    static String score(int value) {
        if (value <= 3) {
            return RED;
        }
        return value <= 6 ? YELLOW : GREEN;
    }
}
