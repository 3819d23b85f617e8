package dev.srereview.review.offline;

import dev.srereview.context.RepoSnapshot;
import dev.srereview.evidence.Finding;
import dev.srereview.review.Review;
import java.util.List;

/** Writes the whole review in the persona's format from the tool's own evidence, with no LLM (skeleton). */
public final class OfflineComposer {
    public Review compose(RepoSnapshot snapshot, List<Finding> findings) {
        throw new UnsupportedOperationException("offline composer not built yet");
    }
}
