package dev.srereview.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.srereview.evidence.Finding;
import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewStats;
import dev.srereview.review.Risk;
import dev.srereview.review.Source;
import dev.srereview.review.Validation;
import java.util.List;

/** The contract's JSON review object (review-contract.md section 2), schemaVersion 1. */
public final class JsonRenderer implements ReviewRenderer {
    public static final int SCHEMA_VERSION = 1;

    private final JsonText json;

    public JsonRenderer() {
        this(new ObjectMapper());
    }

    public JsonRenderer(ObjectMapper mapper) {
        this.json = new JsonText(mapper);
    }

    @Override
    public String render(ReviewOutcome outcome) {
        return json.write(toJson(outcome));
    }

    /** The object itself, for callers that embed it (a transcript line, a test). */
    public ObjectNode toJson(ReviewOutcome outcome) {
        ObjectNode root = json.mapper().createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("target", outcome.target());
        root.put("source", outcome.source().id());
        // an offline review used no model, even when one was configured and failed
        root.put("model", outcome.source() == Source.OFFLINE ? null : outcome.model());
        Review review = outcome.review();
        if (review == null || review.score() == null) {
            root.putNull("score");
        } else {
            ObjectNode score = root.putObject("score");
            score.put("value", review.score().value());
            score.put("outOf", 10);
            score.put("justification", review.score().justification());
        }
        ArrayNode risks = root.putArray("risks");
        List<Risk> riskList = review == null ? List.of() : review.risks();
        riskList.forEach(r -> risk(risks.addObject(), r));
        strings(root.putArray("missingObservability"), review == null ? List.of() : review.missingObservability());
        strings(root.putArray("resourceConcerns"), review == null ? List.of() : review.resourceConcerns());
        ArrayNode checklist = root.putArray("checklist");
        for (ChecklistItem item : review == null ? List.<ChecklistItem>of() : review.checklist()) {
            checklist.addObject().put("item", item.item()).put("done", item.done());
        }
        ArrayNode findings = root.putArray("findings");
        outcome.findings().forEach(f -> finding(findings.addObject(), f));
        validation(root.putObject("validation"), outcome.validation());
        stats(root.putObject("stats"), outcome.stats());
        return root;
    }

    private static void risk(ObjectNode node, Risk r) {
        node.put("severity", r.severity() == null ? null : r.severity().name());
        node.put("title", r.title());
        node.put("scenario", r.scenario());
        node.put("impact", r.impact());
        node.put("detection", r.detection());
        node.put("mitigation", r.mitigation());
        node.put("monitoring", r.monitoring());
        ArrayNode evidence = node.putArray("evidence");
        for (Citation c : r.evidence()) {
            ObjectNode e = evidence.addObject();
            e.put("path", c.path());
            if (c.line() == null) {
                e.putNull("line");
            } else {
                e.put("line", c.line());
            }
        }
    }

    private static void finding(ObjectNode node, Finding f) {
        node.put("ruleId", f.ruleId());
        node.put("category", f.category().id());
        node.put("severity", f.severity().name());
        node.put("path", f.path());
        node.put("line", f.line());
        node.put("message", f.message());
        node.put("snippet", f.snippet());
    }

    private static void validation(ObjectNode node, Validation v) {
        node.put("valid", v != null && v.valid());
        node.put("repairs", v == null ? 0 : v.repairs());
        strings(node.putArray("warnings"), v == null ? List.of() : v.warnings());
    }

    private static void stats(ObjectNode node, ReviewStats s) {
        ReviewStats stats = s == null ? new ReviewStats(0, 0, 0, 0, 0) : s;
        node.put("filesScanned", stats.filesScanned());
        node.put("filesSent", stats.filesSent());
        node.put("promptTokens", stats.promptTokens());
        node.put("secretsRedacted", stats.secretsRedacted());
        node.put("elapsedMs", stats.elapsedMs());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
