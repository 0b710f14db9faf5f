package io.vigia.datasources.secrets;

import java.util.Optional;

/**
 * Keeps data source secrets (passwords, tokens, private keys) out of the workspace file. An OS
 * keyring implementation (Secret Service, Keychain, Credential Manager) plugs in here; the
 * in-memory one holds secrets for the running session only ("ask once each time the app starts").
 */
public interface SecretStore {

    Optional<String> get(String key);

    void put(String key, String secret);

    void delete(String key);

    /** A short description for the settings UI, e.g. "in memory (until Vigia exits)". */
    String describe();
}
