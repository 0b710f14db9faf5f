package io.vigia.datasources.secrets;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

/**
 * A secret store found in the background: probing the OS keyring talks to D-Bus (or the Keychain)
 * and must not delay the first window. Calls that need secrets wait for the probe; they run off the
 * UI thread anyway.
 */
public final class DeferredSecretStore implements SecretStore {
    private final CompletableFuture<SecretStore> store;

    public DeferredSecretStore(CompletableFuture<SecretStore> store) {
        this.store = store;
    }

    /** Probes the OS keyring on a virtual thread; memory when none answers. */
    public static DeferredSecretStore keyringOrMemory() {
        return new DeferredSecretStore(CompletableFuture.supplyAsync(KeyringSecretStore::openOrMemory,
                Executors.newVirtualThreadPerTaskExecutor()));
    }

    @Override
    public Optional<String> get(String key) {
        return store.join().get(key);
    }

    @Override
    public void put(String key, String secret) {
        store.join().put(key, secret);
    }

    @Override
    public void delete(String key) {
        store.join().delete(key);
    }

    @Override
    public String describe() {
        return store.isDone() ? store.join().describe() : "the OS keyring if one answers, else memory until Vigia exits (still checking)";
    }
}
