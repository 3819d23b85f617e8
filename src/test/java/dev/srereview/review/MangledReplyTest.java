package dev.srereview.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pipeline relies on the validator never throwing, whatever arrives: every corpus reply cut short at
 * every line (a stream that broke off), with each line deleted, and with lines shuffled (fixed seed) gives
 * a report; a report without violations always carries a review.
 */
class MangledReplyTest {
    private final ReviewValidator validator = new ReviewValidator();

    static List<String> replies() throws Exception {
        return ReplyCorpusTest.replies().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replies")
    void neverThrowsOnABrokenReply(String name) throws IOException {
        List<String> lines = ReplyCorpusTest.read("/replies/" + name + ".md").lines().toList();
        List<String> variants = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            variants.add(String.join("\n", lines.subList(0, i)));
            if (i < lines.size()) {
                List<String> without = new ArrayList<>(lines);
                without.remove(i);
                variants.add(String.join("\n", without));
            }
        }
        Random random = new Random(name.hashCode());
        for (int k = 0; k < 20; k++) {
            List<String> shuffled = new ArrayList<>(lines);
            java.util.Collections.shuffle(shuffled, random);
            variants.add(String.join("\n", shuffled));
        }
        for (String variant : variants) {
            ValidationReport report = validator.validate(variant, ReplyCorpusTest.TREE::contains);
            assertThat(report).isNotNull();
            if (report.violations().isEmpty()) {
                assertThat(report.review()).as(variant).isNotNull();
                assertThat(report.review().score()).as(variant).isNotNull();
                assertThat(report.review().risks()).as(variant).isNotEmpty()
                        .allMatch(r -> r.severity() != null && !r.scenario().isBlank() && !r.monitoring().isBlank());
                assertThat(report.review().checklist()).as(variant).isNotEmpty();
            }
        }
    }
}
