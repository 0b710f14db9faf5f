package io.vigia.app;

import io.vigia.app.cli.VigiaCommand;
import io.vigia.app.diagnostics.CrashReports;
import io.vigia.app.diagnostics.LogFile;
import io.vigia.app.diagnostics.StateDirectory;

import java.nio.file.Path;
import java.time.Clock;

/**
 * Entry point of {@code ./vigia} and of the installed launcher. Not a JavaFX
 * {@code Application}, so that the CLI runs headless without the toolkit.
 */
public final class Main {
    private Main() {
    }

    /** The JDK HTTP server's switch for TCP_NODELAY on accepted connections (jdk.httpserver's module docs). */
    static final String HTTP_SERVER_NODELAY = "sun.net.httpserver.nodelay";

    /**
     * System properties the app needs before anything starts; one given with -D wins. vigia serve
     * and the OTLP receiver run on the JDK's HTTP server, which leaves Nagle's algorithm on unless
     * told: the last small write of a response then waits for the client's delayed ACK, up to 40 ms
     * a response on Linux (seen in the equal-terms benchmark). Go, and so Prometheus, sets TCP_NODELAY
     * on every connection (net.TCPConn.SetNoDelay: "The default is true (no delay)"). The server
     * reads the property once, when the first one starts.
     */
    static void applyDefaults(java.util.Properties properties) {
        properties.putIfAbsent(HTTP_SERVER_NODELAY, "true");
    }

    public static void main(String[] args) {
        applyDefaults(System.getProperties());
        // the log file and crash reports live in the per-user state directory, both owner-only
        Path state = StateDirectory.get();
        LogFile.attach(state);
        System.exit(VigiaCommand.run(new CrashReports(state, VigiaVersion.get(), Clock.systemUTC()), args));
    }
}
