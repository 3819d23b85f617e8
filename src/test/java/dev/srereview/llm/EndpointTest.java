package dev.srereview.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void keepsAV1UrlAndDropsTheTrailingSlash() {
        assertThat(Endpoint.parse("https://api.openai.com/v1/").baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(Endpoint.parse("https://api.openai.com/v1").host()).isEqualTo("api.openai.com");
    }

    @Test
    void addsV1WhenThereIsNoPathAtAll() {
        Endpoint e = Endpoint.parse("http://localhost:11434");
        assertThat(e.baseUrl()).isEqualTo("http://localhost:11434/v1");
        assertThat(e.host()).isEqualTo("localhost:11434");
    }

    @Test
    void keepsAnotherPathAsWritten() {
        assertThat(Endpoint.parse("https://example.com/v1beta/openai/").baseUrl())
                .isEqualTo("https://example.com/v1beta/openai");
    }

    @Test
    void rejectsWhatIsNotAnHttpUrl() {
        assertThatThrownBy(() -> Endpoint.parse("localhost:8080/v1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("llm.baseUrl 'localhost:8080/v1'");
        assertThatThrownBy(() -> Endpoint.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
