package io.vigia.datasources.http;

import io.vigia.datasources.secrets.TlsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything needed to talk to one remote data source; safe to persist because secrets appear
 * only as {@link SecretRef}s.
 *
 * @param name             what the user calls it, e.g. "prod Mimir"
 * @param type             the API it speaks
 * @param url              base URL including any path prefix, e.g. {@code https://mimir/prometheus}
 * @param auth             authentication
 * @param headers          custom headers sent with every request
 * @param tls              TLS settings (used for https URLs)
 * @param proxy            proxy selection
 * @param timeout          whole-call timeout (connect + send + wait + read the body)
 * @param maxResponseBytes responses larger than this fail with a clear error instead of exhausting memory
 * @param minInterval      the source's scrape interval: lower bound for the step, base of {@code $__rate_interval}
 * @param httpMethod       GET/POST choice for query endpoints
 */
public record ConnectionSettings(String name, SourceType type, URI url, Authentication auth,
                                 List<HeaderSetting> headers, TlsSettings tls, ProxySettings proxy,
                                 Duration timeout, long maxResponseBytes, Duration minInterval,
                                 HttpMethodPreference httpMethod) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    public static final long DEFAULT_MAX_RESPONSE_BYTES = 64L * 1024 * 1024;
    /** Grafana's default scrape interval for Prometheus data sources. */
    public static final Duration DEFAULT_MIN_INTERVAL = Duration.ofSeconds(15);

    public ConnectionSettings {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(url, "url");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("data source URL must be http:// or https://, got '" + url + "'");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("data source URL has no host: '" + url + "'");
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException("put credentials in the authentication settings, not in the URL");
        }
        name = name == null || name.isBlank() ? url.getHost() : name;
        auth = auth == null ? Authentication.NONE : auth;
        headers = headers == null ? List.of() : List.copyOf(headers);
        tls = tls == null ? TlsSettings.DEFAULT : tls;
        proxy = proxy == null ? ProxySettings.SYSTEM : proxy;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        if (maxResponseBytes <= 0) {
            maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
        }
        minInterval = minInterval == null ? DEFAULT_MIN_INTERVAL : minInterval;
        httpMethod = httpMethod == null ? HttpMethodPreference.AUTO : httpMethod;
    }

    /** Defaults for everything but the type and URL. */
    public static ConnectionSettings of(SourceType type, String url) {
        return new ConnectionSettings(null, type, URI.create(url), null, null, null, null, null, 0, null, null);
    }

    public boolean isInsecure() {
        return tls.insecureSkipVerify() && "https".equalsIgnoreCase(url.getScheme());
    }

    public ConnectionSettings withName(String n) {
        return new ConnectionSettings(n, type, url, auth, headers, tls, proxy, timeout, maxResponseBytes, minInterval, httpMethod);
    }

    public ConnectionSettings withAuth(Authentication a) {
        return new ConnectionSettings(name, type, url, a, headers, tls, proxy, timeout, maxResponseBytes, minInterval, httpMethod);
    }

    public ConnectionSettings withHeaders(List<HeaderSetting> h) {
        return new ConnectionSettings(name, type, url, auth, h, tls, proxy, timeout, maxResponseBytes, minInterval, httpMethod);
    }

    public ConnectionSettings withTls(TlsSettings t) {
        return new ConnectionSettings(name, type, url, auth, headers, t, proxy, timeout, maxResponseBytes, minInterval, httpMethod);
    }

    public ConnectionSettings withProxy(ProxySettings p) {
        return new ConnectionSettings(name, type, url, auth, headers, tls, p, timeout, maxResponseBytes, minInterval, httpMethod);
    }

    public ConnectionSettings withTimeout(Duration t) {
        return new ConnectionSettings(name, type, url, auth, headers, tls, proxy, t, maxResponseBytes, minInterval, httpMethod);
    }

    public ConnectionSettings withMaxResponseBytes(long max) {
        return new ConnectionSettings(name, type, url, auth, headers, tls, proxy, timeout, max, minInterval, httpMethod);
    }

    public ConnectionSettings withMinInterval(Duration m) {
        return new ConnectionSettings(name, type, url, auth, headers, tls, proxy, timeout, maxResponseBytes, m, httpMethod);
    }

    public ConnectionSettings withHttpMethod(HttpMethodPreference m) {
        return new ConnectionSettings(name, type, url, auth, headers, tls, proxy, timeout, maxResponseBytes, minInterval, m);
    }
}
