package dev.srereview.transcript;

import com.fasterxml.jackson.databind.JsonNode;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.review.ChecklistItem;
import dev.srereview.review.Citation;
import dev.srereview.review.Review;
import dev.srereview.review.ReviewOutcome;
import dev.srereview.review.ReviewStats;
import dev.srereview.review.Risk;
import dev.srereview.review.Score;
import dev.srereview.review.Source;
import dev.srereview.review.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the JSON review of review-contract.md §2 back into a {@link ReviewOutcome}, so {@code compare} accepts
 * what {@code review --format json} wrote. Lenient on what compare does not need: a finding with a category this
 * build does not know is left out (logged), missing lists are empty. The markdown is not part of that JSON: null.
 */
final class ContractJsonReader {
    private static final Logger LOG = LoggerFactory.getLogger(ContractJsonReader.class);

    private ContractJsonReader() {
    }

    /** True when {@code node} has the shape of a contract JSON review. */
    static boolean looksLikeReview(JsonNode node) {
        return node != null && node.isObject() && node.has("score") && node.has("risks");
    }

    /** @throws IllegalArgumentException when a required part (score value, a risk's severity) is missing or wrong */
    static ReviewOutcome read(JsonNode n) {
        JsonNode score = n.path("score");
        if (!score.path("value").canConvertToInt()) {
            throw new IllegalArgumentException("score.value is missing");
        }
        List<Risk> risks = new ArrayList<>();
        for (JsonNode r : n.path("risks")) {
            risks.add(new Risk(Severity.parse(r.path("severity").asText()), r.path("title").asText(""),
                    r.path("scenario").asText(""), r.path("impact").asText(""), r.path("detection").asText(""),
                    r.path("mitigation").asText(""), r.path("monitoring").asText(""), citations(r.path("evidence"))));
        }
        List<ChecklistItem> checklist = new ArrayList<>();
        for (JsonNode c : n.path("checklist")) {
            checklist.add(new ChecklistItem(c.path("item").asText(""), c.path("done").asBoolean(false)));
        }
        Review review = new Review(new Score(score.path("value").asInt(), score.path("justification").asText("")),
                risks, strings(n.path("missingObservability")), strings(n.path("resourceConcerns")), checklist);
        JsonNode v = n.path("validation");
        JsonNode s = n.path("stats");
        return new ReviewOutcome(n.path("target").asText(""), source(n.path("source").asText("")),
                n.path("model").isTextual() ? n.path("model").asText() : null, review, null,
                new Validation(v.path("valid").asBoolean(true), v.path("repairs").asInt(0), strings(v.path("warnings"))),
                new ReviewStats(s.path("filesScanned").asInt(0), s.path("filesSent").asInt(0),
                        s.path("promptTokens").asInt(0), s.path("secretsRedacted").asInt(0), s.path("elapsedMs").asLong(0)),
                findings(n.path("findings")), null, null);
    }

    private static List<Finding> findings(JsonNode array) {
        List<Finding> out = new ArrayList<>();
        for (JsonNode f : array) {
            Optional<Category> category = Category.fromId(f.path("category").asText(""));
            if (category.isEmpty()) {
                LOG.warn("finding {} has a category this build does not know ({}): left out of the comparison",
                        f.path("ruleId").asText("?"), f.path("category").asText(""));
                continue;
            }
            out.add(new Finding(f.path("ruleId").asText(""), category.get(), Severity.parse(f.path("severity").asText()),
                    f.path("path").asText(""), Math.max(1, f.path("line").asInt(1)), f.path("message").asText(""),
                    f.path("snippet").asText(""), f.path("fix").asText("")));
        }
        return out;
    }

    private static List<Citation> citations(JsonNode array) {
        List<Citation> out = new ArrayList<>();
        for (JsonNode c : array) {
            if (c.isTextual()) {
                out.add(new Citation(c.asText(), null));
            } else {
                out.add(new Citation(c.path("path").asText(""), c.path("line").canConvertToInt() ? c.path("line").asInt() : null));
            }
        }
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : array) {
            out.add(s.asText());
        }
        return out;
    }

    private static Source source(String id) {
        try {
            return Source.valueOf(id.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            LOG.debug("unknown review source '{}', read as offline", id);
            return Source.OFFLINE;
        }
    }
}
