package dev.srereview.evidence.python;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.context.SourceFile;
import dev.srereview.evidence.common.FileNames;
import dev.srereview.evidence.k8s.Manifests;
import dev.srereview.evidence.yaml.YamlDocuments;
import dev.srereview.evidence.yaml.YamlNode;
import dev.srereview.evidence.yaml.YamlNode.YMap;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the repository lays its processes out in containers or dynos, where {@code localhost} is each one's own: the
 * most application containers (built here, or any image that is not a database, cache or broker) and backing
 * containers (Redis, Postgres, Kafka, ...) that one compose file, Render blueprint or Procfile declares. A compose
 * service with {@code network_mode} shares another's network and is not counted. Kubernetes is left out: a pod's
 * sidecar is reached on localhost, by design.
 *
 * @param apps     application containers or dynos
 * @param backing  databases, caches, brokers and search engines run beside them
 */
record SeparateContainers(int apps, int backing) {
    private static final Pattern PROCESS_TYPE = Pattern.compile("(?m)^[A-Za-z0-9_-]+:");
    private static final Set<String> BACKING_IMAGES = Set.of("redis", "valkey", "keydb", "postgres", "postgis",
            "pgvector", "mysql", "mariadb", "mongo", "mongodb", "rabbitmq", "kafka", "cp-kafka", "zookeeper",
            "redpanda", "elasticsearch", "opensearch", "qdrant", "weaviate", "milvus", "chroma", "minio",
            "memcached", "clickhouse-server", "cassandra", "nats", "localstack", "redis-stack", "redis-stack-server");
    private static final Set<String> BACKING_RENDER_TYPES = Set.of("redis", "keyvalue");

    static final SeparateContainers NONE = new SeparateContainers(0, 0);

    /** An application process is on another container: an http(s) URL to localhost reaches nothing. */
    boolean separateApps() {
        return apps >= 2;
    }

    /** A backing service or another application is on another container: a client of localhost reaches nothing. */
    boolean separateServices() {
        return apps + backing >= 2;
    }

    static SeparateContainers of(RepoSnapshot snapshot) {
        YamlDocuments yaml = new YamlDocuments();
        SeparateContainers most = NONE;
        // compose files as the compose rules find and read them
        for (Manifests.ComposeFile cf : new Manifests(yaml).composeFiles(snapshot)) {
            most = larger(most, compose(cf.root().map("services").orElseThrow()));
        }
        for (SourceFile f : snapshot.files()) {
            String base = FileNames.lower(FileNames.base(f.path()));
            if (base.equals("procfile")) {
                most = larger(most, new SeparateContainers((int) PROCESS_TYPE.matcher(f.content()).results().count(), 0));
            } else if (base.equals("render.yaml") || base.equals("render.yml")) {
                most = larger(most, render(yaml, f));
            }
        }
        return most;
    }

    private static SeparateContainers larger(SeparateContainers a, SeparateContainers b) {
        return b.apps + b.backing > a.apps + a.backing ? b : a;
    }

    private static SeparateContainers compose(YMap services) {
        int apps = 0;
        int backing = 0;
        for (YamlNode node : services.entries().values()) {
            YMap svc = node instanceof YMap m ? m : null;
            if (svc != null && svc.has("network_mode")) {
                continue; // shares the network of the host or of another service
            }
            if (svc != null && !svc.has("build") && svc.text("image").map(SeparateContainers::backingImage).orElse(false)) {
                backing++;
            } else {
                apps++;
            }
        }
        return new SeparateContainers(apps, backing);
    }

    private static SeparateContainers render(YamlDocuments yaml, SourceFile f) {
        int apps = 0;
        int backing = 0;
        try {
            for (YamlNode doc : yaml.parse(f.content())) {
                if (!(doc instanceof YMap root)) {
                    continue;
                }
                for (YamlNode s : root.list("services").map(YamlNode.YList::items).orElse(java.util.List.of())) {
                    String type = s instanceof YMap m ? m.text("type").orElse("") : "";
                    if (BACKING_RENDER_TYPES.contains(type)) {
                        backing++;
                    } else {
                        apps++;
                    }
                }
                backing += root.list("databases").map(d -> d.items().size()).orElse(0);
            }
        } catch (IOException e) {
            // a blueprint that does not parse says nothing about the layout
            return NONE;
        }
        return new SeparateContainers(apps, backing);
    }

    /** redis:7.2, bitnami/postgresql:16, docker.io/library/mongo: the image's own name, without registry or tag. */
    private static boolean backingImage(String image) {
        String name = image.toLowerCase(Locale.ROOT);
        int at = name.indexOf('@');
        name = at >= 0 ? name.substring(0, at) : name;
        name = name.substring(name.lastIndexOf('/') + 1);
        int colon = name.indexOf(':');
        name = colon >= 0 ? name.substring(0, colon) : name;
        return BACKING_IMAGES.contains(name) || name.equals("postgresql") || name.startsWith("redis");
    }
}
