package dev.srereview.context;

import java.util.List;
import java.util.Map;

/** Chooses what of the snapshot goes into the prompt within a token budget (skeleton). */
public final class ContextPacker {
    private final TokenCounter counter;

    public ContextPacker(TokenCounter counter) {
        this.counter = counter;
    }

    /**
     * @param findingWeightByPath higher means more severe evidence in that file: sent first
     * @param tokenBudget         tokens available for the repository text (persona and evidence already subtracted)
     */
    public PackedContext pack(RepoSnapshot snapshot, Map<String, Integer> findingWeightByPath, int tokenBudget) {
        return new PackedContext("", List.of(), List.of(), counter.count(""));
    }
}
