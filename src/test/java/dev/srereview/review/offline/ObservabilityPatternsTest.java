package dev.srereview.review.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.srereview.context.TextFiles;
import dev.srereview.evidence.common.AnchoredPattern;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The anchors in front of each observability regex must never hide a match the regex alone would find. */
class ObservabilityPatternsTest {
    private static final List<AnchoredPattern> ALL = List.of(ObservabilityGaps.METRICS, ObservabilityGaps.REQUEST_IDS,
            ObservabilityGaps.STRUCTURED, ObservabilityGaps.TRACING,
            dev.srereview.evidence.score.ReadinessScorerAccess.metrics());

    @Test
    void everyAlternativeOfEveryPatternIsFound() {
        List<String> examples = List.of("prometheus-client==0.20", "prometheus_fastapi_instrumentator",
                "starlette_exporter", "import aioprometheus", "prometheus_flask_exporter", "import statsd",
                "import datadog", "import ddtrace", "from opentelemetry.metrics import get_meter", "bentoml.metrics",
                "X-Request-ID", "x-request-id", "REQUEST_ID", "requestId", "correlation-id", "Correlation_Id",
                "trace_id", "asgi-correlation-id", "import structlog", "pythonjsonlogger", "python-json-logger",
                "jsonlogger", "json_log_formatter", "ecs_logging", "loguru.add(sink, serialize=True)",
                "import opentelemetry", "sentry_sdk.init()", "sentry-sdk", "jaeger_client");
        for (String e : examples) {
            for (AnchoredPattern p : ALL) {
                assertThat(p.find(e)).as("%s on %s", p.pattern(), e).isEqualTo(p.pattern().matcher(e).find());
            }
        }
        assertThat(examples).allMatch(e -> ALL.stream().anyMatch(p -> p.find(e)));
    }

    @Test
    void agreesWithThePlainRegexOnEveryFixtureFile() {
        Map<Path, String> texts = TextFiles.under(Path.of("src/test/resources/fixtures"));
        assertThat(texts).hasSizeGreaterThan(100);
        texts.forEach((f, text) -> ALL.forEach(p -> assertThat(p.find(text)).as("%s on %s", p.pattern(), f)
                .isEqualTo(p.pattern().matcher(text).find())));
    }
}
