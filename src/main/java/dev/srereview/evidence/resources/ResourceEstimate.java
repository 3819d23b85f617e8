package dev.srereview.evidence.resources;

import dev.srereview.context.Artifact;
import java.util.List;

/**
 * Weights × worker processes for one container, against its memory limit.
 *
 * @param where         human name, e.g. "Deployment api, container web"
 * @param models        the weight files each worker loads
 * @param workers       worker processes per container (1 when none are configured)
 * @param workersSource how the count was found, e.g. "gunicorn -w 4 (Dockerfile:12)"; "default" otherwise
 * @param preload       gunicorn --preload/preload_app: workers share the parent's copy, so weights count once
 * @param limitBytes    the container memory limit, or null when none is set
 * @param limitText     the limit as written ("2Gi"), or null
 * @param limitPath     where the limit is written (the finding's location), or null
 */
public record ResourceEstimate(String where, List<Artifact> models, int workers, String workersSource,
                               boolean preload, Long limitBytes, String limitText, String limitPath, int limitLine) {
    public ResourceEstimate {
        models = List.copyOf(models);
    }

    public long modelBytes() {
        return models.stream().mapToLong(Artifact::sizeBytes).sum();
    }

    /** Weights resident in the container: once with preload, once per worker otherwise. */
    public long totalBytes() {
        return preload ? modelBytes() : modelBytes() * workers;
    }

    public boolean exceedsLimit() {
        return limitBytes != null && totalBytes() > limitBytes;
    }

    /** Under 20% left for the interpreter, framework, request buffers and activations. */
    public boolean tight() {
        return limitBytes != null && !exceedsLimit() && totalBytes() > limitBytes * 0.8;
    }

    /** "model.pt is 1.6 GB, 4 workers load it: 6.4 GB against a 2 GiB limit". */
    public String arithmetic() {
        String names = models.size() == 1 ? models.get(0).path() + " is " + MemoryQuantity.decimal(modelBytes())
                : models.size() + " weight files (" + String.join(", ", models.stream().map(Artifact::path).toList())
                + ") total " + MemoryQuantity.decimal(modelBytes());
        String it = models.size() == 1 ? "it" : "them";
        String load;
        if (preload) {
            load = ", loaded once before " + workers + " worker" + (workers == 1 ? "" : "s") + " fork (preload): "
                    + MemoryQuantity.decimal(totalBytes());
        } else if (workers == 1) {
            load = ", one worker loads " + it + ": " + MemoryQuantity.decimal(totalBytes());
        } else {
            load = ", " + workers + " workers load " + it + ": " + MemoryQuantity.decimal(totalBytes());
        }
        String limit = limitBytes == null ? " with no memory limit set" : " against a " + limitText + " limit";
        return names + load + limit;
    }
}
