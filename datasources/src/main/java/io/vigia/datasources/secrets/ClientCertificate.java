package io.vigia.datasources.secrets;

import java.nio.file.Path;
import java.util.Objects;

/** The certificate this client presents for mutual TLS. */
public sealed interface ClientCertificate {

    /** PEM certificate (chain) and an unencrypted PKCS#8 or PKCS#1 (RSA) private key. */
    record Pem(PemSource certificate, PemSource privateKey) implements ClientCertificate {
        public Pem {
            Objects.requireNonNull(certificate, "certificate");
            Objects.requireNonNull(privateKey, "privateKey");
        }
    }

    /** A PKCS#12 key store file; its password is a secret. */
    record Pkcs12(Path file, SecretRef password) implements ClientCertificate {
        public Pkcs12 {
            Objects.requireNonNull(file, "file");
        }
    }
}
