package io.vigia.datasources.http;

import io.vigia.datasources.secrets.ClientCertificate;
import io.vigia.datasources.secrets.PemMaterial;
import io.vigia.datasources.secrets.PemSource;
import io.vigia.datasources.secrets.SecretResolver;
import io.vigia.datasources.secrets.TlsSettings;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/** Builds the OkHttp client for one data source: timeouts, proxy, TLS trust and client certificate. */
final class HttpClientFactory {
    private static final Logger LOG = LoggerFactory.getLogger(HttpClientFactory.class);
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private HttpClientFactory() {
    }

    static OkHttpClient create(ConnectionSettings s, SecretResolver secrets) {
        Duration connect = s.timeout().compareTo(MAX_CONNECT_TIMEOUT) < 0 ? s.timeout() : MAX_CONNECT_TIMEOUT;
        OkHttpClient.Builder b = new OkHttpClient.Builder()
                .connectTimeout(connect)
                .readTimeout(s.timeout())
                .writeTimeout(s.timeout())
                .callTimeout(s.timeout())
                .followRedirects(true)
                .followSslRedirects(false);
        switch (s.proxy().mode()) {
            case DIRECT -> b.proxy(Proxy.NO_PROXY);
            case SYSTEM -> { } // OkHttp consults ProxySelector.getDefault()
            case HTTP -> b.proxy(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(s.proxy().host(), s.proxy().port())));
            case SOCKS -> b.proxy(new Proxy(Proxy.Type.SOCKS, InetSocketAddress.createUnresolved(s.proxy().host(), s.proxy().port())));
        }
        configureTls(b, s, secrets);
        return b.build();
    }

    private static void configureTls(OkHttpClient.Builder b, ConnectionSettings s, SecretResolver secrets) {
        TlsSettings tls = s.tls();
        if (!tls.insecureSkipVerify() && tls.ca() == null && tls.clientCertificate() == null) {
            return;
        }
        try {
            X509TrustManager trust;
            if (tls.insecureSkipVerify()) {
                LOG.warn("!!! TLS certificate verification is OFF for data source '{}' ({}): any server, including an"
                        + " attacker in the middle, is accepted and credentials may be sent to it !!!", s.name(), s.url());
                trust = new TrustAllManager();
                b.hostnameVerifier((host, session) -> true);
            } else if (tls.ca() != null) {
                trust = trustManagerFor(PemMaterial.certificates(readPem(tls.ca(), secrets, "CA certificate"), "CA certificate"));
            } else {
                trust = defaultTrustManager();
            }
            KeyManager[] keyManagers = tls.clientCertificate() == null ? null
                    : keyManagersFor(tls.clientCertificate(), secrets);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(keyManagers, new TrustManager[] {trust}, null);
            b.sslSocketFactory(ctx.getSocketFactory(), trust);
        } catch (GeneralSecurityException | IOException e) {
            throw new RemoteException(RemoteException.Kind.CONFIGURATION, 0,
                    "cannot set up TLS for '" + s.name() + "': " + e.getMessage(), e);
        }
    }

    private static X509TrustManager trustManagerFor(List<X509Certificate> cas) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            ks.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        return firstX509(tmf.getTrustManagers());
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init((KeyStore) null);
        return firstX509(tmf.getTrustManagers());
    }

    private static X509TrustManager firstX509(TrustManager[] tms) {
        for (TrustManager tm : tms) {
            if (tm instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new IllegalStateException("no X509TrustManager");
    }

    private static KeyManager[] keyManagersFor(ClientCertificate cc, SecretResolver secrets)
            throws GeneralSecurityException, IOException {
        char[] password;
        KeyStore ks;
        switch (cc) {
            case ClientCertificate.Pem pem -> {
                List<X509Certificate> chain = PemMaterial.certificates(
                        readPem(pem.certificate(), secrets, "client certificate"), "client certificate");
                PrivateKey key = PemMaterial.privateKey(readPem(pem.privateKey(), secrets, "client key"), "client key");
                password = new char[0];
                ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("client", key, password, chain.toArray(new X509Certificate[0]));
            }
            case ClientCertificate.Pkcs12 p12 -> {
                password = p12.password() == null ? new char[0]
                        : secrets.require(p12.password(), "PKCS#12 password").toCharArray();
                ks = KeyStore.getInstance("PKCS12");
                try (InputStream in = Files.newInputStream(p12.file())) {
                    ks.load(in, password);
                } catch (IOException e) {
                    throw new RemoteException(RemoteException.Kind.CONFIGURATION, 0,
                            "cannot read PKCS#12 file " + p12.file() + " (wrong password or not PKCS#12?): " + e.getMessage(), e);
                }
            }
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        return kmf.getKeyManagers();
    }

    static String readPem(PemSource src, SecretResolver secrets, String what) {
        return switch (src) {
            case PemSource.File f -> {
                try {
                    yield Files.readString(f.path(), StandardCharsets.US_ASCII);
                } catch (IOException e) {
                    throw new RemoteException(RemoteException.Kind.CONFIGURATION, 0,
                            "cannot read " + what + " file " + f.path() + ": " + e, e);
                }
            }
            case PemSource.Secret sec -> secrets.require(sec.ref(), what);
        };
    }

    /** Used only when the user switched verification off; see the WARN above. */
    private static final class TrustAllManager implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            // accepts everything by the user's explicit choice
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // accepts everything by the user's explicit choice
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
