package dev.srereview.transcript;

import dev.srereview.config.Settings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds a session's header: who wrote it, against what, with which persona, never the key. */
public final class SessionHeaders {
    private static final Logger LOG = LoggerFactory.getLogger(SessionHeaders.class);
    private final Clock clock;

    public SessionHeaders(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param personaPrompt the persona prompt text as sent (only its SHA-256 is kept)
     * @param target        what the session is about (the REPL: the working directory's name)
     */
    public TranscriptEvent.Header create(Settings settings, String toolVersion, String personaPrompt, String target) {
        return create(settings, toolVersion, personaPrompt, target, UUID.randomUUID().toString());
    }

    /** @param sessionId the REPL's own session id, so /save can find this session's file again */
    public TranscriptEvent.Header create(Settings settings, String toolVersion, String personaPrompt, String target,
                                         String sessionId) {
        Settings.Llm llm = settings == null ? null : settings.llm();
        boolean online = llm != null && llm.hasKey() && !settings.review().offline();
        return new TranscriptEvent.Header(clock.instant(), TranscriptEvent.SCHEMA_VERSION, toolVersion,
                sessionId, online ? llm.model() : null,
                online ? host(llm.baseUrl()) : null, sha256(personaPrompt), target, SettingsSnapshot.of(settings));
    }

    /** Only the host: a base URL can carry user:password@ or a key in its query. */
    static String host(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return null;
        }
        try {
            return new URI(baseUrl.strip()).getHost();
        } catch (URISyntaxException e) {
            LOG.debug("endpoint base URL is not a URI; the header records no host: {}", e.getMessage());
            return null;
        }
    }

    public static String sha256(String text) {
        if (text == null) {
            return null;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
