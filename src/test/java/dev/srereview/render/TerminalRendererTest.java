package dev.srereview.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.review.ReviewValidator;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The terminal view: colour where it helps, wrapped to the width, plain markdown without colour. */
class TerminalRendererTest {
    private static final String ESC = "\u001b[";

    @Test
    void plainAndUnwrappedIsExactlyTheContractMarkdown() {
        String plain = new TerminalRenderer(0, false).render(SampleOutcomes.review());

        assertThat(plain).isEqualTo(new MarkdownRenderer().render(SampleOutcomes.review()));
    }

    @Test
    void plainWrappedOutputIsStillAValidReview() {
        String plain = new TerminalRenderer(60, false).render(SampleOutcomes.review());

        assertThat(plain).doesNotContain(ESC);
        assertThat(new ReviewValidator().validate(plain, p -> true).violations()).isEmpty();
    }

    @Test
    void linesFitTheWidthExceptCode() {
        String out = new TerminalRenderer(50, false).render(SampleOutcomes.llm());

        assertThat(out.lines().filter(l -> l.length() > 50)).allMatch(l -> l.contains("return {\"score\"")
                || l.contains("log.exception(") || l.startsWith("#") || l.startsWith("Offline") || !l.contains(" "));
        assertThat(out).contains("\n### [P0] Model weights loaded on every request\n");
        assertThat(out).contains("    return {\"score\": float(MODEL.predict([req.features])[0])}");
    }

    @Test
    void coloursSeveritiesScoreHeadingsAndSetsCodeApart() {
        String out = new TerminalRenderer(100, true).render(SampleOutcomes.review());

        assertThat(out).contains(Ansi.BOLD_RED + "### [P0] Model weights loaded on every request" + Ansi.RESET)
                .contains(Ansi.RED + "### [P1] No request timeout on the feature store" + Ansi.RESET)
                .contains(Ansi.YELLOW + "### [P2] Unpinned dependencies" + Ansi.RESET)
                .contains(Ansi.CYAN + "### [P3] Print instead of logging" + Ansi.RESET)
                .contains(Ansi.BOLD + Ansi.YELLOW + "4/10" + Ansi.RESET)
                .contains(Ansi.BOLD + "## Production Risks" + Ansi.RESET)
                .contains(Ansi.BOLD + "Scenario:" + Ansi.RESET + " Every call")
                .contains("    MODEL = joblib.load(os.environ[\"MODEL_PATH\"])")
                .doesNotContain("```")
                .doesNotContain("**Scenario:**");
    }

    @Test
    void colourOnlyOnATerminalWithoutNoColor() {
        assertThat(TerminalRenderer.colorWanted(java.util.Map.of(), true)).isTrue();
        assertThat(TerminalRenderer.colorWanted(java.util.Map.of(), false)).isFalse();
        assertThat(TerminalRenderer.colorWanted(java.util.Map.of("NO_COLOR", "1"), true)).isFalse();
        assertThat(TerminalRenderer.colorWanted(java.util.Map.of("NO_COLOR", ""), true)).isTrue();
        assertThat(TerminalRenderer.colorWanted(java.util.Map.of("TERM", "dumb"), true)).isFalse();
    }

    @Test
    void scoreBands() {
        assertThat(Ansi.score(0)).isEqualTo(Ansi.RED);
        assertThat(Ansi.score(3)).isEqualTo(Ansi.RED);
        assertThat(Ansi.score(4)).isEqualTo(Ansi.YELLOW);
        assertThat(Ansi.score(6)).isEqualTo(Ansi.YELLOW);
        assertThat(Ansi.score(7)).isEqualTo(Ansi.GREEN);
        assertThat(Ansi.score(10)).isEqualTo(Ansi.GREEN);
    }

    @Test
    void fallbackBannerFirstAndWarningsLast() {
        String out = new TerminalRenderer(80, false).render(SampleOutcomes.offlineFallback());
        String llm = new TerminalRenderer(80, false).render(SampleOutcomes.llm());

        assertThat(out.lines().findFirst()).contains(
                "Offline review (from the tool's own evidence): the model's replies broke the review format 3 times");
        assertThat(llm.strip().lines().reduce((a, b) -> b)).contains("Warning: dropped text before the first section: \"Sure!\"");
        assertThat(llm).doesNotContain("Offline review");
    }

    @Test
    void matchesGoldenFiles() throws IOException {
        GoldenFiles.assertMatches("terminal-plain.txt", new TerminalRenderer(72, false).render(SampleOutcomes.offlineFallback()));
        GoldenFiles.assertMatches("terminal-color.txt", new TerminalRenderer(72, true).render(SampleOutcomes.llm()));
    }
}
