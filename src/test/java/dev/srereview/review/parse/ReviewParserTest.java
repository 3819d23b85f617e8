package dev.srereview.review.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.evidence.Severity;
import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.Risk;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What models really write, read the way the contract means it. */
class ReviewParserTest {
    private final ReviewParser parser = new ReviewParser();

    private static String review(String riskHeading, String fields) {
        return """
                ## Operational Readiness Score
                5/10 - Works, fragile.

                ## Production Risks

                %s
                %s

                ## Missing Observability
                - Latency histogram

                ## Resource Concerns
                - Memory

                ## Deployment Checklist
                [ ] Add timeouts
                """.formatted(riskHeading, fields);
    }

    private static final String FIELDS = """
            **Scenario:** Slow upstream.
            **Impact:** Workers block.
            **Detection:** Health checks fail.
            **Mitigation:** Add a timeout.
            **Monitoring:** Alert on p99.""";

    @Test
    void bothHeadingFormsGiveTheSameRisk() {
        Risk shortForm = parser.parse(review("### [P1] No timeout", FIELDS)).toReview().risks().get(0);
        Risk longForm = parser.parse(review("### [Severity: P1] No timeout", FIELDS)).toReview().risks().get(0);
        Risk lower = parser.parse(review("### [severity: p1] No timeout", FIELDS)).toReview().risks().get(0);
        Risk bold = parser.parse(review("### **[P1] No timeout**", FIELDS)).toReview().risks().get(0);
        Risk numbered = parser.parse(review("### 1. [P1] No timeout", FIELDS)).toReview().risks().get(0);
        Risk boldBracket = parser.parse(review("### **[P1]** No timeout", FIELDS)).toReview().risks().get(0);
        Risk emoji = parser.parse(review("### 🔴 [**P1**] No timeout", FIELDS)).toReview().risks().get(0);
        Risk boldLine = parser.parse(review("**[P1] No timeout**", FIELDS)).toReview().risks().get(0);

        assertThat(shortForm.severity()).isEqualTo(Severity.P1);
        assertThat(shortForm.title()).isEqualTo("No timeout");
        assertThat(longForm).isEqualTo(shortForm);
        assertThat(lower).isEqualTo(shortForm);
        assertThat(bold).isEqualTo(shortForm);
        assertThat(numbered).isEqualTo(shortForm);
        assertThat(boldBracket).isEqualTo(shortForm);
        assertThat(emoji).isEqualTo(shortForm);
        assertThat(boldLine).isEqualTo(shortForm);
    }

    @ParameterizedTest
    @ValueSource(strings = {"**Scenario:** Slow upstream.", "**Scenario**: Slow upstream.", "**scenario:** Slow upstream.",
            "**SCENARIO** : Slow upstream.", "Scenario: Slow upstream.", "- **Scenario:** Slow upstream.",
            "__Scenario:__ Slow upstream."})
    void labelVariantsAreRead(String scenarioLine) {
        String fields = FIELDS.replace("**Scenario:** Slow upstream.", scenarioLine);
        ParsedRisk risk = parser.parse(review("### [P1] No timeout", fields)).risks().get(0);

        assertThat(risk.fields()).extracting(ParsedField::label)
                .containsExactly("Scenario", "Impact", "Detection", "Mitigation", "Monitoring");
        assertThat(risk.field("Scenario")).isEqualTo("Slow upstream.");
    }

    @Test
    void windowsLineEndingsAndExtraBlankLinesChangeNothing() {
        String unix = review("### [P1] No timeout", FIELDS);
        String messy = unix.replace("\n", "\n\n\n").replace("\n", "\r\n");

        assertThat(parser.parse(messy).toReview()).isEqualTo(parser.parse(unix).toReview());
        assertThat(parser.parse(messy).warnings()).isEmpty();
    }

    @Test
    void oneOuterFenceIsUnwrappedAndProseBeforeItDroppedWithAWarning() {
        String plain = review("### [P1] No timeout", FIELDS);
        ParsedReview wrapped = parser.parse("Here is my review:\n\n```markdown\n" + plain + "```\n");
        ParsedReview bare = parser.parse("```\n" + plain + "```");

        assertThat(wrapped.toReview()).isEqualTo(parser.parse(plain).toReview());
        assertThat(bare.toReview()).isEqualTo(parser.parse(plain).toReview());
        assertThat(wrapped.warnings()).containsExactly("dropped text before the first section: \"Here is my review:\"");
    }

    @Test
    void headingsInsideCodeBlocksAreNotSections() {
        String fields = FIELDS.replace("**Mitigation:** Add a timeout.", """
                **Mitigation:** Document the runbook:
                ```markdown
                ## Runbook
                ### Step 1
                **Impact:** not a field either
                ```
                then deploy.""");
        ParsedReview parsed = parser.parse(review("### [P1] No timeout", fields));

        assertThat(parsed.sections()).extracting(ParsedSection::kind).containsExactly(SectionKind.values());
        assertThat(parsed.risks()).hasSize(1);
        assertThat(parsed.risks().get(0).field("Mitigation")).isEqualTo("""
                Document the runbook:
                ```markdown
                ## Runbook
                ### Step 1
                **Impact:** not a field either
                ```
                then deploy.""");
        assertThat(parsed.risks().get(0).field("Impact")).isEqualTo("Workers block.");
    }

    @Test
    void thePersonasOwnExampleWithAFenceNestedInTheWrapperIsRead() {
        String example = """
                ```
                ### [P1] No Request Timeout on Model Inference

                **Scenario:** Model receives adversarial input.
                **Impact:** Worker thread blocked indefinitely.
                **Detection:** Health checks will eventually fail.
                **Mitigation:** Add explicit timeout to model.predict():
                ```python
                signal.alarm(30)  # 30 second timeout
                ```
                **Monitoring:** Alert on p99 > 10s.
                ```""";
        ParsedReview parsed = parser.parse("## Production Risks\n" + example.substring(4));
        ParsedReview wrapped = parser.parse(example.replace("```\n### [P1]", "```\n## Production Risks\n### [P1]"));

        assertThat(wrapped.risks()).hasSize(1);
        assertThat(wrapped.risks().get(0).field("Mitigation")).endsWith("signal.alarm(30)  # 30 second timeout\n```");
        assertThat(wrapped.risks().get(0).field("Monitoring")).isEqualTo("Alert on p99 > 10s.");
        assertThat(parsed.risks()).hasSize(1);
    }

    @Test
    void anUnclosedFenceDoesNotSwallowTheRestOfTheReview() {
        String fields = FIELDS.replace("**Mitigation:** Add a timeout.", "**Mitigation:** Add a timeout:\n```python\nrequests.get(url, timeout=3)");
        ParsedReview parsed = parser.parse(review("### [P1] No timeout", fields));

        assertThat(parsed.sections()).extracting(ParsedSection::kind).containsExactly(SectionKind.values());
        assertThat(parsed.risks().get(0).field("Monitoring")).isEqualTo("Alert on p99.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5/10 - Works, fragile.", "5/10 — Works, fragile.", "5/10: Works, fragile.",
            "**5/10** - Works, fragile.", "Score: 5/10 - Works, fragile.", "5 / 10 – Works, fragile.",
            "5/10\nWorks, fragile.", "**5/10**\n\nWorks, fragile."})
    void scoreForms(String scoreBody) {
        String text = review("### [P1] No timeout", FIELDS).replace("5/10 - Works, fragile.", scoreBody);
        ParsedScore score = parser.parse(text).score();

        assertThat(score.value()).isEqualTo(5);
        assertThat(score.justification()).isEqualTo("Works, fragile.");
    }

    @Test
    void hugeScoresDoNotOverflow() {
        String text = review("### [P1] No timeout", FIELDS).replace("5/10 - Works", "99999999999999/10 - Works");

        assertThat(parser.parse(text).score().value()).isGreaterThan(10);
    }

    @Test
    void scoreOnTheHeadingLineIsRead() {
        String text = review("### [P1] No timeout", FIELDS)
                .replace("## Operational Readiness Score\n5/10 - Works, fragile.", "## Operational Readiness Score: 5/10 - Works, fragile.");
        ParsedReview parsed = parser.parse(text);

        assertThat(parsed.sections().get(0).kind()).isEqualTo(SectionKind.SCORE);
        assertThat(parsed.score()).isEqualTo(new ParsedScore("5/10", 5, "Works, fragile."));
    }

    @Test
    void scoreInsideASentenceKeepsTheSentenceAsJustification() {
        String text = review("### [P1] No timeout", FIELDS).replace("5/10 - Works, fragile.", "I would give this 5/10 because it is fragile.");

        assertThat(parser.parse(text).score()).isEqualTo(new ParsedScore("5/10", 5, "I would give this 5/10 because it is fragile."));
    }

    @Test
    void checklistForms() {
        String text = review("### [P1] No timeout", FIELDS).replace("[ ] Add timeouts\n", """
                [ ] Add timeouts
                - [x] Pin versions
                * [X] Health check
                - [] Rate limit
                1. [ ] Graceful shutdown that takes
                   a second line
                """);

        assertThat(parser.parse(text).checklist()).containsExactly(new ChecklistItem("Add timeouts", false),
                new ChecklistItem("Pin versions", true), new ChecklistItem("Health check", true),
                new ChecklistItem("Rate limit", false), new ChecklistItem("Graceful shutdown that takes a second line", false));
    }

    @Test
    void bulletsBecomeItemsAndProseOneItemPerParagraph() {
        String text = review("### [P1] No timeout", FIELDS).replace("## Missing Observability\n- Latency histogram\n", """
                ## Missing Observability
                There are no metrics at all, so an outage
                is noticed by users first.

                Logs lack request ids.
                - Add a latency histogram
                  labelled by model version
                  - and a sub-point kept with it
                * Add error counters

                ```python
                Counter("errors_total")
                ```
                """);
        Review review = parser.parse(text).toReview();

        assertThat(review.missingObservability()).containsExactly(
                "There are no metrics at all, so an outage\nis noticed by users first.",
                "Logs lack request ids.",
                "Add a latency histogram\nlabelled by model version\n- and a sub-point kept with it",
                "Add error counters\n\n```python\nCounter(\"errors_total\")\n```");
    }

    @Test
    void citationsAreBacktickedPathsInTheRisk() {
        String fields = FIELDS.replace("Slow upstream.", "Slow upstream in `app/serve.py:42` and `./app/features.py`,"
                + " see `Dockerfile`, `requirements.txt`, `k8s/` and `app/serve.py:42` again.")
                .replace("Add a timeout.", "Call `requests.get` with a timeout on `/predict`; set `timeout=3`; see `config.yaml:7-9`.");
        Risk risk = parser.parse(review("### [P1] No timeout in `app/client.py`", fields)).toReview().risks().get(0);

        assertThat(risk.evidence()).containsExactly(new Citation("app/client.py", null), new Citation("app/serve.py", 42),
                new Citation("app/features.py", null), new Citation("Dockerfile", null),
                new Citation("requirements.txt", null), new Citation("k8s", null), new Citation("config.yaml", 7));
    }

    @Test
    void pathsInsideCodeBlocksAreNotCitations() {
        String fields = FIELDS.replace("**Mitigation:** Add a timeout.", "**Mitigation:** Fix:\n```bash\necho `cat app/x.py`\n```");

        assertThat(parser.parse(review("### [P1] No timeout", fields)).risks().get(0).evidence()).isEmpty();
    }

    @Test
    void unknownSectionsAndProseBeforeTheFirstRiskAreDroppedWithWarnings() {
        String text = review("### [P1] No timeout", FIELDS)
                .replace("## Production Risks\n", "## Production Risks\nThese are ordered by blast radius.\n")
                .replace("## Missing Observability", "## Summary\nShip it after fixes.\n\n## Missing Observability");
        ParsedReview parsed = parser.parse(text);

        assertThat(parsed.warnings()).containsExactlyInAnyOrder(
                "dropped section \"## Summary\", which is not part of the review format",
                "Production Risks: dropped text before the first risk: \"These are ordered by blast radius.\"");
        assertThat(parsed.toReview().resourceConcerns()).containsExactly("Memory");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "```", "```\n```", "## ", "###", "### [", "**Scenario:**", "[ ]", "## Production Risks\n### [P1",
            "```markdown\n## Operational Readiness Score\n", "\u0000\u0001", "## Deployment Checklist\n```\n[ ] x"})
    void junkNeverThrows(String junk) {
        ParsedReview parsed = parser.parse(junk);

        assertThat(parsed).isNotNull();
        assertThat(parsed.warnings()).isNotNull();
    }

    @Test
    void replyWithoutAnySectionHasNoReview() {
        assertThat(parser.parse("I cannot help with that.").toReview()).isNull();
        assertThat(parser.parse("I cannot help with that.").sections()).isEmpty();
    }

    @Test
    void levelOneOrThreeHeadingsWithExactSectionNamesAreSections() {
        String text = review("### [P1] No timeout", FIELDS).replace("## Missing Observability", "# Missing Observability:")
                .replace("## Resource Concerns", "### **Resource Concerns**");

        assertThat(parser.parse(text).sections()).extracting(ParsedSection::kind).containsExactly(SectionKind.values());
        assertThat(parser.parse(text).risks()).hasSize(1);
    }

    @Test
    void decoratedSectionHeadingsAreRecognised() {
        String text = review("### [P1] No timeout", FIELDS).replace("## Production Risks", "## 🚨 2. Production Risks")
                .replace("## Deployment Checklist", "## ✅ Deployment Checklist:");

        assertThat(parser.parse(text).sections()).extracting(ParsedSection::kind).containsExactly(SectionKind.values());
    }

    @Test
    void aLeadingThinkBlockIsDroppedWithItsHeadings() {
        String plain = review("### [P1] No timeout", FIELDS);
        ParsedReview parsed = parser.parse("<think>\n## Production Risks\nLet me plan the review.\n</think>\n\n" + plain);

        assertThat(parsed.toReview()).isEqualTo(parser.parse(plain).toReview());
        assertThat(parsed.warnings()).containsExactly("dropped the model's <think> block before the review");
    }

    @Test
    void horizontalRulesBetweenRisksAreIgnored() {
        String text = review("### [P1] No timeout", FIELDS + "\n\n---\n\n### [P2] Second\n" + FIELDS + "\n---\n");
        List<Risk> risks = parser.parse(text).toReview().risks();

        assertThat(risks).hasSize(2);
        assertThat(risks.get(0).monitoring()).isEqualTo("Alert on p99.");
        assertThat(risks.get(1).monitoring()).isEqualTo("Alert on p99.");
    }
}
