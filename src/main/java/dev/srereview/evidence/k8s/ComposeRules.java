package dev.srereview.evidence.k8s;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.Category;
import dev.srereview.evidence.FileRules;
import dev.srereview.evidence.Finding;
import dev.srereview.evidence.Severity;
import dev.srereview.evidence.common.Snippets;
import dev.srereview.evidence.docker.ImageRef;
import dev.srereview.evidence.yaml.YamlDocuments;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compose rules: floating tags on pulled images, and healthchecks turned off. A service that is built here
 * ({@code build:}) names its own image, so its tag is not a base image and is not flagged; a missing healthcheck
 * is reported on the Dockerfile, where the fix belongs.
 */
public final class ComposeRules implements FileRules {
    private final Manifests manifests = new Manifests(new YamlDocuments());

    @Override
    public String name() {
        return "compose";
    }

    @Override
    public List<Finding> analyze(RepoSnapshot snapshot) {
        List<Finding> out = new ArrayList<>();
        for (Manifests.ComposeFile cf : manifests.composeFiles(snapshot)) {
            SourceFile f = snapshot.file(cf.path()).orElseThrow();
            YMap services = cf.root().map("services").orElseThrow();
            for (Map.Entry<String, YamlNode> e : services.entries().entrySet()) {
                if (e.getValue() instanceof YMap svc) {
                    service(f, e.getKey(), svc, out);
                }
            }
        }
        return out;
    }

    private static void service(SourceFile f, String name, YMap svc, List<Finding> out) {
        if (!svc.has("build")) {
            svc.text("image").map(ImageRef::parse).filter(ImageRef::floating).ifPresent(ref -> {
                int line = svc.keyLine("image");
                out.add(new Finding("COMPOSE-TAG-001", Category.DOCKER_LATEST_TAG, Severity.P2, f.path(), line,
                        "Compose service " + name + " pulls " + ref + (ref.tag().isEmpty() ? " (no tag: :latest)" : "")
                                + ": the next docker compose pull brings a new major version with new defaults,"
                                + " without a code change.",
                        Snippets.line(f, line), "image: " + ref.name() + ":<version>"));
            });
        }
        svc.map("healthcheck").ifPresent(hc -> {
            boolean disabled = hc.text("disable").map("true"::equalsIgnoreCase).orElse(false)
                    || hc.get("test").map(t -> t.toString().contains("NONE")).orElse(false);
            if (disabled) {
                int line = svc.keyLine("healthcheck");
                out.add(new Finding("COMPOSE-HEALTH-001", Category.DOCKER_NO_HEALTHCHECK, Severity.P2, f.path(), line,
                        "Compose service " + name + " turns its healthcheck off: depends_on cannot wait for it, and a"
                                + " hung container is never marked unhealthy.",
                        Snippets.line(f, line),
                        "healthcheck:\n  test: [\"CMD\", \"curl\", \"-fsS\", \"http://localhost:8080/healthz\"]\n"
                                + "  interval: 30s\n  timeout: 3s\n  retries: 3"));
            }
        });
    }
}
