package dev.srereview.chat.commands;

import dev.srereview.chat.ChatContext;
import dev.srereview.chat.SlashCommand;

/** /stats: the LLM client's counters (requests, tokens, latency, retries, breaker) and this session's reviews. */
public final class StatsCommand implements SlashCommand {
    @Override
    public String name() {
        return "stats";
    }

    @Override
    public String help() {
        return "requests, tokens, latency p50/p95, retries, circuit breaker, reviews";
    }

    @Override
    public Result execute(String args, ChatContext context) {
        context.out().println("LLM client:");
        context.llmStats().describe().lines().forEach(l -> context.out().println("  " + l));
        context.out().println("This session:");
        context.out().println("  " + context.counters().describe());
        context.out().flush();
        return Result.CONTINUE;
    }
}
