package io.vigia.datasources.secrets;

import io.vigia.datasources.http.RemoteException;
import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Secrets in the operating system's keyring through java-keyring: the Secret Service on Linux
 * (GNOME Keyring, KWallet, KeePassXC), the Keychain on macOS, the Credential Manager on Windows.
 * Entries are filed under the service {@value #SERVICE} with the secret's key as the account.
 *
 * <p>{@link #open()} probes with a throw-away entry (write, read back, delete) as JabRef does, since
 * a backend can be present yet unusable (no daemon on the session bus, a locked collection).
 */
public final class KeyringSecretStore implements SecretStore, AutoCloseable {
    public static final String SERVICE = "io.vigia";
    private static final Logger LOG = LoggerFactory.getLogger(KeyringSecretStore.class);

    private final Keyring keyring;

    private KeyringSecretStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The OS keyring when one answers the probe, else empty (the reason is logged). */
    public static Optional<KeyringSecretStore> open() {
        Keyring keyring;
        try {
            keyring = Keyring.create();
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("no OS keyring: {}", e.toString());
            return Optional.empty();
        }
        String account = "probe-" + UUID.randomUUID();
        String value = UUID.randomUUID().toString();
        try {
            keyring.setPassword(SERVICE, account, value);
            String back = keyring.getPassword(SERVICE, account);
            keyring.deletePassword(SERVICE, account);
            if (!value.equals(back)) {
                throw new PasswordAccessException("the keyring returned a different value than stored");
            }
            return Optional.of(new KeyringSecretStore(keyring));
        } catch (PasswordAccessException | RuntimeException | LinkageError e) {
            LOG.info("the OS keyring ({}) does not answer: {}", keyring.getKeyringStorageType(), e.toString());
            closeQuietly(keyring);
            return Optional.empty();
        }
    }

    /** The keyring when it answers, else secrets held in memory until the app exits. */
    public static SecretStore openOrMemory() {
        return open().<SecretStore>map(k -> k).orElseGet(InMemorySecretStore::new);
    }

    @Override
    public Optional<String> get(String key) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, key));
        } catch (PasswordAccessException e) {
            // java-keyring reports a missing entry with the same exception as a failure
            LOG.debug("keyring has no readable entry {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public void put(String key, String secret) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
        try {
            keyring.setPassword(SERVICE, key, secret);
        } catch (PasswordAccessException e) {
            throw new RemoteException(RemoteException.Kind.SECRET_MISSING, 0,
                    "could not store the secret in the OS keyring: " + e.getMessage());
        }
    }

    @Override
    public void delete(String key) {
        try {
            keyring.deletePassword(SERVICE, key);
        } catch (PasswordAccessException e) {
            LOG.debug("keyring could not delete {}: {}", key, e.getMessage());
        }
    }

    @Override
    public String describe() {
        return "the OS keyring (" + switch (keyring.getKeyringStorageType()) {
            case GNOME_KEYRING -> "Secret Service";
            case KWALLET -> "KWallet";
            case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "macOS Keychain";
            case WINDOWS_CREDENTIAL_STORE -> "Windows Credential Manager";
        } + ")";
    }

    @Override
    public void close() {
        closeQuietly(keyring);
    }

    private static void closeQuietly(Keyring k) {
        try {
            k.close();
        } catch (Exception e) {
            LOG.debug("closing the keyring: {}", e.toString());
        }
    }
}
