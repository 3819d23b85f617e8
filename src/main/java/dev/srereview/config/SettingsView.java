package dev.srereview.config;

import java.util.ArrayList;
import java.util.List;

/** Settings shown to the user (/config, --verbose logs) and edited in a session (/model). The key is always masked. */
public final class SettingsView {
    private SettingsView() {
    }

    /** One {@code key: value} line per setting, in the shipped file's order, the key masked. */
    public static List<String> describe(Settings s) {
        Settings.Llm l = s.llm();
        List<String> lines = new ArrayList<>();
        lines.add("llm.baseUrl: " + l.baseUrl());
        lines.add("llm.model: " + l.model());
        lines.add("llm.apiKey: " + s.maskedKey());
        lines.add("llm.timeout: " + Durations.format(l.timeout()));
        lines.add("llm.maxAttempts: " + l.maxAttempts());
        lines.add("llm.deadline: " + Durations.format(l.deadline()));
        lines.add("llm.backoffInitial: " + Durations.format(l.backoffInitial()));
        lines.add("llm.backoffMultiplier: " + l.backoffMultiplier());
        lines.add("llm.backoffMax: " + Durations.format(l.backoffMax()));
        lines.add("llm.breakerFailureThreshold: " + l.breakerFailureThreshold());
        lines.add("llm.breakerWindow: " + l.breakerWindow());
        lines.add("llm.breakerOpenFor: " + Durations.format(l.breakerOpenFor()));
        lines.add("llm.requestsPerMinute: " + l.requestsPerMinute());
        lines.add("llm.temperature: " + l.temperature());
        lines.add("llm.maxOutputTokens: " + l.maxOutputTokens());
        lines.add("review.maxRepairs: " + s.review().maxRepairs());
        lines.add("review.offlineFallback: " + s.review().offlineFallback());
        lines.add("review.offline: " + s.review().offline());
        Settings.ContextSettings c = s.context();
        lines.add("context.maxTokens: " + c.maxTokens());
        lines.add("context.maxFileBytes: " + c.maxFileBytes());
        lines.add("context.maxLineChars: " + c.maxLineChars());
        lines.add("context.pricePer1kTokens: " + plain(c.pricePer1kTokens()));
        lines.add("context.confirmAboveUsd: " + plain(c.confirmAboveUsd()));
        lines.add("context.encoding: " + c.encoding());
        lines.add("transcripts.dir: " + s.transcripts().dir());
        lines.add("log.level: " + s.log().level());
        lines.add("log.dir: " + s.log().dir());
        return lines;
    }

    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** The same settings with another model (the /model command). */
    public static Settings withModel(Settings s, String model) {
        Settings.Llm l = s.llm();
        Settings.Llm changed = new Settings.Llm(l.baseUrl(), model, l.apiKey(), l.timeout(), l.maxAttempts(),
                l.deadline(), l.backoffInitial(), l.backoffMultiplier(), l.backoffMax(), l.breakerFailureThreshold(),
                l.breakerWindow(), l.breakerOpenFor(), l.requestsPerMinute(), l.temperature(), l.maxOutputTokens());
        return new Settings(changed, s.review(), s.context(), s.transcripts(), s.log());
    }

    /** The endpoint's host only (banner, logs): never a full URL that might carry credentials. */
    public static String endpointHost(Settings s) {
        try {
            java.net.URI uri = java.net.URI.create(s.llm().baseUrl());
            return uri.getHost() == null ? s.llm().baseUrl() : uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return s.llm().baseUrl();
        }
    }
}
