package dev.srereview.review.parse;

import dev.srereview.review.Citation;

/** A cited path and where in the review it was cited ("Resource Concerns", or a risk's {@link ParsedRisk#where()}). */
public record LocatedCitation(String where, Citation citation) {
}
