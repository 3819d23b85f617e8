package dev.srereview.review.parse;

/**
 * The score section as written.
 *
 * @param written        the {@code N/10} text found on the first non-blank line, or null when there is none
 * @param value          the whole number N, or null when {@code written} is missing or not a whole number
 * @param justification  the text after the score (same line after a dash or colon, or the next lines); may be empty
 */
public record ParsedScore(String written, Integer value, String justification) {
}
