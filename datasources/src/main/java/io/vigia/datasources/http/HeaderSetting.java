package io.vigia.datasources.http;

import io.vigia.datasources.secrets.SecretRef;
import java.util.Objects;

/**
 * A custom request header, e.g. {@code X-Scope-OrgID: tenant-a} for multi-tenant Mimir and Loki.
 * Its value is either plain (not secret) or a {@link SecretRef} (a header carrying an API key).
 */
public record HeaderSetting(String name, String value, SecretRef secretValue) {
    public HeaderSetting {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
            throw new IllegalArgumentException("not a valid HTTP header name: '" + name + "'");
        }
        if ((value == null) == (secretValue == null)) {
            throw new IllegalArgumentException("header " + name + " needs exactly one of a value or a secret");
        }
    }

    public static HeaderSetting plain(String name, String value) {
        return new HeaderSetting(name, value, null);
    }

    public static HeaderSetting secret(String name, SecretRef ref) {
        return new HeaderSetting(name, null, ref);
    }

    public boolean isSecret() {
        return secretValue != null;
    }
}
