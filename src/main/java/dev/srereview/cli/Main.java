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
        int code = new Cli(AppEnvironment.system()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
