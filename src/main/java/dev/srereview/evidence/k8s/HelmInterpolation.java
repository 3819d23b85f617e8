package dev.srereview.evidence.k8s;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Helm template whose only template syntax is values dropped into scalars ({@code image: "{{ .Values.registry
 * }}/api:{{ .Values.tag }}"}, {@code replicas: {{ .Values.replicas }}}) has the same shape whatever the values say:
 * with each expression replaced by a placeholder it parses as the manifest it renders to, and the workload rules
 * apply to it. Control flow, includes and {@code toYaml} blocks decide structure from values, so such templates stay
 * unread (a container with no resources key at all is still caught by {@link HelmTemplateContainers}).
 */
final class HelmInterpolation {
    private static final Pattern EXPRESSION = Pattern.compile("\\{\\{-?(.*?)-?}}");
    /** Actions that decide structure, not a value. */
    private static final Pattern STRUCTURAL = Pattern.compile(
            "^\\s*(if|else|end|range|with|define|block|template)\\b|\\b(toYaml|nindent|indent|tpl|include)\\b");
    static final String PLACEHOLDER = "helm-value";

    private HelmInterpolation() {
    }

    /** The template with every value expression replaced, or null when some expression shapes the YAML itself. */
    static String render(String content) {
        StringBuilder out = new StringBuilder(content.length());
        for (String line : content.split("\n", -1)) {
            Matcher m = EXPRESSION.matcher(line);
            StringBuilder rendered = new StringBuilder();
            int last = 0;
            while (m.find()) {
                if (STRUCTURAL.matcher(m.group(1)).find()) {
                    return null;
                }
                rendered.append(line, last, m.start()).append(PLACEHOLDER);
                last = m.end();
            }
            rendered.append(line.substring(last));
            String r = rendered.toString();
            if (last > 0 && r.strip().equals(PLACEHOLDER)) {
                return null; // an expression alone on its line brings lines of its own
            }
            if (r.contains("{{")) {
                return null; // an expression spread over lines ("}}" alone is a YAML flow map closing)
            }
            out.append(r).append('\n');
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }
}
