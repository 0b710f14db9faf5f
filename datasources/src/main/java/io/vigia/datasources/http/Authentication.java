package io.vigia.datasources.http;

import io.vigia.datasources.secrets.SecretRef;
import java.util.Objects;

/** How requests authenticate. Secrets are {@link SecretRef}s, never the secret itself. */
public sealed interface Authentication {

    record None() implements Authentication {
    }

    /** HTTP basic auth; the user name is not secret, the password is. */
    record Basic(String user, SecretRef password) implements Authentication {
        public Basic {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }
    }

    /** {@code Authorization: Bearer <token>}. */
    record Bearer(SecretRef token) implements Authentication {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }
    }

    Authentication NONE = new None();
}
