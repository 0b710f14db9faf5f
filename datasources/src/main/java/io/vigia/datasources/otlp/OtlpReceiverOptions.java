package io.vigia.datasources.otlp;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the OTLP receiver listens and what it keeps.
 *
 * @param listen       where to listen; a non-loopback address needs {@code allowRemote}
 * @param allowRemote  whether an address other than loopback may be used (the assistants run on
 *                     this machine, and the receiver has no authentication)
 * @param maxBodyBytes the largest request body, after gzip decompression; the OTLP specification
 *                     recommends 20 MiB and answers a larger one with 413
 * @param contentFile  where redacted prompt and response content goes when the user turned
 *                     content capture on; empty (the default) keeps none
 */
public record OtlpReceiverOptions(InetSocketAddress listen, boolean allowRemote, long maxBodyBytes, Optional<Path> contentFile) {
    public static final int DEFAULT_PORT = 4318;
    public static final long DEFAULT_MAX_BODY_BYTES = 20L << 20;
    public static final String DEFAULT_LISTEN = "127.0.0.1:" + DEFAULT_PORT;

    public OtlpReceiverOptions {
        if (listen.isUnresolved()) {
            throw new IllegalArgumentException("cannot resolve the listen address " + listen.getHostString());
        }
        if (!listen.getAddress().isLoopbackAddress() && !allowRemote) {
            throw new IllegalArgumentException("refusing to listen on " + listen.getAddress().getHostAddress()
                    + ", which is not a loopback address: the receiver has no authentication, so anyone who can reach "
                    + "it could write into the workspace; pass --allow-remote to do it anyway");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1024 bytes");
        }
    }

    /** Loopback on the default port, 20 MiB, no content kept. */
    public static OtlpReceiverOptions defaults() {
        return new OtlpReceiverOptions(parseListen(DEFAULT_LISTEN), false, DEFAULT_MAX_BODY_BYTES, Optional.empty());
    }

    public boolean isRemote() {
        return !listen.getAddress().isLoopbackAddress();
    }

    /** {@code host:port}, {@code [v6]:port} or {@code :port} (loopback). */
    public static InetSocketAddress parseListen(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected HOST:PORT, got \"" + text + "\"");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a port number after the colon in \"" + text + "\"", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
        }
        return new InetSocketAddress(host.isEmpty() ? "127.0.0.1" : host, port);
    }
}
