package io.vigia.datasources.secrets;

import java.util.Objects;

/**
 * Where a secret lives. Settings that are persisted hold only such references, never the secret
 * itself: a key in a {@link SecretStore} (OS keyring, or memory for this session), or the name of
 * an environment variable the secret is read from when a request is made.
 */
public sealed interface SecretRef {

    /** A key in the {@link SecretStore}, e.g. {@code datasource/prom-main/password}. */
    record StoreKey(String key) implements SecretRef {
        public StoreKey {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("secret key is blank");
            }
        }

        @Override
        public String toString() {
            return "secret store key '" + key + "'";
        }
    }

    /** "Read the secret from environment variable NAME". */
    record EnvVar(String name) implements SecretRef {
        public EnvVar {
            Objects.requireNonNull(name, "name");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("not an environment variable name: '" + name + "'");
            }
        }

        @Override
        public String toString() {
            return "environment variable " + name;
        }
    }

    static SecretRef store(String key) {
        return new StoreKey(key);
    }

    static SecretRef env(String name) {
        return new EnvVar(name);
    }
}
