package dev.srereview.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.Risk;
import dev.srereview.review.Source;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 (review-contract.md section 3): one run, the rules that fired, one result per finding, and the
 * LLM's risks as {@code LLM-RISK} results, one per risk, at the locations they cite (an offline review adds none).
 * GitHub code scanning rejects an upload holding a result without a location, so a risk that cites no file is
 * shown at the file the evidence starts from, marked {@code properties.cited: false}.
 */
public final class SarifRenderer implements ReviewRenderer {
    public static final String TOOL_NAME = "sre-review";
    public static final String LLM_RULE = "LLM-RISK";
    static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    /** GitHub code scanning reads at most this many locations per result. */
    private static final int MAX_LOCATIONS = 10;

    private final String toolVersion;
    private final JsonText json;

    public SarifRenderer(String toolVersion) {
        this(toolVersion, new ObjectMapper());
    }

    public SarifRenderer(String toolVersion, ObjectMapper mapper) {
        this.toolVersion = toolVersion == null || toolVersion.isBlank() ? "0.0.0" : toolVersion;
        this.json = new JsonText(mapper);
    }

    @Override
    public String render(ReviewOutcome outcome) {
        ObjectNode root = json.mapper().createObjectNode();
        root.put("$schema", SCHEMA_URI);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", TOOL_NAME);
        driver.put("version", toolVersion);
        driver.put("semanticVersion", toolVersion.matches("\\d+\\.\\d+\\.\\d+.*") ? toolVersion : "0.0.0");
        ArrayNode rules = driver.putArray("rules");
        ArrayNode results = run.putArray("results");
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (Finding f : outcome.findings()) {
            int index = ruleIndex.computeIfAbsent(f.ruleId(), id -> addRule(rules, f));
            finding(results.addObject(), f, index);
        }
        List<Risk> risks = outcome.review() == null || !fromModel(outcome) ? List.of() : outcome.review().risks();
        String anchor = anchor(outcome, risks);
        List<String> unlocated = new java.util.ArrayList<>();
        for (Risk risk : risks) {
            if (risk.evidence().isEmpty() && anchor == null) {
                // the review points at no file at all (a clean repository, no citation): a result with no location
                // would make GitHub refuse the whole upload, so the risk is listed on the run instead
                unlocated.add(headline(risk));
                continue;
            }
            int index = ruleIndex.computeIfAbsent(LLM_RULE, id -> addLlmRule(rules));
            risk(results.addObject(), risk, index, anchor);
        }
        ObjectNode props = run.putObject("properties");
        props.put("target", outcome.target());
        props.put("source", outcome.source().id());
        if (!unlocated.isEmpty()) {
            ArrayNode list = props.putArray("unlocatedRisks");
            unlocated.forEach(list::add);
        }
        return json.write(root);
    }

    /**
     * Only a model's risks are {@code LLM-RISK} results: an offline review's risks are the findings again,
     * grouped, and would show every finding twice in code scanning.
     */
    static boolean fromModel(ReviewOutcome outcome) {
        return outcome.source() == Source.LLM || outcome.source() == Source.REPLAY && outcome.model() != null;
    }

    private static int addRule(ArrayNode rules, Finding f) {
        ObjectNode rule = rules.addObject();
        rule.put("id", f.ruleId());
        rule.put("name", camel(f.category()));
        rule.putObject("shortDescription").put("text", describe(f.category()));
        rule.putObject("defaultConfiguration").put("level", level(f.severity()));
        ObjectNode props = rule.putObject("properties");
        props.put("category", f.category().id());
        props.putArray("tags").add(f.category().id());
        return rules.size() - 1;
    }

    private static int addLlmRule(ArrayNode rules) {
        ObjectNode rule = rules.addObject();
        rule.put("id", LLM_RULE);
        rule.put("name", "LlmProductionRisk");
        rule.putObject("shortDescription").put("text", "Production risk named by the LLM reviewer");
        rule.putObject("defaultConfiguration").put("level", "warning");
        rule.putObject("properties").put("category", "llm-risk");
        return rules.size() - 1;
    }

    private static void finding(ObjectNode result, Finding f, int ruleIndex) {
        result.put("ruleId", f.ruleId());
        result.put("ruleIndex", ruleIndex);
        result.put("level", level(f.severity()));
        result.putObject("message").put("text", f.message().isBlank() ? describe(f.category()) : f.message());
        location(result.putArray("locations"), f.path(), f.line());
        ObjectNode props = result.putObject("properties");
        props.put("severity", f.severity().name());
        props.put("category", f.category().id());
        if (!f.fix().isBlank()) {
            props.put("fix", f.fix());
        }
    }

    private static void risk(ObjectNode result, Risk risk, int ruleIndex, String anchor) {
        result.put("ruleId", LLM_RULE);
        result.put("ruleIndex", ruleIndex);
        result.put("level", risk.severity() == null ? "warning" : level(risk.severity()));
        String text = headline(risk) + "\n\nScenario: " + risk.scenario() + "\nImpact: " + risk.impact()
                + "\nMitigation: " + risk.mitigation();
        result.putObject("message").put("text", text);
        ArrayNode locations = result.putArray("locations");
        risk.evidence().stream().limit(MAX_LOCATIONS).forEach(c -> location(locations, c.path(), c.line()));
        ObjectNode props = result.putObject("properties");
        props.put("severity", risk.severity() == null ? null : risk.severity().name());
        props.put("title", risk.title());
        if (risk.evidence().isEmpty()) {
            props.put("cited", false);
            if (anchor != null) {
                // GitHub code scanning refuses a whole upload over one result with no location: a risk that cites
                // nothing is shown at the file the review's evidence starts from, and says so
                location(locations, anchor, 1);
                props.put("anchor", "the risk cites no file; shown at " + anchor);
            }
        }
    }

    /**
     * Where a risk that cites no file is shown: the first finding's file, else the first file another risk cites;
     * null when the review points at no file at all.
     */
    private static String anchor(ReviewOutcome outcome, List<Risk> risks) {
        if (!outcome.findings().isEmpty()) {
            return outcome.findings().get(0).path();
        }
        return risks.stream().flatMap(r -> r.evidence().stream()).map(c -> c.path()).findFirst().orElse(null);
    }

    /**
     * Every location has a region (review-contract.md section 3): a citation of a whole file ({@code app/serve.py}
     * with no line) is shown at its first line, as code scanning shows file-level results.
     */
    private static void location(ArrayNode locations, String path, Integer line) {
        ObjectNode physical = locations.addObject().putObject("physicalLocation");
        physical.putObject("artifactLocation").put("uri", uri(path));
        physical.putObject("region").put("startLine", line != null && line >= 1 ? line : 1);
    }

    static String headline(Risk risk) {
        return (risk.severity() == null ? "" : "[" + risk.severity() + "] ") + risk.title();
    }

    /** error for P0 and P1, warning for P2, note for P3 (the contract's levels). */
    static String level(Severity severity) {
        return switch (severity) {
            case P0, P1 -> "error";
            case P2 -> "warning";
            case P3 -> "note";
        };
    }

    /** A relative path as a URI reference: '/' kept, anything outside the unreserved set percent-encoded. */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String camel(Category category) {
        StringBuilder out = new StringBuilder();
        for (String part : category.id().split("-")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    private static String describe(Category category) {
        String words = category.id().replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
