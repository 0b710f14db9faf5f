package io.vigia.datasources.secrets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where PEM text (a CA bundle, a client certificate or key) comes from: a file, or a secret (what
 * Grafana provisioning calls {@code secureJsonData.tlsCACert} holds the PEM inline).
 */
public sealed interface PemSource {

    record File(Path path) implements PemSource {
        public File {
            Objects.requireNonNull(path, "path");
        }
    }

    record Secret(SecretRef ref) implements PemSource {
        public Secret {
            Objects.requireNonNull(ref, "ref");
        }
    }

    static PemSource file(Path path) {
        return new File(path);
    }
}
