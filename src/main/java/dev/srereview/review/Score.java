package dev.srereview.review;

/** The Operational Readiness Score: {@code value}/10 and why. */
public record Score(int value, String justification) {
}
