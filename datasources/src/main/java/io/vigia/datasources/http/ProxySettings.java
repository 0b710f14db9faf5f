package io.vigia.datasources.http;

import java.util.Objects;

/** How to reach the server: directly, through the JVM's/system proxy selection, or a given proxy. */
public record ProxySettings(Mode mode, String host, int port) {

    public enum Mode { DIRECT, SYSTEM, HTTP, SOCKS }

    public static final ProxySettings SYSTEM = new ProxySettings(Mode.SYSTEM, null, 0);
    public static final ProxySettings DIRECT = new ProxySettings(Mode.DIRECT, null, 0);

    public ProxySettings {
        Objects.requireNonNull(mode, "mode");
        if (mode == Mode.HTTP || mode == Mode.SOCKS) {
            if (host == null || host.isBlank() || port <= 0 || port > 65535) {
                throw new IllegalArgumentException(mode + " proxy needs a host and a port in 1..65535");
            }
        }
    }

    public static ProxySettings http(String host, int port) {
        return new ProxySettings(Mode.HTTP, host, port);
    }

    public static ProxySettings socks(String host, int port) {
        return new ProxySettings(Mode.SOCKS, host, port);
    }
}
