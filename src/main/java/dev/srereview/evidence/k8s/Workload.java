package dev.srereview.evidence.k8s;

import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Kubernetes object that runs containers.
 *
 * @param replicas  {@code spec.replicas} when written (null otherwise)
 * @param podSpec   the pod spec map (pod-level securityContext lives here); null for model-server CRDs
 */
public record Workload(String path, String kind, String name, int line, Integer replicas, YMap podSpec,
                       List<Container> containers) {
    private static final Set<String> LONG_RUNNING = Set.of("deployment", "statefulset", "daemonset", "replicaset",
            "replicationcontroller", "pod", "rollout", "deploymentconfig");
    private static final Set<String> BATCH = Set.of("job", "cronjob");

    public Workload {
        containers = List.copyOf(containers);
    }

    /** Long-running workloads need probes; Jobs finish, and model-server CRDs get their probes from the operator. */
    public boolean needsProbes() {
        return LONG_RUNNING.contains(kind.toLowerCase(Locale.ROOT));
    }

    public boolean batch() {
        return BATCH.contains(kind.toLowerCase(Locale.ROOT));
    }
}
