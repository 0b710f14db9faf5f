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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's Copilot metrics endpoints for one organization or enterprise: the usage reports
 * (which answer with signed download links, fetched here without the token) and, for archives,
 * the legacy {@code /copilot/metrics} listing with its pagination. Rate limits (403 or 429 with
 * {@code x-ratelimit-reset} or {@code retry-after}) are waited out when short and reported with
 * their reset time otherwise.
 */
public final class GitHubCopilotClient {
    public static final String API_VERSION = "2026-03-10";
    public static final HttpUrl GITHUB_API = HttpUrl.get("https://api.github.com/");
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>;\\s*rel=\"next\"");

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

        String reportPrefix() {
            return enterprise ? "enterprise" : "organization";
        }
    }

    private final OkHttpClient http;
    private final HttpUrl base;
    private final String token;
    private final Owner owner;
    private final Clock clock;
    private final Duration maxWait;

    public GitHubCopilotClient(OkHttpClient http, HttpUrl base, String token, Owner owner, Clock clock, Duration maxWait) {
        this.http = http;
        this.base = base;
        this.token = token;
        this.owner = owner;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    public Owner owner() {
        return owner;
    }

    /** One day's usage report; empty when GitHub has none for that day (204 or no links). */
    public List<CopilotDay> reportForDay(LocalDate day) {
        HttpUrl url = base.newBuilder().addPathSegments(owner.path() + "/copilot/metrics/reports/"
                + owner.reportPrefix() + "-1-day").addQueryParameter("day", day.toString()).build();
        return downloadReport(url);
    }

    /** The latest 28-day report. */
    public List<CopilotDay> latest28Days() {
        HttpUrl url = base.newBuilder().addPathSegments(owner.path() + "/copilot/metrics/reports/"
                + owner.reportPrefix() + "-28-day/latest").build();
        return downloadReport(url);
    }

    /** The legacy daily records (for GitHub Enterprise Server or archives served the old way), all pages. */
    public List<CopilotDay> legacyMetrics(LocalDate since, LocalDate until) {
        HttpUrl url = base.newBuilder().addPathSegments(owner.path() + "/copilot/metrics")
                .addQueryParameter("since", since.toString()).addQueryParameter("until", until.toString())
                .addQueryParameter("per_page", "100").build();
        List<CopilotDay> out = new ArrayList<>();
        while (url != null) {
            Fetched f = get(url, true);
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

    private List<CopilotDay> downloadReport(HttpUrl url) {
        Fetched f = get(url, true);
        if (f.status == 204 || f.body.isBlank()) {
            return List.of();
        }
        if (!(CopilotMetricsParser.parse(owner.name(), f.body) instanceof CopilotMetricsParser.DownloadLinks links)) {
            throw new CopilotApiException(f.status, "unexpected answer from " + url.encodedPath() + ": no download_links", null);
        }
        List<CopilotDay> out = new ArrayList<>();
        for (String link : links.links()) {
            HttpUrl file = base.resolve(link);
            if (file == null) {
                throw new CopilotApiException(f.status, "GitHub gave an invalid download link: " + link, null);
            }
            // the signed link carries its own authorisation; the token must not travel to storage hosts
            Fetched report = get(file, false);
            if (CopilotMetricsParser.parse(owner.name(), report.body) instanceof CopilotMetricsParser.Days days) {
                out.addAll(days.days());
            }
        }
        return out;
    }

    private record Fetched(int status, String body, HttpUrl next) {
    }

    private Fetched get(HttpUrl url, boolean api) {
        for (int attempt = 0; ; attempt++) {
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
                    if (attempt == 0 && !wait.isNegative() && wait.compareTo(maxWait) <= 0) {
                        sleep(wait);
                        continue;
                    }
                    throw new CopilotApiException(r.code(), "GitHub's rate limit is reached; it resets at " + retryAt, retryAt);
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
        if ("0".equals(r.header("X-RateLimit-Remaining")) && r.header("X-RateLimit-Reset") != null) {
            return Instant.ofEpochSecond(Long.parseLong(r.header("X-RateLimit-Reset").strip()));
        }
        return r.code() == 429 ? clock.instant().plusSeconds(60) : null;
    }

    private static String describe(int status, HttpUrl url, String body) {
        String detail = body.length() > 300 ? body.substring(0, 300) + "…" : body;
        return switch (status) {
            case 401 -> "GitHub rejected the token (401): check that it is valid and not expired";
            case 403 -> "GitHub refused access (403): the token needs the \"Copilot metrics: read\" permission "
                    + "(or manage_billing:copilot / read:org for the legacy endpoints); " + detail;
            case 404 -> "GitHub has no " + url.encodedPath() + " (404): check the organization name; the legacy "
                    + "/copilot/metrics endpoint was retired on 2026-04-02";
            case 422 -> "GitHub could not serve that range (422): " + detail;
            default -> "GitHub answered " + status + " for " + url.encodedPath() + ": " + detail;
        };
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CopilotApiException(0, "interrupted while waiting for GitHub's rate limit", null);
        }
    }
}
