package dev.srereview.evidence.score;

import dev.srereview.evidence.Category;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/**
 * The production-readiness axes of Google's SRE book (the PRR checklist), each owning the finding
 * categories that count against it. Every category belongs to exactly one axis.
 */
public enum Axis {
    DEPENDENCIES("dependencies & failure handling", EnumSet.of(Category.MISSING_TIMEOUT,
            Category.RETRY_WITHOUT_BACKOFF, Category.BARE_EXCEPT, Category.BROAD_EXCEPT_SWALLOWED)),
    OBSERVABILITY("observability", EnumSet.of(Category.LOGGING_WITHOUT_CONTEXT, Category.PRINT_INSTEAD_OF_LOGGING)),
    EMERGENCY_RESPONSE("emergency response (health, shutdown, probes)", EnumSet.of(Category.MISSING_HEALTHCHECK,
            Category.NO_GRACEFUL_SHUTDOWN, Category.DOCKER_NO_HEALTHCHECK, Category.K8S_NO_PROBES)),
    CAPACITY("capacity (limits, memory, rate)", EnumSet.of(Category.UNBOUNDED_MEMORY,
            Category.MODEL_LOADED_PER_REQUEST, Category.NO_RATE_LIMIT, Category.K8S_NO_RESOURCE_LIMITS,
            Category.RESOURCE_OVERCOMMIT)),
    CHANGE_MANAGEMENT("change management (pins, tags, config, secrets)", EnumSet.of(Category.UNPINNED_DEPENDENCY,
            Category.DOCKER_LATEST_TAG, Category.HARDCODED_CONFIG, Category.DEBUG_MODE, Category.SECRET_IN_CODE,
            Category.UNSAFE_DESERIALIZATION, Category.SHELL_INJECTION, Category.DOCKER_ROOT_USER,
            Category.NO_INPUT_VALIDATION));

    private final String label;
    private final Set<Category> categories;

    Axis(String label, Set<Category> categories) {
        this.label = label;
        this.categories = categories;
    }

    public String label() {
        return label;
    }

    public Set<Category> categories() {
        return Set.copyOf(categories);
    }

    public static Axis of(Category c) {
        return Arrays.stream(values()).filter(a -> a.categories.contains(c)).findFirst()
                .orElseThrow(() -> new IllegalStateException("category without an axis: " + c));
    }
}
