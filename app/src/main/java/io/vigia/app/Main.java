package io.vigia.app;

import io.vigia.app.cli.VigiaCommand;

/**
 * Entry point of {@code ./vigia} and of the installed launcher. Not a JavaFX
 * {@code Application}, so that the CLI runs headless without the toolkit.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(VigiaCommand.run(args));
    }
}
