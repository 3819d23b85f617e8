package dev.srereview.context;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM and OpenSSH private key blocks, also written inline with {@code \n} escapes (service-account JSON).
 * The body between the BEGIN and END lines is replaced, keeping as many line breaks as it had, so every
 * later line keeps its number for citations. A block with no END line is redacted to the end of its
 * base64 lines; a body too short to be a key ({@code ...}) is a documentation look-alike.
 */
final class PrivateKeyDetector {
    private static final Pattern HEADER = Pattern.compile("-----BEGIN ((?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?)-----");
    private static final int MAX_BODY = 64 * 1024;
    private static final int MIN_BODY = 32;

    private PrivateKeyDetector() {
    }

    static void find(String text, Needles.Hits needles, List<Redactor.Hit> hits) {
        int resumeAt = 0;
        for (int k = 0; k < needles.size(); k++) {
            int at = needles.start(k);
            if (needles.needle(k).use() != Needles.Use.PRIVATE_KEY || at < resumeAt) {
                continue;
            }
            Matcher h = HEADER.matcher(text).region(at, Math.min(text.length(), at + 80));
            if (!h.lookingAt()) {
                continue;
            }
            int bodyStart = h.end();
            String endMarker = "-----END " + h.group(1) + "-----";
            int end = text.indexOf(endMarker, bodyStart);
            int bodyEnd;
            if (end >= 0 && end - bodyStart <= MAX_BODY) {
                bodyEnd = end;
                resumeAt = end + endMarker.length();
            } else {
                bodyEnd = base64LinesEnd(text, bodyStart);
                resumeAt = bodyEnd;
            }
            if (significantChars(text, bodyStart, bodyEnd) >= MIN_BODY) {
                hits.add(new Redactor.Hit(bodyStart, bodyEnd, "private-key", Redactor.nameBefore(text, at), 0));
            }
        }
    }

    /** Base64 characters in the body, escapes and whitespace aside. */
    private static int significantChars(String text, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '=') {
                count++;
            }
        }
        return count;
    }

    private static int base64LinesEnd(String text, int from) {
        int pos = from;
        int n = text.length();
        while (pos < n) {
            int eol = text.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            String line = text.substring(pos, eol).strip();
            boolean keyish = line.isEmpty() && pos == from
                    || line.matches("[A-Za-z0-9+/=]+") || line.startsWith("Proc-Type:") || line.startsWith("DEK-Info:");
            if (!keyish) {
                return pos;
            }
            pos = eol + 1;
            if (pos - from > MAX_BODY) {
                return Math.min(pos, n);
            }
        }
        return n;
    }
}
