package io.vigia.datasources.http;

import io.vigia.datasources.api.ApiErrorException;

import java.util.function.Supplier;

/** What "Save &amp; test" shows: the server's version, or the precise failure. */
public sealed interface ConnectionTestResult {

    boolean ok();

    String message();

    /**
     * @param product  e.g. "Prometheus" or "Loki"
     * @param version  the server's version, or a note when the server does not say
     * @param insecure TLS verification is off: the UI shows a warning next to the success
     */
    record Success(String product, String version, String revision, boolean insecure) implements ConnectionTestResult {
        @Override
        public boolean ok() {
            return true;
        }

        @Override
        public String message() {
            return product + " " + version + (revision == null || revision.isEmpty() ? "" : " (revision " + revision + ")")
                    + (insecure ? " — WARNING: TLS certificate verification is switched off" : "");
        }
    }

    /** {@code kind} is null when the server answered with its own API error. */
    record Failure(RemoteException.Kind kind, String message) implements ConnectionTestResult {
        @Override
        public boolean ok() {
            return false;
        }
    }

    static ConnectionTestResult failure(RuntimeException e) {
        if (e instanceof RemoteException re) {
            return new Failure(re.kind(), re.getMessage());
        }
        return new Failure(null, e.getMessage());
    }

    /** A server's version as its buildinfo endpoint says. */
    record Version(String version, String revision) {
    }

    /**
     * "Save &amp; test", the same for every kind of server: its version from {@code buildInfo}; when
     * the server has no buildinfo (404) and {@code probe} is given, a trivial request that proves
     * the API answers. Never throws: every failure becomes a {@link Failure} that says what happened.
     *
     * @param product       what the server is, e.g. "Loki"
     * @param buildInfoPath the endpoint {@code buildInfo} asks, for the note when it is missing
     * @param probe         null when a missing buildinfo is a failure
     */
    static ConnectionTestResult test(String product, boolean insecure, String buildInfoPath, Supplier<Version> buildInfo,
                                     Runnable probe) {
        try {
            Version v = buildInfo.get();
            return new Success(product, v.version(), v.revision(), insecure);
        } catch (RemoteException e) {
            if (e.kind() != RemoteException.Kind.NOT_FOUND || probe == null) {
                return new Failure(e.kind(), e.getMessage());
            }
            try {
                probe.run();
                return new Success(product, "unknown (no " + buildInfoPath + "; queries work)", "", insecure);
            } catch (RuntimeException e2) {
                return new Failure(e.kind(), e.getMessage());
            }
        } catch (RuntimeException e) {
            // the server's own API error (kind null), or an answer Vigia could not read
            return e instanceof ApiErrorException
                    ? new Failure(null, e.getMessage())
                    : new Failure(RemoteException.Kind.BAD_RESPONSE, String.valueOf(e.getMessage()));
        }
    }
}
