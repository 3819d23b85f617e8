package dev.srereview.render;

import dev.srereview.review.Review;
import dev.srereview.review.ReviewValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Speed of the format stage (not a test: nothing here asserts time). Run after {@code mvn -o test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) dev.srereview.render.FormatBench
 * src/test/resources/replies/valid.md} (cp.txt from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 */
public final class FormatBench {
    private static final int WARMUP = 2_000;
    private static final int RUNS = 20_000;

    private FormatBench() {
    }

    public static void main(String[] args) throws IOException {
        String reply = Files.readString(Path.of(args.length > 0 ? args[0] : "src/test/resources/replies/valid.md"));
        ReviewValidator validator = new ReviewValidator();
        for (int i = 0; i < WARMUP; i++) {
            validator.validate(reply, p -> true);
        }
        long start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            validator.validate(reply, p -> true);
        }
        report("parse+validate", reply.length(), start);
        Review review = validator.validate(reply, p -> true).review();
        MarkdownRenderer markdown = new MarkdownRenderer();
        TerminalRenderer terminal = new TerminalRenderer(100, true);
        start = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            markdown.render(review);
            terminal.render(review);
        }
        report("markdown+terminal render", reply.length(), start);
    }

    private static void report(String what, int chars, long startNanos) {
        double micros = (System.nanoTime() - startNanos) / 1e3 / RUNS;
        System.out.printf(Locale.ROOT, "%s of a %d-char reply: %.1f us each (%d runs)%n", what, chars, micros, RUNS);
    }
}
