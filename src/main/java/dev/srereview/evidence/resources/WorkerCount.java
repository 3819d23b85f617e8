package dev.srereview.evidence.resources;

/**
 * Worker processes per container and where that number comes from.
 *
 * @param source e.g. "gunicorn --workers 4 (Dockerfile:12)"; "one process (no workers configured)" by default
 */
public record WorkerCount(int count, String source, boolean preload) {
    public static WorkerCount single() {
        return new WorkerCount(1, "one process (no workers configured)", false);
    }
}
