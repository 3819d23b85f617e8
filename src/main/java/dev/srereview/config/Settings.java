package dev.srereview.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The effective settings after layering (config/ defaults &lt; user file &lt; environment &lt; flags).
 * Every key is documented in config/defaults.yaml. The API key is held apart in {@link Llm#apiKey()}
 * and never printed: use {@link #maskedKey()}.
 */
public record Settings(Llm llm, ReviewSettings review, ContextSettings context, TranscriptSettings transcripts,
                       LogSettings log) {

    /**
     * @param apiKey          from OPENAI_API_KEY or a user file; null or blank means offline
     * @param timeout         one attempt's limit (bounds the whole streamed answer)
     * @param maxAttempts     attempts per request, the first included
     * @param deadline        the whole review's limit, re-asks and retries included
     * @param requestsPerMinute client-side rate limit
     */
    public record Llm(String baseUrl, String model, String apiKey, Duration timeout, int maxAttempts,
                      Duration deadline, Duration backoffInitial, double backoffMultiplier, Duration backoffMax,
                      int breakerFailureThreshold, int breakerWindow, Duration breakerOpenFor,
                      int requestsPerMinute, double temperature, int maxOutputTokens) {
        public boolean hasKey() {
            return apiKey != null && !apiKey.isBlank();
        }

        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (hasKey() ? "****" : "none") + "]";
        }
    }

    /** @param offlineFallback when false, a failed LLM review is exit 3 rather than the offline review */
    public record ReviewSettings(int maxRepairs, boolean offlineFallback, boolean offline) {
    }

    /**
     * @param maxTokens         the prompt's budget, persona and evidence included
     * @param pricePer1kTokens  USD, for the estimate shown before sending
     * @param confirmAboveUsd   the REPL asks before sending a prompt estimated above this
     */
    public record ContextSettings(int maxTokens, long maxFileBytes, int maxLineChars, double pricePer1kTokens,
                                  double confirmAboveUsd, String encoding) {
    }

    public record TranscriptSettings(Path dir) {
    }

    /** @param dir where the rolling log file goes (the user's state directory by default) */
    public record LogSettings(String level, Path dir) {
    }

    public String maskedKey() {
        if (!llm.hasKey()) {
            return "(none: offline reviewer)";
        }
        String k = llm.apiKey();
        return k.length() <= 8 ? "****" : k.substring(0, 3) + "…" + k.substring(k.length() - 2);
    }
}
