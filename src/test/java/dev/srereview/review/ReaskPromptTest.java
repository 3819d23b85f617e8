package dev.srereview.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReaskPromptTest {
    @Test
    void listsEveryViolationVerbatimAndTheDanglingPaths() {
        String violation = "Production Risks › \"[P1] No request timeout\": field **Detection:** is missing";
        String prompt = new ReaskPrompt().build(List.of(violation, "section \"## Resource Concerns\" is missing"),
                List.of("app/server.py"));

        assertThat(prompt).contains("- " + violation + "\n")
                .contains("- section \"## Resource Concerns\" is missing")
                .contains("- `app/server.py`")
                .contains("full review")
                .contains("## Operational Readiness Score").contains("## Deployment Checklist")
                .doesNotContain("{{");
    }

    @Test
    void saysNoneWhenThereIsNoDanglingCitation() {
        String prompt = new ReaskPrompt().build(List.of("section \"## Production Risks\" is empty"), List.of());

        assertThat(prompt).contains("- (none)").doesNotContain("{{dangling}}");
    }

    @Test
    void aValidReviewRenderedFromTheTemplateExampleWouldPass() {
        // the format the re-ask shows must itself be the contract's: its skeleton validates except for placeholders
        String prompt = new ReaskPrompt().build(List.of("x"), List.of());
        String skeleton = prompt.substring(prompt.indexOf("## Operational Readiness Score"))
                .replace("N/10", "5/10").replaceAll("\\(one `###.*\\n", "");

        assertThat(new ReviewValidator().validate(skeleton, p -> true).violations()).isEmpty();
    }

    @Test
    void rejectsATemplateWithoutThePlaceholder() {
        assertThatThrownBy(() -> new ReaskPrompt("no placeholder")).isInstanceOf(IllegalArgumentException.class);
    }
}
