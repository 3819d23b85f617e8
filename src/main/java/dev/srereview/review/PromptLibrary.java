package dev.srereview.review;

/** The prompts kept as data files under prompts/ (shipped in the jar). (Skeleton: the lead builds it.) */
public final class PromptLibrary {
}
