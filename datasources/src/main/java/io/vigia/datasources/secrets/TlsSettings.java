package io.vigia.datasources.secrets;

/**
 * TLS for an https URL. Verification is on by default; switching it off is allowed (self-signed
 * lab servers) but logged loudly and shown in the UI through {@link #insecureSkipVerify()}.
 *
 * @param ca                 trusted CA certificates (PEM) instead of the JDK's, or null for the JDK's
 * @param clientCertificate  for mutual TLS, or null
 * @param insecureSkipVerify accept any server certificate and host name
 */
public record TlsSettings(PemSource ca, ClientCertificate clientCertificate, boolean insecureSkipVerify) {

    public static final TlsSettings DEFAULT = new TlsSettings(null, null, false);

    public TlsSettings withInsecureSkipVerify(boolean skip) {
        return new TlsSettings(ca, clientCertificate, skip);
    }

    public TlsSettings withCa(PemSource newCa) {
        return new TlsSettings(newCa, clientCertificate, insecureSkipVerify);
    }

    public TlsSettings withClientCertificate(ClientCertificate cert) {
        return new TlsSettings(ca, cert, insecureSkipVerify);
    }
}
