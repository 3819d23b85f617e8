package dev.srereview.context;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The secrets the scan redacted, remembered as salted hashes (never the values, never written anywhere), so the same
 * value is redacted when it turns up in free text later: a question typed into the chat ("is Sup3rS3cretPw!x ok?")
 * that no detector would recognise on its own, before it reaches a prompt, a transcript or the history.
 */
final class KnownSecrets {
    /** Shorter values are too likely to be ordinary words. */
    static final int MIN_LENGTH = 8;
    static final String LABEL = "[REDACTED:repository-secret]";
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    /** What commonly wraps a value in prose: quotes, brackets, a trailing question mark or full stop. */
    private static final String WRAPPING = "\"'`()[]{}<>,;:.!?";

    private final Set<String> hashes = ConcurrentHashMap.newKeySet();
    private final byte[] salt = new byte[16];

    KnownSecrets() {
        new SecureRandom().nextBytes(salt);
    }

    void remember(String value) {
        String v = value.strip();
        if (v.length() >= MIN_LENGTH && v.indexOf('\n') < 0) {
            hashes.add(hash(v));
        }
    }

    boolean isEmpty() {
        return hashes.isEmpty();
    }

    /** {@code text} with each whitespace-separated token that is a remembered value (maybe wrapped) replaced. */
    String scrub(String text) {
        if (hashes.isEmpty() || text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = null;
        int pos = 0;
        while (m.find()) {
            int[] span = match(text, m.start(), m.end());
            if (span != null) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, pos, span[0]).append(LABEL);
                pos = span[1];
            }
        }
        return out == null ? text : out.append(text, pos, text.length()).toString();
    }

    /** The span inside [start, end) that is a remembered value: the token itself, or it with wrapping peeled off. */
    private int[] match(String text, int start, int end) {
        for (int s = start; s < end && end - s >= MIN_LENGTH; s++) {
            for (int e = end; e - s >= MIN_LENGTH; e--) {
                if (hashes.contains(hash(text.substring(s, e)))) {
                    return new int[] {s, e};
                }
                if (WRAPPING.indexOf(text.charAt(e - 1)) < 0) {
                    break; // only wrapping characters are peeled from the end
                }
            }
            if (WRAPPING.indexOf(text.charAt(s)) < 0) {
                break; // and from the start
            }
        }
        return null;
    }

    private String hash(String value) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return HexFormat.of().formatHex(sha.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
