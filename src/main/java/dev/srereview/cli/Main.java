package dev.srereview.cli;

/** Entry point (bin/sre-review). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The commonest probe answers without building the command tree (start-up budget: see bench/startup.sh).
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            System.out.println(new ManifestVersion().getVersion()[0]);
            return;
        }
        // Logback's own set-up needs nothing from the settings: it runs on a second core while this thread reads
        // them, and the file appender is installed after both, as before.
        dev.srereview.config.logging.LoggingSetup.initialiseInBackground();
        int code = new Cli(AppEnvironment.system()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
