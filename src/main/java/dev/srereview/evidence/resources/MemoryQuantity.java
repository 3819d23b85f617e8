package dev.srereview.evidence.resources;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Memory sizes as written in Kubernetes ({@code 512Mi}, {@code 2Gi}, {@code 1G}, {@code 129e6}) and in
 * Docker/compose ({@code 512m}, {@code 2g}, {@code 2GB}: Docker's units are binary), and their display.
 */
public final class MemoryQuantity {
    private static final Pattern K8S = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)(?:[eE]([0-9]+))?\\s*(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)?$");
    private static final Pattern DOCKER = Pattern.compile("^([0-9]+(?:\\.[0-9]+)?)\\s*([bkmgtp]?)b?$");

    private MemoryQuantity() {
    }

    /** A Kubernetes quantity in bytes; empty when it is not one (a template, a typo). */
    public static OptionalLong k8s(String text) {
        Matcher m = K8S.matcher(text.strip().replace("\"", "").replace("'", ""));
        if (!m.matches()) {
            return OptionalLong.empty();
        }
        double v = Double.parseDouble(m.group(1));
        if (m.group(2) != null) {
            v *= Math.pow(10, Integer.parseInt(m.group(2)));
        }
        String unit = m.group(3) == null ? "" : m.group(3);
        double mult = switch (unit) {
            case "Ki" -> 1024d;
            case "Mi" -> Math.pow(1024, 2);
            case "Gi" -> Math.pow(1024, 3);
            case "Ti" -> Math.pow(1024, 4);
            case "Pi" -> Math.pow(1024, 5);
            case "Ei" -> Math.pow(1024, 6);
            case "k", "K" -> 1e3;
            case "M" -> 1e6;
            case "G" -> 1e9;
            case "T" -> 1e12;
            case "P" -> 1e15;
            case "E" -> 1e18;
            case "m" -> 1e-3; // millibytes: legal, and a classic typo for Mi
            default -> 1d;
        };
        return OptionalLong.of((long) (v * mult));
    }

    /** A Docker/compose size ({@code mem_limit: 2g}, {@code memory: 512M}); Docker's k/m/g are binary. */
    public static OptionalLong docker(String text) {
        String t = text.strip().replace("\"", "").replace("'", "");
        Matcher m = DOCKER.matcher(t.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            // Compose also accepts Kubernetes-style "2Gi" in deploy.resources.
            return k8s(t);
        }
        double v = Double.parseDouble(m.group(1));
        double mult = switch (m.group(2)) {
            case "k" -> 1024d;
            case "m" -> Math.pow(1024, 2);
            case "g" -> Math.pow(1024, 3);
            case "t" -> Math.pow(1024, 4);
            case "p" -> Math.pow(1024, 5);
            default -> 1d;
        };
        return OptionalLong.of((long) (v * mult));
    }

    /** Decimal display for file sizes: 1.6 GB, 420 MB, 12 KB. */
    public static String decimal(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return trim(bytes / 1e9) + " GB";
        }
        if (bytes >= 1_000_000L) {
            return trim(bytes / 1e6) + " MB";
        }
        if (bytes >= 1_000L) {
            return trim(bytes / 1e3) + " KB";
        }
        return bytes + " B";
    }

    /** A limit as written, spelled out: "2Gi" → "2 GiB", "512m" (Docker) → "512 MiB". */
    public static String display(String text, boolean dockerUnits) {
        String t = text.strip().replace("\"", "").replace("'", "");
        Matcher m = Pattern.compile("^([0-9.]+)\\s*([A-Za-z]*)$").matcher(t);
        if (!m.matches()) {
            return t;
        }
        String u = m.group(2);
        String unit = switch (dockerUnits ? u.toLowerCase(Locale.ROOT).replace("b", "") : u) {
            case "Ki" -> "KiB";
            case "Mi" -> "MiB";
            case "Gi" -> "GiB";
            case "Ti" -> "TiB";
            case "k", "K" -> dockerUnits ? "KiB" : "kB";
            case "m" -> dockerUnits ? "MiB" : "millibytes";
            case "M" -> "MB";
            case "g" -> "GiB";
            case "G" -> "GB";
            case "t" -> "TiB";
            case "T" -> "TB";
            case "", "b" -> "bytes";
            default -> u;
        };
        return m.group(1) + " " + unit;
    }

    private static String trim(double v) {
        String s = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
