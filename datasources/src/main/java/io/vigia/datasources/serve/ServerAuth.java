package io.vigia.datasources.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * What {@code vigia serve} asks of a client: nothing (loopback by default), a bearer token, or
 * HTTP basic auth. Secrets come from environment variables at the composition root, never from
 * the command line; they are compared in constant time ({@link MessageDigest#isEqual}) so that
 * response timing tells nothing about how much of a guess was right.
 */
public sealed interface ServerAuth {
    ServerAuth NONE = new None();

    /** Whether a request with this {@code Authorization} header (null when absent) may proceed. */
    boolean accepts(String authorization);

    /** The {@code WWW-Authenticate} challenge sent with a 401. */
    String challenge();

    record None() implements ServerAuth {
        @Override
        public boolean accepts(String authorization) {
            return true;
        }

        @Override
        public String challenge() {
            return "";
        }
    }

    /** {@code Authorization: Bearer TOKEN}, as Grafana's and promtool's HTTP client settings send it. */
    record Bearer(String token) implements ServerAuth {
        public Bearer {
            if (Objects.requireNonNull(token).isEmpty()) {
                throw new IllegalArgumentException("the bearer token is empty");
            }
        }

        @Override
        public boolean accepts(String authorization) {
            return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                    && same(authorization.substring(7).trim(), token);
        }

        @Override
        public String challenge() {
            return "Bearer realm=\"vigia\"";
        }

        @Override
        public String toString() {
            return "Bearer[token masked]";
        }
    }

    /** RFC 7617 basic auth with one user. */
    record Basic(String user, String password) implements ServerAuth {
        public Basic {
            if (Objects.requireNonNull(user).isEmpty() || user.contains(":")) {
                throw new IllegalArgumentException("the basic-auth user must be non-empty and contain no ':'");
            }
            if (Objects.requireNonNull(password).isEmpty()) {
                throw new IllegalArgumentException("the basic-auth password is empty");
            }
        }

        @Override
        public boolean accepts(String authorization) {
            if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
                return false;
            }
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return false;
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return false;
            }
            // both compared, always, so the time taken does not say which one was wrong
            boolean userOk = same(decoded.substring(0, colon), user);
            boolean passwordOk = same(decoded.substring(colon + 1), password);
            return userOk & passwordOk;
        }

        @Override
        public String challenge() {
            return "Basic realm=\"vigia\", charset=\"UTF-8\"";
        }

        @Override
        public String toString() {
            return "Basic[" + user + ", password masked]";
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
