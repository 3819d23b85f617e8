package dev.srereview.transcript;

import dev.srereview.config.Settings;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URISyntaxException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The effective settings as a nested map for the transcript header, secrets dropped. Walks the record
 * components rather than naming each key, so a key added to {@link Settings} later is recorded too; any
 * component whose name looks like a secret is left out (today: {@code llm.apiKey}).
 */
public final class SettingsSnapshot {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsSnapshot.class);
    private static final Pattern SECRET_NAME =
            Pattern.compile("(?i)(.*api_?key.*|key|.*secret.*|.*password.*|.*credential.*|.*bearer.*|token)");

    private SettingsSnapshot() {
    }

    public static Map<String, Object> of(Settings settings) {
        if (settings == null) {
            return Map.of();
        }
        return record(settings);
    }

    static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    private static Map<String, Object> record(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            if (isSecretName(c.getName())) {
                continue;
            }
            Object value;
            try {
                value = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read setting " + c.getName() + " of " + r.getClass(), e);
            }
            out.put(c.getName(), value(value));
        }
        return out;
    }

    private static Object value(Object v) {
        if (v instanceof String s && s.contains("://")) {
            return withoutCredentials(s);
        }
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Record nested) {
            return record(nested);
        }
        if (v instanceof Duration d) {
            return duration(d);
        }
        if (v instanceof Path p) {
            return p.toString();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        return String.valueOf(v);
    }

    /** A URL keeps scheme, host, port and path: user:password@ and the query can hold a key. */
    static String withoutCredentials(String url) {
        try {
            URI u = new URI(url.strip());
            if (u.getHost() == null) {
                return url;
            }
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
        } catch (URISyntaxException e) {
            // Not a URL after all: the scrubber's redactor still sees it as free text.
            LOG.debug("setting value with :// is not a URI, kept as text: {}", e.getMessage());
            return url;
        }
    }

    /** In the settings files' own notation: 500ms, 3s, 2m. */
    static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
