package dev.srereview.evidence;

import java.util.Arrays;
import java.util.Optional;

/** The finding categories of review-contract.md section 4; {@link #id()} is the contract's name. */
public enum Category {
    BARE_EXCEPT("bare-except"),
    BROAD_EXCEPT_SWALLOWED("broad-except-swallowed"),
    MISSING_TIMEOUT("missing-timeout"),
    MISSING_HEALTHCHECK("missing-healthcheck"),
    UNBOUNDED_MEMORY("unbounded-memory"),
    MODEL_LOADED_PER_REQUEST("model-loaded-per-request"),
    NO_GRACEFUL_SHUTDOWN("no-graceful-shutdown"),
    LOGGING_WITHOUT_CONTEXT("logging-without-context"),
    PRINT_INSTEAD_OF_LOGGING("print-instead-of-logging"),
    HARDCODED_CONFIG("hardcoded-config"),
    DEBUG_MODE("debug-mode"),
    NO_RATE_LIMIT("no-rate-limit"),
    UNPINNED_DEPENDENCY("unpinned-dependency"),
    SECRET_IN_CODE("secret-in-code"),
    UNSAFE_DESERIALIZATION("unsafe-deserialization"),
    SHELL_INJECTION("shell-injection"),
    RETRY_WITHOUT_BACKOFF("retry-without-backoff"),
    DOCKER_ROOT_USER("docker-root-user"),
    DOCKER_NO_HEALTHCHECK("docker-no-healthcheck"),
    DOCKER_LATEST_TAG("docker-latest-tag"),
    K8S_NO_PROBES("k8s-no-probes"),
    K8S_NO_RESOURCE_LIMITS("k8s-no-resource-limits"),
    NO_INPUT_VALIDATION("no-input-validation"),
    /** Weights × workers against the memory limit; an addition the contract allows. */
    RESOURCE_OVERCOMMIT("resource-overcommit");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
