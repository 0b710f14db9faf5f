package io.vigia.datasources.http;

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
}
