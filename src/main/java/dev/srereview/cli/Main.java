package dev.srereview.cli;

/** Entry point (bin/sre-review). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int code = new Cli(AppEnvironment.system()).run(args);
        System.out.flush();
        System.exit(code);
    }
}
