package io.vigia.dashboards.report;

import io.vigia.datasources.api.MetricsSource;
import io.vigia.datasources.http.RemoteException;

/**
 * The metrics source itself failed (unreachable, refused, TLS, authentication, not a Prometheus
 * API): no panel can be computed, so the report is not written at all, rather than written as a
 * "partial" report that is in fact empty. A query the server rejects is not this: that panel is
 * listed as missing and the report is partial.
 */
public final class SourceUnavailableException extends RuntimeException {
    private final String sourceName;

    public SourceUnavailableException(String sourceName, RemoteException cause) {
        super("source \"" + sourceName + "\" failed: " + cause.getMessage(), cause);
        this.sourceName = sourceName;
    }

    public String sourceName() {
        return sourceName;
    }

    static void rethrowIfUnreachable(MetricsSource source, RuntimeException e) {
        if (e instanceof RemoteException r) {
            throw new SourceUnavailableException(source.name(), r);
        }
    }
}
