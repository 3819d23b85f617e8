package dev.srereview.review.parse;

/** One labelled field of a risk as written: {@code label} is the canonical name ("Scenario"), {@code text} its content. */
public record ParsedField(String label, String text) {
}
