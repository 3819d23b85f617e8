package dev.srereview.review.parse;

/**
 * A level-2 section as found, in reply order.
 *
 * @param kind     the contract section, or null for a heading the contract does not know
 * @param heading  the heading text as written
 * @param empty    true when nothing but blank lines follows the heading
 */
public record ParsedSection(SectionKind kind, String heading, boolean empty) {
}
