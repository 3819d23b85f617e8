package dev.srereview.review.offline;

import dev.srereview.context.FileKind;
import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.common.AnchoredPattern;
import dev.srereview.evidence.common.FileNames;
import java.util.ArrayList;
import java.util.List;

/** The Missing Observability section: what the code lacks (metrics, request ids, structured logs, tracing) and what the findings show. */
final class ObservabilityGaps {
    static final AnchoredPattern METRICS = AnchoredPattern.of(
            "\\b(prometheus[-_]client|prometheus[-_]fastapi[-_]instrumentator|starlette[-_]exporter|aioprometheus"
                    + "|prometheus[-_]flask[-_]exporter|statsd|datadog|ddtrace|opentelemetry\\.metrics|bentoml\\.metrics)\\b",
            "prometheus", "starlette", "statsd", "datadog", "ddtrace", "opentelemetry", "bentoml");
    static final AnchoredPattern REQUEST_IDS = AnchoredPattern.ignoringCase(
            "(x-request-id|request_id|requestid|correlation[_-]id|trace_id|asgi[-_]correlation[-_]id)",
            "request-id", "request_id", "requestid", "correlation", "trace_id");
    static final AnchoredPattern STRUCTURED = AnchoredPattern.of(
            "\\b(structlog|pythonjsonlogger|python-json-logger|jsonlogger|json_log_formatter|ecs_logging"
                    + "|loguru[\\s\\S]{0,200}serialize\\s*=\\s*True)\\b",
            "structlog", "jsonlogger", "json-logger", "json_log_formatter", "ecs_logging", "loguru");
    static final AnchoredPattern TRACING = AnchoredPattern.of(
            "\\b(opentelemetry|ddtrace|sentry_sdk|sentry-sdk|jaeger_client)\\b",
            "opentelemetry", "ddtrace", "sentry", "jaeger_client");

    List<String> gaps(RepoSnapshot snapshot, List<Finding> findings, SafeText text) {
        List<SourceFile> code = snapshot.files().stream()
                .filter(f -> f.path().endsWith(".py") && f.kind() != FileKind.TEST && !FileNames.isNonProductionPath(f.path()))
                .toList();
        List<SourceFile> deps = snapshot.ofKind(FileKind.DEPENDENCY_FILE);
        List<String> out = new ArrayList<>();
        boolean serving = !snapshot.ofKind(FileKind.SERVING_CODE).isEmpty();
        if (code.isEmpty()) {
            out.add("No Python service code in the snapshot, so metrics, request ids and log format could not be"
                    + " checked; confirm the running service exports request rate, error rate and latency (p50/p95/p99).");
        } else {
            if (!any(code, METRICS) && !any(deps, METRICS)) {
                out.add("No metrics library (prometheus_client, OpenTelemetry, StatsD): nobody can see request rate,"
                        + " error rate or inference latency. Export a request counter by status, a latency histogram"
                        + " (alert on p99 > 1 s for 5 minutes), a model-load gauge and the model version as a label.");
            }
            if (!any(code, REQUEST_IDS)) {
                out.add("No request ids: a failing request cannot be followed from the load balancer through the"
                        + " service to its dependencies. Read or create X-Request-ID per request, put it in every log"
                        + " line and return it in the response.");
            }
            if (!any(code, STRUCTURED) && !any(deps, STRUCTURED)) {
                out.add("Logs are unstructured text: they cannot be filtered by request, model version or latency."
                        + " Log JSON (structlog or python-json-logger) with request_id, model_version, latency_ms and"
                        + " outcome fields.");
            }
            if (serving && !any(code, TRACING) && !any(deps, TRACING)) {
                out.add("No tracing or error tracking (OpenTelemetry, Sentry): slow dependencies and exceptions are"
                        + " invisible until users report them.");
            }
        }
        fromFindings(findings, Category.PRINT_INSTEAD_OF_LOGGING, "print() instead of logging", text, out);
        fromFindings(findings, Category.LOGGING_WITHOUT_CONTEXT, "error logs without the exception or ids", text, out);
        fromFindings(findings, Category.BROAD_EXCEPT_SWALLOWED, "exceptions swallowed with no log at all", text, out);
        if (out.isEmpty()) {
            out.add("Metrics, request ids and structured logs are all present in the code; verify that dashboards and"
                    + " alerts exist for them (error rate, p99 latency, saturation) before launch.");
        }
        return out;
    }

    private static boolean any(List<SourceFile> files, AnchoredPattern p) {
        return files.stream().anyMatch(f -> p.find(f.content()));
    }

    private static void fromFindings(List<Finding> findings, Category c, String what, SafeText text, List<String> out) {
        List<Finding> mine = findings.stream().filter(f -> f.category() == c).toList();
        if (mine.isEmpty()) {
            return;
        }
        List<String> where = mine.stream().limit(4).map(f -> text.cite(f.path(), f.line())).toList();
        out.add(capitalize(what) + " in " + mine.size() + (mine.size() == 1 ? " place" : " places") + " ("
                + String.join(", ", where) + (mine.size() > 4 ? ", …" : "") + "): these are the lines an on-call"
                + " engineer will need first.");
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
