package io.vigia.datasources.http;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns answers that are not the API's JSON into messages a user can act on: an HTML page from a
 * proxy or login portal, a 401/403/404/5xx status, an empty or cut-off body.
 */
public final class ResponseProblems {
    private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final int SNIPPET = 200;

    private ResponseProblems() {
    }

    public static boolean looksLikeHtml(HttpResponseData r) {
        String ct = r.contentType().toLowerCase(Locale.ROOT);
        if (ct.contains("html")) {
            return true;
        }
        String head = firstChars(r.body(), 64).stripLeading().toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<head") || head.startsWith("<body");
    }

    /** A short, single-line, control-character-free description of the body for messages. */
    public static String describeBody(HttpResponseData r) {
        if (r.body().length == 0) {
            return "empty body";
        }
        if (looksLikeHtml(r)) {
            Matcher m = TITLE.matcher(firstChars(r.body(), 4096));
            String title = m.find() ? clean(m.group(1)) : "";
            return "an HTML page" + (title.isEmpty() ? "" : " titled \"" + title + "\"")
                    + " (probably from a proxy, load balancer or login portal, not the API)";
        }
        String text = clean(firstChars(r.body(), SNIPPET * 2));
        return "\"" + (text.length() > SNIPPET ? text.substring(0, SNIPPET) + "…" : text) + "\"";
    }

    /** An HTTP error status whose body is not the API's error format. */
    public static RemoteException httpStatus(HttpResponseData r, String api) {
        String head = r.target() + ": HTTP " + r.status() + (r.reason().isEmpty() ? "" : " " + r.reason());
        String body = describeBody(r);
        return switch (r.status()) {
            case 401 -> new RemoteException(RemoteException.Kind.UNAUTHORIZED, 401,
                    head + ": authentication failed; check the user name and password or the token (" + body + ")");
            case 403 -> new RemoteException(RemoteException.Kind.FORBIDDEN, 403,
                    head + ": access denied; the credentials are valid but not allowed here (tenant/org header, permissions) (" + body + ")");
            case 404 -> new RemoteException(RemoteException.Kind.NOT_FOUND, 404,
                    head + ": not found; is the URL (including any path prefix) that of a " + api + " server? (" + body + ")");
            case 429 -> new RemoteException(RemoteException.Kind.RATE_LIMITED, 429,
                    head + ": rate limited by the server" + (r.retryAfter() == null ? "" : " (Retry-After: " + r.retryAfter() + ")")
                            + "; try again later (" + body + ")");
            default -> new RemoteException(RemoteException.Kind.HTTP_STATUS, r.status(), head + ": " + body);
        };
    }

    /** A 2xx answer that is not the API's JSON. */
    public static RemoteException notApiResponse(HttpResponseData r, String api, String detail) {
        String what = r.body().length == 0 ? "an empty body" : describeBody(r);
        return new RemoteException(RemoteException.Kind.BAD_RESPONSE, r.status(),
                r.target() + ": HTTP " + r.status() + " but not a " + api + " API response: " + detail + "; got " + what
                        + (r.contentType().isEmpty() ? "" : " (Content-Type: " + r.contentType() + ")"));
    }

    private static String firstChars(byte[] body, int max) {
        return new String(body, 0, Math.min(body.length, max), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String clean(String s) {
        return s.replaceAll("<[^>]*>", " ").replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
