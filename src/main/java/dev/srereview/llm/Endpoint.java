package dev.srereview.llm;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * An OpenAI-compatible base URL, normalised once. A trailing slash is dropped; a URL with no path at all
 * ({@code http://localhost:11434}) gets {@code /v1}, the usual mistake with Ollama, vLLM and LM Studio. Any other
 * path is kept as written, because some compatible endpoints live elsewhere (for example {@code .../v1beta/openai}).
 */
public record Endpoint(String baseUrl, String host) {

    public static Endpoint parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("llm.baseUrl is empty: set OPENAI_BASE_URL to an endpoint ending in /v1");
        }
        String url = raw.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("llm.baseUrl '" + raw + "' is not a URL: " + e.getReason(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("llm.baseUrl '" + raw + "' is not an http(s) URL, such as "
                    + "https://api.openai.com/v1 or http://localhost:11434/v1");
        }
        if (uri.getRawPath() == null || uri.getRawPath().isEmpty()) {
            url = url + "/v1";
        }
        String host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        return new Endpoint(url, host);
    }

    @Override
    public String toString() {
        return baseUrl;
    }
}
