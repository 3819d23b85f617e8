package dev.srereview.cli;

/** Entry point; picocli commands are wired here. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("sre-review 0.1.0 (skeleton)");
    }
}
