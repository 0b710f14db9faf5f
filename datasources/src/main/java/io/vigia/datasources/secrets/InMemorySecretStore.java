package io.vigia.datasources.secrets;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Secrets held for this session only; nothing reaches the disk. */
public final class InMemorySecretStore implements SecretStore {
    private final ConcurrentMap<String, String> secrets = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(secrets.get(key));
    }

    @Override
    public void put(String key, String secret) {
        secrets.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(secret, "secret"));
    }

    @Override
    public void delete(String key) {
        secrets.remove(key);
    }

    @Override
    public String describe() {
        return "in memory until Vigia exits (no OS keyring answered)";
    }

    @Override
    public String toString() {
        return "InMemorySecretStore[" + secrets.size() + " secrets]";
    }
}
