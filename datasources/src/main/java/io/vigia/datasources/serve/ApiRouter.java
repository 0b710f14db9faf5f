package io.vigia.datasources.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.vigia.datasources.api.QueryException;
import io.vigia.datasources.instrument.VigiaMetrics;
import io.vigia.persistence.workspace.WorkspaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * Every request of {@code vigia serve}: authentication, then the route. Only reading routes exist;
 * a known path asked with another method gets 405, anything else 404 (Prometheus's admin, write,
 * remote-read and OTLP endpoints among them): the server is read-only whatever is asked.
 */
final class ApiRouter implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private static final List<String> READ = List.of("GET", "HEAD");
    private static final List<String> READ_OR_FORM = List.of("GET", "HEAD", "POST");
    private static final String LABEL_VALUES = "/api/v1/label/:name/values";

    private final ServerAuth auth;
    private final PrometheusApi prometheus;
    private final LokiApi loki;
    private final HttpHandler metricsHandler;
    private final Runnable catchUp;
    private final VigiaMetrics metrics;

    ApiRouter(ServerAuth auth, PrometheusApi prometheus, LokiApi loki, HttpHandler metricsHandler, Runnable catchUp,
              VigiaMetrics metrics) {
        this.auth = auth;
        this.prometheus = prometheus;
        this.loki = loki;
        this.metricsHandler = metricsHandler;
        this.catchUp = catchUp;
        this.metrics = metrics;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            if (!auth.accepts(ex.getRequestHeaders().getFirst("Authorization"))) {
                ex.getResponseHeaders().set("WWW-Authenticate", auth.challenge());
                HttpReply.text(ex, 401, "Unauthorized\n");
                return;
            }
            String path = ex.getRequestURI().getPath();
            String route = route(path);
            if (route == null) {
                HttpReply.text(ex, 404, "404 page not found\n");
                return;
            }
            List<String> allowed = methods(route);
            if (!allowed.contains(ex.getRequestMethod())) {
                ex.getResponseHeaders().set("Allow", String.join(", ", allowed));
                HttpReply.text(ex, 405, "Method Not Allowed\n");
                return;
            }
            long t0 = System.nanoTime();
            String outcome = serve(ex, route, path);
            metrics.requestFinished(route, outcome, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Answers one routed request; returns "success" or the error type it answered with. */
    private String serve(HttpExchange ex, String route, String path) throws IOException {
        boolean isLoki = route.startsWith("/loki/");
        try {
            switch (route) {
                case "/-/healthy" -> HttpReply.text(ex, 200, "Vigia is Healthy.\n");
                case "/-/ready" -> HttpReply.text(ex, 200, "Vigia is Ready.\n");
                case "/metrics" -> metricsHandler.handle(ex);
                case "/api/v1/status/buildinfo" -> prometheus.buildInfo(ex);
                case "/api/v1/metadata" -> prometheus.metadata(ex, FormParams.of(ex));
                default -> {
                    FormParams p = FormParams.of(ex);
                    catchUp.run();
                    switch (route) {
                        case "/api/v1/query" -> prometheus.query(ex, p);
                        case "/api/v1/query_range" -> prometheus.queryRange(ex, p);
                        case "/api/v1/series" -> prometheus.series(ex, p);
                        case "/api/v1/labels" -> prometheus.labelNames(ex, p);
                        case LABEL_VALUES -> prometheus.labelValues(ex, p, labelName(path));
                        case "/loki/api/v1/query_range" -> loki.queryRange(ex, p);
                        default -> throw new IllegalStateException("unrouted " + route);
                    }
                }
            }
            return "success";
        } catch (QueryException e) {
            fail(ex, e, isLoki);
            return e.errorType();
        } catch (IllegalArgumentException e) {
            fail(ex, new QueryException("bad_data", e.getMessage()), isLoki);
            return "bad_data";
        } catch (WorkspaceException e) {
            LOG.warn("reading the workspace failed for {}: {}", route, e.getMessage());
            fail(ex, new QueryException("internal", e.getMessage()), isLoki);
            return "internal";
        } catch (RuntimeException e) {
            LOG.error("unexpected failure answering {}", route, e);
            fail(ex, new QueryException("internal", "internal error: " + e.getClass().getSimpleName()), isLoki);
            return "internal";
        }
    }

    private static void fail(HttpExchange ex, QueryException e, boolean isLoki) throws IOException {
        if (ex.getResponseCode() != -1) {
            return; // headers already went out: nothing more can be said on this response
        }
        if (isLoki) {
            LokiApi.error(ex, e);
        } else {
            HttpReply.error(ex, e);
        }
    }

    /** The route of a path, or null for a path the server does not have. */
    static String route(String path) {
        return switch (path) {
            case "/-/healthy", "/-/ready", "/metrics", "/api/v1/query", "/api/v1/query_range", "/api/v1/series",
                 "/api/v1/labels", "/api/v1/metadata", "/api/v1/status/buildinfo", "/loki/api/v1/query_range" -> path;
            default -> path.startsWith("/api/v1/label/") && path.endsWith("/values")
                    && path.length() > "/api/v1/label/".length() + "/values".length()
                    && labelNameOrNull(path) != null ? LABEL_VALUES : null;
        };
    }

    private static List<String> methods(String route) {
        return switch (route) {
            case "/api/v1/query", "/api/v1/query_range", "/api/v1/series", "/api/v1/labels",
                 "/loki/api/v1/query_range" -> READ_OR_FORM;
            default -> READ;
        };
    }

    private static String labelName(String path) {
        return labelNameOrNull(path);
    }

    private static String labelNameOrNull(String path) {
        String name = path.substring("/api/v1/label/".length(), path.length() - "/values".length());
        return name.contains("/") ? null : name;
    }
}
