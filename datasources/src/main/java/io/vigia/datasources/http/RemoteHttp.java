package io.vigia.datasources.http;

import io.vigia.datasources.secrets.SecretResolver;
import okhttp3.Call;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Sends API requests to one data source: builds the URL (GET, or a POST form when too long),
 * adds authentication and custom headers, retries what may be retried, caps the response size,
 * shares identical requests that are in flight at the same time, and lets every caller cancel.
 *
 * <p>Each distinct request runs on its own virtual thread; callers block until it completes, they
 * cancel, or they are interrupted. The HTTP call is closed only when every caller sharing it has
 * cancelled, so one panel closing never breaks another panel's identical query.
 */
public final class RemoteHttp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteHttp.class);
    /** Longer URLs go as POST forms: 8 KiB is the smallest common limit of proxies and servers. */
    static final int MAX_GET_URL_LENGTH = 8 * 1024;
    private static final String USER_AGENT = "Vigia/0.1";

    private final ConnectionSettings settings;
    private final SecretResolver secrets;
    private final RetryPolicy retry;
    /** Built on first use so that unusable TLS material is reported by the request (and "Save & test"), not the constructor. */
    private OkHttpClient client;
    private final HttpUrl baseUrl;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Shared> inFlight = new HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger callsCancelled = new java.util.concurrent.atomic.AtomicInteger();

    public RemoteHttp(ConnectionSettings settings, SecretResolver secrets, RetryPolicy retry) {
        this.settings = settings;
        this.secrets = secrets;
        this.retry = retry;
        this.baseUrl = HttpUrl.get(settings.url().toString());
    }

    public ConnectionSettings settings() {
        return settings;
    }

    private synchronized OkHttpClient client() {
        if (client == null) {
            client = HttpClientFactory.create(settings, secrets);
        }
        return client;
    }

    /** True when TLS verification is switched off for an https source: the UI shows a warning. */
    public boolean isInsecure() {
        return settings.isInsecure();
    }

    /** Sends the request (or joins an identical one in flight) and waits for the complete answer. */
    public HttpResponseData send(ApiRequest request, CancellationToken token) {
        if (token.isCancelled()) {
            throw cancelled(describe(request));
        }
        Request http = toHttpRequest(request);
        String key = http.method() + " " + http.url() + "\n" + formText(http);
        Shared shared;
        boolean start = false;
        synchronized (inFlight) {
            shared = inFlight.get(key);
            if (shared == null || !shared.join()) {
                shared = new Shared(key);
                shared.join();
                inFlight.put(key, shared);
                start = true;
            }
        }
        if (start) {
            Shared s = shared;
            try {
                runner.execute(() -> s.run(http));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                s.result.completeExceptionally(new RemoteException(RemoteException.Kind.CANCELLED, 0,
                        "request not sent: the client for '" + settings.name() + "' is closed", e));
                synchronized (inFlight) {
                    inFlight.remove(key, s);
                }
            }
        } else {
            LOG.debug("sharing in-flight request {}", http.url());
        }
        return await(shared, token);
    }

    @SuppressWarnings("try") // the registration is closed by try-with-resources, never read
    private HttpResponseData await(Shared shared, CancellationToken token) {
        CompletableFuture<HttpResponseData> mine = new CompletableFuture<>();
        shared.result.whenComplete((r, e) -> {
            if (e != null) {
                mine.completeExceptionally(e);
            } else {
                mine.complete(r);
            }
        });
        try (CancellationToken.Registration ignored = token.register(() -> mine.cancel(false))) {
            HttpResponseData r = mine.get();
            shared.leave(false);
            return r;
        } catch (CancellationException e) {
            shared.leave(true);
            throw cancelled(shared.key);
        } catch (InterruptedException e) {
            shared.leave(true);
            Thread.currentThread().interrupt();
            throw cancelled(shared.key);
        } catch (ExecutionException e) {
            shared.leave(false);
            if (e.getCause() instanceof RemoteException re) {
                // a fresh exception per caller: the stack trace shows where this caller waited
                throw new RemoteException(re.kind(), re.httpStatus(), re.getMessage(), re);
            }
            throw new RemoteException(RemoteException.Kind.CONNECTION, 0, String.valueOf(e.getCause()), e.getCause());
        }
    }

    /** Requests currently running (for tests and diagnostics). */
    public int inFlightCount() {
        synchronized (inFlight) {
            return inFlight.size();
        }
    }

    /** HTTP calls closed because every caller cancelled (for tests and diagnostics). */
    int callsCancelled() {
        return callsCancelled.get();
    }

    /** Callers waiting on in-flight requests, summed (for tests). */
    int waiterCount() {
        synchronized (inFlight) {
            return inFlight.values().stream().mapToInt(sh -> sh.waiters).sum();
        }
    }

    Request toHttpRequest(ApiRequest request) {
        HttpUrl.Builder ub = baseUrl.newBuilder();
        if (!baseUrl.pathSegments().isEmpty() && baseUrl.pathSegments().getLast().isEmpty()) {
            ub.removePathSegment(baseUrl.pathSegments().size() - 1);
        }
        ub.addPathSegments(request.path());
        HttpUrl getUrl = withQuery(ub, request).build();
        boolean post = request.postAllowed() && !request.params().isEmpty()
                && (settings.httpMethod() == HttpMethodPreference.POST
                || (settings.httpMethod() == HttpMethodPreference.AUTO && getUrl.toString().length() > MAX_GET_URL_LENGTH));
        Request.Builder rb = new Request.Builder()
                .header("User-Agent", USER_AGENT)
                .header("Accept", "application/json, text/plain;q=0.5");
        if (post) {
            FormBody.Builder form = new FormBody.Builder();
            request.params().forEach(p -> form.add(p.name(), p.value()));
            rb.url(ub.build()).post(form.build());
        } else {
            rb.url(getUrl).get();
        }
        for (HeaderSetting h : settings.headers()) {
            rb.header(h.name(), h.isSecret() ? secrets.require(h.secretValue(), "header " + h.name()) : h.value());
        }
        switch (settings.auth()) {
            case Authentication.None n -> { }
            case Authentication.Basic b -> rb.header("Authorization",
                    okhttp3.Credentials.basic(b.user(), secrets.require(b.password(), "basic auth password"),
                            java.nio.charset.StandardCharsets.UTF_8));
            case Authentication.Bearer b -> rb.header("Authorization", "Bearer " + secrets.require(b.token(), "bearer token"));
        }
        return rb.build();
    }

    private static HttpUrl.Builder withQuery(HttpUrl.Builder ub, ApiRequest request) {
        HttpUrl.Builder copy = ub.build().newBuilder();
        request.params().forEach(p -> copy.addQueryParameter(p.name(), p.value()));
        return copy;
    }

    private static String formText(Request http) {
        if (http.body() instanceof FormBody form) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < form.size(); i++) {
                sb.append(form.encodedName(i)).append('=').append(form.encodedValue(i)).append('&');
            }
            return sb.toString();
        }
        return "";
    }

    private String describe(ApiRequest request) {
        return settings.name() + " " + request.path();
    }

    private static RemoteException cancelled(String what) {
        return new RemoteException(RemoteException.Kind.CANCELLED, 0, "request cancelled: " + what.lines().findFirst().orElse(what));
    }

    @Override
    public void close() {
        synchronized (inFlight) {
            inFlight.values().forEach(Shared::abort);
            inFlight.clear();
        }
        runner.shutdownNow();
        OkHttpClient c;
        synchronized (this) {
            c = client;
        }
        if (c != null) {
            c.dispatcher().executorService().shutdown();
            c.connectionPool().evictAll();
        }
    }

    /** One HTTP exchange (with its retries) and the callers waiting for it. */
    private final class Shared {
        final String key;
        final CompletableFuture<HttpResponseData> result = new CompletableFuture<>();
        private final CountDownLatch cancelLatch = new CountDownLatch(1);
        private int waiters;
        private boolean closed;
        private volatile Call current;

        Shared(String key) {
            this.key = key;
        }

        /** Called under the inFlight lock. */
        boolean join() {
            if (closed) {
                return false;
            }
            waiters++;
            return true;
        }

        void leave(boolean cancelled) {
            boolean abort = false;
            synchronized (inFlight) {
                waiters--;
                if (waiters == 0 && !closed) {
                    closed = true;
                    inFlight.remove(key, this);
                    abort = cancelled && !result.isDone();
                }
            }
            if (abort) {
                LOG.debug("cancelling {}", key.lines().findFirst().orElse(key));
                abort();
            }
        }

        void abort() {
            cancelLatch.countDown();
            Call c = current;
            if (c != null) {
                c.cancel();
                callsCancelled.incrementAndGet();
            }
        }

        private boolean isAborted() {
            return cancelLatch.getCount() == 0;
        }

        void run(Request request) {
            try {
                result.complete(exchange(request));
            } catch (RemoteException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                result.completeExceptionally(new RemoteException(RemoteException.Kind.CONNECTION, 0,
                        request.method() + " " + request.url() + ": " + e, e));
            } finally {
                synchronized (inFlight) {
                    closed = true;
                    inFlight.remove(key, this);
                }
            }
        }

        private HttpResponseData exchange(Request request) {
            String target = request.method() + " " + request.url().newBuilder().query(null).build();
            for (int attempt = 1; ; attempt++) {
                if (isAborted()) {
                    throw cancelled(target);
                }
                Call call = client().newCall(request);
                current = call;
                if (isAborted()) {
                    call.cancel();
                }
                Duration wait;
                try (Response response = call.execute()) {
                    int code = response.code();
                    boolean retryable = code == 429 || code == 502 || code == 503 || code == 504;
                    if (!retryable || attempt >= retry.maxAttempts()) {
                        return read(request, response, target);
                    }
                    Duration retryAfter = parseRetryAfter(response.header("Retry-After"));
                    if (retryAfter != null && retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
                        LOG.info("{}: HTTP {} with Retry-After {}s, longer than the {}s Vigia waits; giving up",
                                target, code, retryAfter.toSeconds(), retry.maxRetryAfter().toSeconds());
                        return read(request, response, target);
                    }
                    wait = retryAfter != null ? retryAfter : retry.backoff(attempt);
                    LOG.info("{}: HTTP {}, retry {}/{} in {} ms", target, code, attempt, retry.maxAttempts() - 1, wait.toMillis());
                } catch (IOException e) {
                    if (isAborted()) {  // OkHttp's call timeout also cancels the call: that is a timeout, not ours
                        throw cancelled(target);
                    }
                    if (!isConnectionFailure(e) || attempt >= retry.maxAttempts()) {
                        throw classify(e, target, settings.timeout());
                    }
                    wait = retry.backoff(attempt);
                    LOG.info("{}: {}, retry {}/{} in {} ms", target, e.toString(), attempt, retry.maxAttempts() - 1, wait.toMillis());
                }
                try {
                    if (cancelLatch.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                        throw cancelled(target);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw cancelled(target);
                }
            }
        }
    }

    private HttpResponseData read(Request request, Response response, String target) throws IOException {
        long cap = settings.maxResponseBytes();
        ResponseBody body = response.body();
        long declared = body.contentLength();
        if (declared > cap) {
            throw tooLarge(target, declared + " bytes declared", cap);
        }
        byte[] buf = new byte[(int) Math.min(Math.max(declared, 8192), cap + 1)];
        int n = 0;
        try (InputStream in = body.byteStream()) {
            while (true) {
                if (n == buf.length) {
                    if (n > cap) {
                        throw tooLarge(target, "more than " + cap + " bytes", cap);
                    }
                    buf = Arrays.copyOf(buf, (int) Math.min((long) buf.length * 2, cap + 1));
                }
                int r = in.read(buf, n, buf.length - n);
                if (r < 0) {
                    break;
                }
                n += r;
                if (n > cap) {
                    throw tooLarge(target, "more than " + cap + " bytes", cap);
                }
            }
        }
        String ct = response.header("Content-Type");
        return new HttpResponseData(request.method(), request.url().toString(), response.code(), response.message(),
                ct == null ? "" : ct, response.header("Retry-After"), n == buf.length ? buf : Arrays.copyOf(buf, n));
    }

    private static RemoteException tooLarge(String target, String size, long cap) {
        return new RemoteException(RemoteException.Kind.TOO_LARGE, 0, target + ": response is too large (" + size
                + "; the cap for this data source is " + cap + " bytes). Narrow the query (fewer series, larger step,"
                + " shorter range) or raise the cap in the data source settings.");
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(java.time.Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return d.isNegative() ? Duration.ZERO : d;
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** A failure to connect at all: no byte of the request reached the server's application. */
    private static boolean isConnectionFailure(IOException e) {
        return e instanceof ConnectException || e instanceof NoRouteToHostException
                || (e.getMessage() != null && (e.getMessage().contains("Failed to connect")
                || e.getMessage().contains("unexpected end of stream")));
    }

    /** {@code timeout} is the data source's, named in timeout messages. */
    static RemoteException classify(IOException e, String target, Duration timeout) {
        String within = "the data source's timeout of " + seconds(timeout);
        return switch (e) {
            case UnknownHostException u -> new RemoteException(RemoteException.Kind.DNS, 0,
                    target + ": DNS lookup failed, host name not found (" + u.getMessage() + "); check the URL and your DNS/VPN", e);
            case ConnectException c -> new RemoteException(RemoteException.Kind.CONNECTION_REFUSED, 0,
                    target + ": connection refused (" + c.getMessage() + "); is the server running and the port right?", e);
            case SSLException s -> new RemoteException(RemoteException.Kind.TLS, 0, target + ": TLS handshake failed: " + tlsCause(s), e);
            case SocketTimeoutException t -> new RemoteException(RemoteException.Kind.TIMEOUT, 0,
                    target + ": timed out, no answer within " + within + " (" + t.getMessage() + ")", e);
            case InterruptedIOException t -> new RemoteException(RemoteException.Kind.TIMEOUT, 0,
                    target + ": timed out, no complete answer within " + within + " (" + t.getMessage() + ")", e);
            default -> new RemoteException(RemoteException.Kind.CONNECTION, 0, target + ": " + e, e);
        };
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /**
     * The reason a user can act on, found in the cause chain: the JDK's own message for an
     * untrusted certificate ("PKIX path building failed ... unable to find valid certification
     * path") names neither the problem nor the fix.
     */
    private static String tlsCause(SSLException s) {
        for (Throwable t = s; t != null; t = t.getCause() == t ? null : t.getCause()) {
            switch (t) {
                case java.security.cert.CertificateExpiredException x -> {
                    return "the server's certificate expired (" + x.getMessage() + "); the server must renew it";
                }
                case java.security.cert.CertificateNotYetValidException x -> {
                    return "the server's certificate is not valid yet (" + x.getMessage() + "); check the clocks of both machines";
                }
                case java.security.cert.CertPathBuilderException x -> {
                    return "the server's certificate is not trusted: it is self-signed or signed by a CA that is not trusted here;"
                            + " give the CA certificate in the data source's TLS settings (--ca-file), never skip verification"
                            + " for a server you do not control";
                }
                case javax.net.ssl.SSLPeerUnverifiedException x -> {
                    return "the server's certificate is not for this host name (" + x.getMessage() + "); use a name its certificate lists";
                }
                default -> { }
            }
        }
        return rootMessage(s) + "; check the CA certificate, the client certificate, or that the URL should be https";
    }

    private static String rootMessage(Throwable t) {
        Throwable r = t;
        while (r.getCause() != null && r.getCause() != r) {
            r = r.getCause();
        }
        return r == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + r.getMessage() + ")";
    }
}
