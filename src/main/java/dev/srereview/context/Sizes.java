package dev.srereview.context;

import java.util.Locale;

/** Human-readable sizes and counts for the prompt, the summary line and /context. */
public final class Sizes {
    private Sizes() {
    }

    /**
     * 512 B, 4.1 KB, 3.2 GB. Decimal multiples (1 GB = 10^9 B), as the evidence stage writes sizes, so one
     * file reads the same in the summary line, the prompt and the review; memory limits stay in GiB there.
     */
    public static String human(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        do {
            v /= 1000;
            u++;
        } while (v >= 999.95 && u < units.length - 1);
        return (v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[u];
    }

    /** 24,310 */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
