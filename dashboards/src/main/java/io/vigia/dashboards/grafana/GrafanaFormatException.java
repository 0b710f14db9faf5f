package io.vigia.dashboards.grafana;

/** Input that is not a Grafana (or Vigia) dashboard at all. */
public final class GrafanaFormatException extends RuntimeException {
    public GrafanaFormatException(String message) {
        super(message);
    }
}
