package io.vigia.datasources.secrets;

import io.vigia.datasources.http.RemoteException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a {@link SecretRef} into the secret when a request is built, so a secret changed in the
 * keyring or the environment is picked up without re-saving the settings. The environment lookup
 * is injectable so tests need not touch the real environment.
 */
public final class SecretResolver {
    private final SecretStore store;
    private final Function<String, String> environment;

    public SecretResolver(SecretStore store, Function<String, String> environment) {
        this.store = Objects.requireNonNull(store, "store");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static SecretResolver withSystemEnvironment(SecretStore store) {
        return new SecretResolver(store, System::getenv);
    }

    public SecretStore store() {
        return store;
    }

    public Optional<String> find(SecretRef ref) {
        return switch (ref) {
            case SecretRef.StoreKey k -> store.get(k.key());
            case SecretRef.EnvVar e -> Optional.ofNullable(environment.apply(e.name()));
        };
    }

    /** The secret, or a {@link RemoteException} of kind {@code SECRET_MISSING} naming where it was looked for. */
    public String require(SecretRef ref, String what) {
        return find(ref).orElseThrow(() -> new RemoteException(RemoteException.Kind.SECRET_MISSING, 0,
                what + " is not available: " + ref + " is not set"));
    }
}
