package dev.srereview.evidence.docker;

import java.util.Locale;

/**
 * An image reference, {@code [registry/]name[:tag][@digest]}.
 *
 * @param tag    empty when none was written
 * @param digest empty when none was written
 */
public record ImageRef(String name, String tag, String digest) {
    public static ImageRef parse(String ref) {
        String r = ref.strip();
        String digest = "";
        int at = r.indexOf('@');
        if (at >= 0) {
            digest = r.substring(at + 1);
            r = r.substring(0, at);
        }
        int slash = r.lastIndexOf('/');
        int colon = r.lastIndexOf(':');
        String tag = "";
        if (colon > slash) {
            tag = r.substring(colon + 1);
            r = r.substring(0, colon);
        }
        return new ImageRef(r, tag, digest);
    }

    /** A variable left unresolved ({@code python:${TAG}} with no default): the tag is chosen at build time. */
    public boolean unresolved() {
        return name.contains("$") || tag.contains("$") || digest.contains("$");
    }

    public boolean scratch() {
        return name.equalsIgnoreCase("scratch");
    }

    /** No digest, and no tag or {@code latest}: what it runs changes under you. */
    /** No tag, {@code :latest}, or a latest variant ({@code latest-cpu}, {@code gpu-latest}): moves with each push. */
    public boolean floating() {
        String t = tag.toLowerCase(Locale.ROOT);
        return !unresolved() && !scratch() && digest.isEmpty()
                && (t.isEmpty() || t.equals("latest") || t.startsWith("latest-") || t.endsWith("-latest"));
    }

    @Override
    public String toString() {
        return name + (tag.isEmpty() ? "" : ":" + tag) + (digest.isEmpty() ? "" : "@" + digest);
    }
}
