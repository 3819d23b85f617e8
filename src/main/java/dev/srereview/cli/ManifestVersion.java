package dev.srereview.cli;

import picocli.CommandLine;

/** The version from the jar manifest (Implementation-Version), "dev" when run from classes. */
public final class ManifestVersion implements CommandLine.IVersionProvider {
    public static String version() {
        String v = ManifestVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sre-review " + version()};
    }
}
