package io.vigia.datasources.copilot;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's Copilot metrics endpoints for one organization or enterprise: the usage reports
 * (which answer with signed download links, fetched here without the token; a link that has
 * expired by the time it is fetched makes the report be asked for again, once), the seat list
 * page by page and, for archives, the legacy {@code /copilot/metrics} listing with its
 * pagination. Rate limits (403 or 429 with {@code retry-after}, or {@code x-ratelimit-remaining: 0}
 * and {@code x-ratelimit-reset}) are waited out when the wait is at most {@code maxWait}, a few
 * times per request, and reported with their reset time otherwise.
 */
public final class GitHubCopilotClient {
    public static final String API_VERSION = "2026-03-10";
    public static final HttpUrl GITHUB_API = HttpUrl.get("https://api.github.com/");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");
    /** What storage hosts answer for a signed link past its expiry (S3, Azure Blob: 403; some 400, 404, 410). */
    private static final Set<Integer> EXPIRED_LINK = Set.of(400, 401, 403, 404, 410);

    /** An organization or an enterprise. */
    public record Owner(boolean enterprise, String name) {
        public static Owner organization(String name) {
            return new Owner(false, name);
        }

        public static Owner enterprise(String name) {
            return new Owner(true, name);
        }

        String path() {
            return (enterprise ? "enterprises/" : "orgs/") + name;
        }
    }

    /** Waits; tests pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    /**
     * @param maxWait   the longest rate-limit wait sat out; a longer one ends the request with its reset time
     * @param maxWaits  rate-limit waits per request
     * @param notices   told about waits and re-requested links, for a progress display
     */
    public record Options(Duration maxWait, int maxWaits, Sleeper sleeper, Consumer<String> notices) {
        public static Options defaults(Duration maxWait) {
            return new Options(maxWait, 3, d -> Thread.sleep(d.toMillis()), m -> { });
        }
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;
    private final Owner owner;
    private final Clock clock;
    private final Options options;

    public GitHubCopilotClient(OkHttpClient http, HttpUrl base, String token, Owner owner, Clock clock, Duration maxWait) {
        this(http, base, token, owner, clock, Options.defaults(maxWait));
    }

    public GitHubCopilotClient(OkHttpClient http, HttpUrl base, String token, Owner owner, Clock clock, Options options) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.owner = owner;
        this.clock = clock;
        this.options = options;
    }

    public Owner owner() {
        return owner;
    }

    /**
     * The files of one report: for a daily report the given day's (the day is ignored for the
     * 28-day ones). Empty when GitHub has none for that day (204, or no links).
     */
    public List<String> report(ReportEndpoint endpoint, LocalDate day) {
        HttpUrl.Builder b = base.newBuilder().addPathSegments(owner.path() + "/copilot/metrics/reports/" + endpoint.path(owner));
        if (endpoint.isDaily()) {
            b.addQueryParameter("day", day.toString());
        }
        HttpUrl url = b.build();
        for (int attempt = 0; ; attempt++) {
            Fetched f = get(url, true, false);
            if (f.status == 204 || f.body.isBlank()) {
                return List.of();
            }
            if (!(CopilotMetricsParser.parse(owner.name(), f.body) instanceof CopilotMetricsParser.DownloadLinks links)) {
                throw new CopilotApiException(f.status, "unexpected answer from " + url.encodedPath() + ": no download_links", null);
            }
            List<String> files = new ArrayList<>();
            Fetched failed = null;
            for (String link : links.links()) {
                HttpUrl file = base.resolve(link);
                if (file == null) {
                    throw new CopilotApiException(f.status, "GitHub gave an invalid download link for " + endpoint.label(), null);
                }
                // the signed link carries its own authorisation; the token must not travel to storage hosts
                Fetched d = get(file, false, true);
                if (!d.ok()) {
                    failed = d;
                    break;
                }
                files.add(d.body);
            }
            if (failed == null) {
                return files;
            }
            if (attempt > 0) {
                throw new CopilotApiException(failed.status, "the download link of " + endpoint.label() + (endpoint.isDaily() ? " " + day : "")
                        + " failed again after GitHub gave a fresh one (" + failed.status + "): " + shorten(failed.body), null);
            }
            options.notices().accept("a signed download link of " + endpoint.label() + (endpoint.isDaily() ? " " + day : "")
                    + " was refused (" + failed.status + ", expired?): asking GitHub for fresh links");
        }
    }

    /** One day's organization or enterprise report, as Copilot days. */
    public List<CopilotDay> reportForDay(LocalDate day) {
        return days(report(ReportEndpoint.ENTITY_1_DAY, day));
    }

    /** The latest 28-day organization or enterprise report, as Copilot days. */
    public List<CopilotDay> latest28Days() {
        return days(report(ReportEndpoint.ENTITY_28_DAY, null));
    }

    private List<CopilotDay> days(List<String> files) {
        List<CopilotDay> out = new ArrayList<>();
        for (String text : files) {
            if (CopilotMetricsParser.parse(owner.name(), text) instanceof CopilotMetricsParser.Days days) {
                out.addAll(days.days());
            }
        }
        return out;
    }

    /** Every Copilot seat, following the listing's pages ({@code Link: rel="next"}). */
    public CopilotMetricsParser.Seats seats() {
        HttpUrl url = base.newBuilder().addPathSegments(owner.path() + "/copilot/billing/seats")
                .addQueryParameter("per_page", "100").build();
        List<CopilotMetricsParser.Seat> seats = new ArrayList<>();
        int total = 0;
        while (url != null) {
            Fetched f = get(url, true, false);
            if (!(CopilotMetricsParser.parse(owner.name(), f.body) instanceof CopilotMetricsParser.Seats page)) {
                throw new CopilotApiException(f.status, "unexpected answer from " + url.encodedPath() + ": no seats", null);
            }
            seats.addAll(page.seats());
            total = page.totalSeats();
            url = f.next;
        }
        return new CopilotMetricsParser.Seats(total, seats);
    }

    /** The legacy daily records (for GitHub Enterprise Server or archives served the old way), all pages. */
    public List<CopilotDay> legacyMetrics(LocalDate since, LocalDate until) {
        HttpUrl url = base.newBuilder().addPathSegments(owner.path() + "/copilot/metrics")
                .addQueryParameter("since", since.toString()).addQueryParameter("until", until.toString())
                .addQueryParameter("per_page", "100").build();
        List<CopilotDay> out = new ArrayList<>();
        while (url != null) {
            Fetched f = get(url, true, false);
            if (f.body.isBlank()) {
                break;
            }
            if (CopilotMetricsParser.parse(owner.name(), f.body) instanceof CopilotMetricsParser.Days days) {
                out.addAll(days.days());
            } else {
                throw new CopilotApiException(f.status, "unexpected answer from " + url.encodedPath() + ": not daily metrics", null);
            }
            url = f.next;
        }
        return out;
    }

    private record Fetched(int status, String body, HttpUrl next) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** @param signedLink a download: its refusal is returned (the link may have expired), not thrown */
    private Fetched get(HttpUrl url, boolean api, boolean signedLink) {
        for (int waits = 0; ; waits++) {
            Request.Builder rb = new Request.Builder().url(url).get();
            if (api) {
                rb.header("Accept", "application/vnd.github+json").header("X-GitHub-Api-Version", API_VERSION);
                if (token != null && !token.isEmpty()) {
                    rb.header("Authorization", "Bearer " + token);
                }
            }
            try (Response r = http.newCall(rb.build()).execute()) {
                String body = r.body().string();
                if (r.isSuccessful()) {
                    HttpUrl next = null;
                    Matcher m = NEXT_LINK.matcher(r.header("Link", ""));
                    if (m.find()) {
                        next = HttpUrl.parse(m.group(1));
                    }
                    return new Fetched(r.code(), body, next);
                }
                Instant retryAt = rateLimitReset(r);
                if (retryAt != null) {
                    Duration wait = Duration.between(clock.instant(), retryAt);
                    if (wait.isNegative()) {
                        wait = Duration.ZERO;
                    }
                    if (waits < options.maxWaits() && wait.compareTo(options.maxWait()) <= 0) {
                        options.notices().accept("GitHub's rate limit (" + r.code() + "): waiting " + wait.toSeconds() + " s, until " + retryAt);
                        sleep(wait);
                        continue;
                    }
                    throw new CopilotApiException(r.code(), "GitHub's rate limit is reached; it resets at " + retryAt, retryAt);
                }
                if (signedLink && EXPIRED_LINK.contains(r.code())) {
                    return new Fetched(r.code(), body, null);
                }
                throw new CopilotApiException(r.code(), describe(r.code(), url, body), null);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot reach " + url.host() + ": " + e.getMessage(), e);
            }
        }
    }

    private Instant rateLimitReset(Response r) {
        if (r.code() != 429 && r.code() != 403) {
            return null;
        }
        String retryAfter = r.header("Retry-After");
        if (retryAfter != null && retryAfter.strip().matches("\\d+")) {
            return clock.instant().plusSeconds(Long.parseLong(retryAfter.strip()));
        }
        String reset = r.header("X-RateLimit-Reset");
        if ("0".equals(r.header("X-RateLimit-Remaining")) && reset != null && reset.strip().matches("\\d+")) {
            return Instant.ofEpochSecond(Long.parseLong(reset.strip()));
        }
        return r.code() == 429 ? clock.instant().plusSeconds(60) : null;
    }

    private static String describe(int status, HttpUrl url, String body) {
        String detail = shorten(body);
        return switch (status) {
            case 401 -> "GitHub rejected the token (401): check that it is valid and not expired";
            case 403 -> "GitHub refused access (403): the token needs the \"Copilot metrics: read\" permission "
                    + "(or manage_billing:copilot / read:org for the legacy endpoints); " + detail;
            case 404 -> "GitHub has no " + url.encodedPath() + " (404): check the organization name and that the \"Copilot usage "
                    + "metrics\" policy is enabled; the legacy /copilot/metrics endpoint was retired on 2026-04-02";
            case 422 -> "GitHub could not serve that range (422): " + detail;
            default -> "GitHub answered " + status + " for " + url.encodedPath() + ": " + detail;
        };
    }

    private static String shorten(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private void sleep(Duration d) {
        try {
            options.sleeper().sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopilotApiException(0, "interrupted while waiting for GitHub's rate limit", null);
        }
    }
}
