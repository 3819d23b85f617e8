package dev.srereview.review;

import java.util.List;

/** A review in the persona's format (review-contract.md section 1), as data. */
public record Review(Score score, List<Risk> risks, List<String> missingObservability,
                     List<String> resourceConcerns, List<ChecklistItem> checklist) {
    public Review {
        risks = List.copyOf(risks);
        missingObservability = List.copyOf(missingObservability);
        resourceConcerns = List.copyOf(resourceConcerns);
        checklist = List.copyOf(checklist);
    }
}
