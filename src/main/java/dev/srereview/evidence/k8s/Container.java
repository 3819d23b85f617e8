package dev.srereview.evidence.k8s;

import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.util.Optional;

/**
 * One container of a workload's pod spec, with its YAML node (for probes, resources, securityContext).
 *
 * @param line the line of its list item (where probe and resource findings point)
 */
public record Container(String name, String image, int line, YMap node) {
    public boolean hasProbe(String key) {
        return node.has(key) && node.get(key).filter(YMap.class::isInstance).isPresent();
    }

    public Optional<YMap> resources() {
        return node.map("resources");
    }

    public Optional<String> memoryLimit() {
        return resources().flatMap(r -> r.map("limits")).flatMap(l -> l.text("memory"));
    }

    public int memoryLimitLine() {
        return resources().flatMap(r -> r.map("limits")).map(l -> l.keyLine("memory")).orElse(line);
    }
}
