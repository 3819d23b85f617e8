package dev.srereview.evidence.deps;

/**
 * One declared dependency.
 *
 * @param spec    the version part as written ("" for a bare name)
 * @param pinned  an exact version (== x.y.z, a poetry exact version, a VCS ref, a direct file URL)
 */
public record Requirement(String name, String spec, int line, boolean pinned) {
    /** A bare name: anything at all may be installed. */
    public boolean bare() {
        return spec.isBlank() || spec.strip().equals("*");
    }
}
