package dev.srereview.review;

import java.util.List;

/** How the review fared against the contract: valid or not, re-asks spent, warnings (dangling citations, dropped prose...). */
public record Validation(boolean valid, int repairs, List<String> warnings) {
    public Validation {
        warnings = List.copyOf(warnings);
    }
}
