package io.vigia.datasources.scrape;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** One {@code /metrics} endpoint scraped on an interval, as a Prometheus static_config target would be. */
public record ScrapeTarget(String job, URI url, Duration interval, Duration timeout) {
    public ScrapeTarget {
        Objects.requireNonNull(job);
        Objects.requireNonNull(url);
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("scrape interval must be positive");
        }
        if (timeout.compareTo(interval) > 0) {
            throw new IllegalArgumentException("scrape timeout " + timeout + " is longer than the interval " + interval);
        }
    }

    /** {@code host:port} of the URL, Prometheus's {@code instance} label. */
    public String instance() {
        int port = url.getPort() >= 0 ? url.getPort() : ("https".equalsIgnoreCase(url.getScheme()) ? 443 : 80);
        return url.getHost() + ":" + port;
    }
}
