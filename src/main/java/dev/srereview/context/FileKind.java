package dev.srereview.context;

/** What a file is to an SRE; drives priority and which rules look at it. */
public enum FileKind {
    SERVING_CODE, DOCKERFILE, COMPOSE, K8S_MANIFEST, HELM_CHART, CI_WORKFLOW, DEPENDENCY_FILE, CONFIG,
    TRAINING_CODE, TEST, NOTEBOOK, OTHER_CODE, DOC, OTHER
}
