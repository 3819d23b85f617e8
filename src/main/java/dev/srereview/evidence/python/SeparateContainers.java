package dev.srereview.evidence.python;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.yaml.YamlDocuments;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether the repository deploys its processes as separate containers or dynos, where {@code localhost} is each
 * one's own: a compose file with two services or more (none sharing another's network), a Render blueprint with
 * two services or databases, a Procfile with two process types. Kubernetes is left out: a pod's sidecar is
 * reached on localhost, by design.
 */
final class SeparateContainers {
    private static final Pattern PROCESS_TYPE = Pattern.compile("(?m)^[A-Za-z0-9_-]+:");

    private SeparateContainers() {
    }

    static boolean of(RepoSnapshot snapshot) {
        YamlDocuments yaml = new YamlDocuments();
        for (SourceFile f : snapshot.files()) {
            String base = FileNames.lower(FileNames.base(f.path()));
            if (base.equals("procfile") && PROCESS_TYPE.matcher(f.content()).results().count() >= 2) {
                return true;
            }
            boolean compose = (base.startsWith("docker-compose") || base.startsWith("compose."))
                    && (base.endsWith(".yml") || base.endsWith(".yaml"));
            boolean render = base.equals("render.yaml") || base.equals("render.yml");
            if ((compose || render) && separate(yaml, f, compose)) {
                return true;
            }
        }
        return false;
    }

    private static boolean separate(YamlDocuments yaml, SourceFile f, boolean compose) {
        if (compose && f.content().toLowerCase(Locale.ROOT).contains("network_mode")) {
            return false; // network_mode: host or service:x shares a network namespace: localhost may be the other
        }
        try {
            for (YamlNode doc : yaml.parse(f.content())) {
                if (!(doc instanceof YMap root)) {
                    continue;
                }
                int n = compose
                        ? root.map("services").map(s -> s.entries().size()).orElse(0)
                        : root.list("services").map(s -> s.items().size()).orElse(0)
                                + root.list("databases").map(d -> d.items().size()).orElse(0);
                if (n >= 2) {
                    return true;
                }
            }
        } catch (IOException e) {
            // a file that does not parse says nothing about the layout; its own rules report what they can
            return false;
        }
        return false;
    }
}
