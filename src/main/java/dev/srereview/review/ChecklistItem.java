package dev.srereview.review;

/** A deployment checklist line: {@code [ ] item} or {@code [x] item}. */
public record ChecklistItem(String item, boolean done) {
}
