package dev.srereview.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract's JSON object: every field, in the contract's shape. */
class JsonRendererTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final JsonRenderer renderer = new JsonRenderer();

    @Test
    void hasEveryContractFieldInOrder() throws IOException {
        JsonNode json = mapper.readTree(renderer.render(SampleOutcomes.llm()));
        List<String> keys = new ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);

        assertThat(keys).containsExactly("schemaVersion", "target", "source", "model", "score", "risks",
                "missingObservability", "resourceConcerns", "checklist", "findings", "validation", "stats");
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("source").asText()).isEqualTo("llm");
        assertThat(json.get("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(json.at("/score/value").asInt()).isEqualTo(4);
        assertThat(json.at("/score/outOf").asInt()).isEqualTo(10);
        assertThat(json.at("/risks/0/severity").asText()).isEqualTo("P0");
        assertThat(json.at("/risks/0/evidence/0/path").asText()).isEqualTo("app/serve.py");
        assertThat(json.at("/risks/0/evidence/0/line").asInt()).isEqualTo(31);
        assertThat(json.at("/risks/2/evidence/0/line").isNull()).isTrue();
        assertThat(json.at("/checklist/1/done").asBoolean()).isTrue();
        assertThat(json.at("/findings/1/category").asText()).isEqualTo("missing-timeout");
        assertThat(json.at("/findings/1/ruleId").asText()).isEqualTo("PY-TIMEOUT-001");
        assertThat(json.at("/validation/valid").asBoolean()).isTrue();
        assertThat(json.at("/validation/repairs").asInt()).isEqualTo(1);
        assertThat(json.at("/stats/promptTokens").asInt()).isEqualTo(11234);
        List<String> findingKeys = new ArrayList<>();
        json.at("/findings/0").fieldNames().forEachRemaining(findingKeys::add);
        assertThat(findingKeys).containsExactly("ruleId", "category", "severity", "path", "line", "message", "snippet");
    }

    @Test
    void offlineReviewHasANullModelAndLowerCaseSource() throws IOException {
        JsonNode json = mapper.readTree(renderer.render(SampleOutcomes.offlineFallback()));

        assertThat(json.get("source").asText()).isEqualTo("offline");
        assertThat(json.get("model").isNull()).isTrue();
        assertThat(json.get("findings")).hasSize(5);
    }

    @Test
    void matchesGoldenFile() throws IOException {
        GoldenFiles.assertMatches("review.json", renderer.render(SampleOutcomes.llm()));
    }
}
