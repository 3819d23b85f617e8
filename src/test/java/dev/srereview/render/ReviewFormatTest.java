package dev.srereview.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReviewFormatTest {
    @Test
    void parsesTheCommandLineNames() {
        assertThat(ReviewFormat.parse("markdown")).isEqualTo(ReviewFormat.MARKDOWN);
        assertThat(ReviewFormat.parse("md")).isEqualTo(ReviewFormat.MARKDOWN);
        assertThat(ReviewFormat.parse("JSON")).isEqualTo(ReviewFormat.JSON);
        assertThat(ReviewFormat.parse(" sarif ")).isEqualTo(ReviewFormat.SARIF);
    }

    @Test
    void rejectsOthersWithOneLineNamingTheChoices() {
        assertThatThrownBy(() -> ReviewFormat.parse("xml")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format \"xml\": use one of markdown, json, sarif");
    }

    @Test
    void eachFormatHasItsRenderer() {
        assertThat(ReviewFormat.MARKDOWN.renderer("1")).isInstanceOf(MarkdownRenderer.class);
        assertThat(ReviewFormat.JSON.renderer("1")).isInstanceOf(JsonRenderer.class);
        assertThat(ReviewFormat.SARIF.renderer("1")).isInstanceOf(SarifRenderer.class);
        assertThat(ReviewFormat.SARIF.renderer("1").render(SampleOutcomes.llm())).contains("\"version\": \"2.1.0\"");
    }
}
