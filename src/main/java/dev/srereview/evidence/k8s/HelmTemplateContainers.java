package dev.srereview.evidence.k8s;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.Indent;
import dev.srereview.evidence.common.Snippets;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import dev.srereview.evidence.yaml.YamlNode.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container written into a Helm template with no {@code resources:} key at all (a metrics sidecar added under
 * {@code {{- if .Values.x.enabled }}}): no values.yaml can give it requests or limits. Templates with control flow
 * are not rendered (Manifests reads only those that interpolate values), so this reads their text: the containers
 * list and each item's keys at its own indent.
 * A container whose resources come from {@code toYaml .Values.x.resources} is judged on the chart's values.yaml.
 */
final class HelmTemplateContainers {

    private static final Pattern CONTAINERS = Pattern.compile("^(\\s*)(initContainers|containers):\\s*$");
    private static final Pattern ITEM = Pattern.compile("^(\\s*)-\\s+name:\\s*(.+?)\\s*$");
    private static final Pattern RESOURCES = Pattern.compile("^\\s*-?\\s*resources:");
    private static final Pattern INCLUDES = Pattern.compile("\\{\\{-?\\s*(include|template|toYaml)\\b");
    private static final Pattern PROBE = Pattern.compile("(?i)probe");
    private static final Pattern KIND = Pattern.compile("^kind:\\s*(\\w+)\\s*$");
    private static final java.util.Set<String> WORKLOAD_KINDS = java.util.Set.of("Deployment", "StatefulSet",
            "DaemonSet", "Job", "CronJob");
    /** A file that holds at least one of them (one kind: line per document). */
    private static final Pattern WORKLOAD = Pattern.compile(
            "(?m)^kind:\\s*(" + String.join("|", WORKLOAD_KINDS) + ")\\s*$");

    private static final Pattern VALUES_RESOURCES = Pattern.compile(
            "toYaml\\s+\\.Values\\.(?:([\\w.]+?)\\.)?resources\\b");
    private final Manifests manifests;

    HelmTemplateContainers(Manifests manifests) {
        this.manifests = manifests;
    }

    /** A chart's values.yaml: the file (findings name its lines) and its top map. */
    private record ChartValues(SourceFile file, YMap root) {
    }

    /**
     * The findings on the chart templates' containers. Each values.yaml resources key judged here at the container
     * that renders it is added to {@code judgedValues} ({@code chart/values.yaml#worker.}), so HelmValues does not
     * report it a second time at values.yaml.
     */
    List<Finding> check(RepoSnapshot snapshot, java.util.Set<String> judgedValues) {
        List<Finding> out = new ArrayList<>();
        java.util.Map<String, Optional<ChartValues>> valuesByChart = new java.util.HashMap<>(); // parsed once per chart
        for (SourceFile f : snapshot.files()) {
            String p = f.path();
            if (!p.contains("templates/") || !(p.endsWith(".yaml") || p.endsWith(".yml") || p.endsWith(".tpl"))
                    || !f.content().contains("{{")) {
                continue;
            }
            Matcher kind = WORKLOAD.matcher(f.content());
            // a template Manifests reads as a manifest (it only interpolates values, and parses) is judged there
            if (kind.find() && !(Manifests.isManifestCandidate(f) && !manifests.parse(f).isEmpty())) {
                String chart = p.substring(0, p.indexOf("templates/"));
                ChartValues values = valuesByChart.computeIfAbsent(chart, c -> Optional.ofNullable(values(snapshot, c)))
                        .orElse(null);
                containers(f, values, judgedValues, out);
            }
        }
        return out;
    }

    /** The values.yaml of the chart at {@code chart} (its directory, with a trailing slash), or null. */
    private ChartValues values(RepoSnapshot snapshot, String chart) {
        Optional<SourceFile> v = snapshot.file(chart + "values.yaml").or(() -> snapshot.file(chart + "values.yml"));
        if (v.isEmpty()) {
            return null;
        }
        List<YamlNode> docs = manifests.parse(v.get());
        return !docs.isEmpty() && docs.get(0) instanceof YMap m ? new ChartValues(v.get(), m) : null;
    }

    private static void containers(SourceFile f, ChartValues values, java.util.Set<String> judgedValues,
                                   List<Finding> out) {
        List<String> lines = f.lines();
        String kind = null; // each document's own: a Deployment and its hook Job can share a file
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("---")) {
                kind = null;
                continue;
            }
            Matcher kindLine = KIND.matcher(lines.get(i));
            if (kindLine.matches()) {
                kind = kindLine.group(1);
                continue;
            }
            Matcher c = CONTAINERS.matcher(lines.get(i));
            if (!c.matches() || kind == null || !WORKLOAD_KINDS.contains(kind)) {
                continue;
            }
            int listIndent = c.group(1).length();
            boolean init = c.group(2).equals("initContainers"); // resources apply to it, probes do not
            for (int j = i + 1; j < lines.size(); j++) {
                String line = lines.get(j);
                if (skippable(line)) {
                    continue;
                }
                int indent = Indent.of(line);
                if (indent <= listIndent && !line.strip().startsWith("-")) {
                    break; // the containers list ended
                }
                Matcher item = ITEM.matcher(line);
                if (item.matches() && item.group(1).length() >= listIndent) {
                    int end = itemEnd(lines, j, item.group(1).length());
                    boolean resources = false;
                    String fromValues = null;
                    String previous = "";
                    for (int k = j; k < end; k++) {
                        // an {{ include }} / {{ toYaml }} line standing alone may bring the resources: give it the
                        // benefit of the doubt (not the item's own `- name: {{ include "x.fullname" . }}`, nor an
                        // env value `value: http://{{ include "x.fullname" . }}-gateway`)
                        resources |= RESOURCES.matcher(lines.get(k)).find() || k > j && bringsKeys(lines.get(k), previous);
                        if (!lines.get(k).strip().isEmpty() && !lines.get(k).strip().startsWith("#")) {
                            previous = lines.get(k).strip();
                        }
                        Matcher v = VALUES_RESOURCES.matcher(lines.get(k));
                        if (v.find()) {
                            fromValues = v.group(1) == null ? "" : v.group(1); // "": .Values.resources (helm create)
                        }
                    }
                    if (resources && fromValues != null && values != null) {
                        valuesResources(f, kind, item.group(2).replace("\"", ""), j + 1, fromValues, values, out);
                        judgedValues.add(values.file().path() + "#" + (fromValues.isEmpty() ? "" : fromValues + "."));
                    }
                    if (!init) {
                        probes(f, kind, item.group(2).replace("\"", ""), lines, j, end, out);
                    }
                    if (!resources) {
                        String name = item.group(2).replace("\"", "");
                        out.add(new Finding("K8S-RES-002", Category.K8S_NO_RESOURCE_LIMITS, Severity.P2, f.path(), j + 1,
                                kind + " template, " + (init ? "init container " : "container ") + name
                                        + ": no resources key at all, so no values.yaml "
                                        + "can give it requests or a memory limit. It is scheduled blind and can take "
                                        + "the node's memory from the model server next to it.",
                                Snippets.line(f, j + 1),
                                "resources:\n  {{- toYaml .Values." + camel(name) + ".resources | nindent 12 }}\n"
                                        + "# values.yaml: " + camel(name) + ".resources: {requests: {cpu: 50m, "
                                        + "memory: 64Mi}, limits: {memory: 128Mi}}"));
                    }
                    j = end - 1;
                }
            }
        }
    }

    /**
     * {@code resources: {{- toYaml .Values.gateway.resources | nindent 12 }}} where values.yaml gives
     * {@code gateway.resources} empty ({@code {}}, helm create's default), or requests but no memory limit (or limits
     * but no requests): every release without an override runs that way. Reported at the container, where the
     * reader looks for its resources, naming the values.yaml line the fix goes in. An absent key is left to the
     * release.
     */
    private static void valuesResources(SourceFile f, String kind, String name, int line, String path,
                                        ChartValues values, List<Finding> out) {
        Optional<YMap> parent = path.isEmpty() ? Optional.of(values.root()) : values.root().path(path.split("\\."));
        Optional<YamlNode> node = parent.flatMap(m -> m.get("resources"));
        if (node.isEmpty()) {
            return;
        }
        String where = values.file().path() + ":" + parent.get().keyLine("resources");
        String key = (path.isEmpty() ? "" : path + ".") + "resources";
        if (node.get() instanceof YMap m && m.entries().isEmpty() || node.get() instanceof YScalar s && s.isNull()) {
            out.add(new Finding("K8S-RES-001", Category.K8S_NO_RESOURCE_LIMITS, Severity.P2, f.path(), line,
                    kind + " template, container " + name + ": its resources come from " + key + ", which the chart's"
                            + " values leave empty (" + where + "), so every release installed without an override runs"
                            + " with no requests or memory limit: the scheduler packs it blind and the model can take"
                            + " its neighbours' memory (an HPA on CPU utilisation cannot work either).",
                    Snippets.line(f, line),
                    "# " + where + "\n" + key + ":\n  requests: {cpu: 500m, memory: 2Gi}\n  limits: {memory: 2Gi}"
                            + "   # measured RSS x workers + headroom"));
            return;
        }
        if (!(node.get() instanceof YMap res)) {
            return;
        }
        boolean memLimit = res.map("limits").flatMap(l -> l.text("memory")).isPresent();
        // Kubernetes copies limits into unset requests: a memory limit alone is requests too
        boolean requests = memLimit || res.map("requests").map(r -> r.has("memory") || r.has("cpu")).orElse(false);
        if (memLimit && requests) {
            return;
        }
        String missing = !memLimit && !requests ? "no memory limit and no requests" : !memLimit ? "no memory limit"
                : "no requests";
        out.add(new Finding("K8S-RES-001", Category.K8S_NO_RESOURCE_LIMITS, Severity.P2, f.path(), line,
                kind + " template, container " + name + ": the chart's values give " + key + " " + missing + " ("
                        + where + "), so every release without an override runs that way: the scheduler packs it blind,"
                        + " and a model that grows is not stopped before it takes the node's memory.",
                Snippets.line(f, line),
                "# " + where + "\n" + key + ":\n  requests: {cpu: 250m, memory: 512Mi}\n  limits: {memory: 512Mi}"
                        + "   # measured RSS + headroom"));
    }

    /**
     * A long-running workload's container with no probe in its block: no {@code livenessProbe}/{@code readinessProbe}
     * key, no value named for probes, and no {@code include}/{@code toYaml} line standing alone (one that may bring
     * them: a {@code resources:} key's {@code toYaml} does not). As K8S-PROBE-001 on a manifest, at the container.
     */
    /**
     * An {@code include}/{@code template}/{@code toYaml} line that stands alone among a container's keys, so it may
     * bring keys of its own: not the value of a key ({@code value: http://{{ include ... }}}) and not the block under
     * one ({@code env:} then {@code {{- toYaml .Values.env }}}).
     */
    private static boolean bringsKeys(String line, String previous) {
        return INCLUDES.matcher(line).find() && !previous.endsWith(":") && !line.strip().matches("-?\\s*[\\w-]+:.*\\{\\{.*");
    }

    private static void probes(SourceFile f, String kind, String name, List<String> lines, int start, int end,
                               List<Finding> out) {
        boolean ports = false;
        String previous = "";
        for (int k = start + 1; k < end; k++) { // after the item's own line (its name may be an include)
            String line = lines.get(k);
            if (PROBE.matcher(line).find()) {
                return;
            }
            if (bringsKeys(line, previous)) {
                return; // a block of the container's keys comes from elsewhere: it may hold the probes
            }
            ports |= line.strip().startsWith("ports:");
            if (!line.strip().isEmpty() && !line.strip().startsWith("#")) {
                previous = line.strip();
            }
        }
        if (kind.equals("Job") || kind.equals("CronJob") || kind.equals("DaemonSet") && !ports) {
            return; // a batch run ends by itself; a DaemonSet with no ports is a node agent
        }
        out.add(new Finding("K8S-PROBE-001", Category.K8S_NO_PROBES, Severity.P1, f.path(), start + 1,
                kind + " template, container " + name + ": no liveness or readiness probe, whatever the values. A pod"
                        + " that hangs (a consumer stuck on a broker connection, a server that stopped answering) is"
                        + " never restarted, and during rollouts pods count as ready before the model has loaded.",
                Snippets.line(f, start + 1),
                "livenessProbe:\n  {{- toYaml .Values.livenessProbe | nindent 12 }}\n"
                        + "# values.yaml: livenessProbe: {httpGet: {path: /healthz, port: http}, periodSeconds: 10}\n"
                        + "# a worker with no port: livenessProbe: {exec: {command: [\"python\", \"-m\", \"app.alive\"]}}"));
    }

    /** The first line after item {@code start} back at its indent or less (template-only lines do not count). */
    private static int itemEnd(List<String> lines, int start, int itemIndent) {
        for (int k = start + 1; k < lines.size(); k++) {
            String line = lines.get(k);
            if (!skippable(line) && Indent.of(line) <= itemIndent) {
                return k;
            }
        }
        return lines.size();
    }

    /** Blank, comment, or a template action alone on its line ({{- if ... }}, {{- end }}). */
    private static boolean skippable(String line) {
        String s = line.strip();
        return s.isEmpty() || s.startsWith("#") || s.startsWith("{{");
    }


    private static String camel(String name) {
        String n = name.replaceAll("\\{\\{.*?}}", "main").replaceAll("[^A-Za-z0-9-]", "");
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char ch : n.toCharArray()) {
            if (ch == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return sb.length() == 0 ? "sidecar" : sb.toString();
    }
}
