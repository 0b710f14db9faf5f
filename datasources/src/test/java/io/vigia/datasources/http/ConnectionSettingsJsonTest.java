package io.vigia.datasources.http;

import io.vigia.datasources.secrets.ClientCertificate;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.PemSource;
import io.vigia.datasources.secrets.SecretRef;
import io.vigia.datasources.secrets.TlsSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionSettingsJsonTest {

    @Test
    void roundTripsEverySettingWithoutAnySecret() {
        InMemorySecretStore store = new InMemorySecretStore();
        store.put("prom/pw", "hunter2");
        ConnectionSettings s = ConnectionSettings.of(SourceType.PROMETHEUS, "https://mimir.example/prometheus")
                .withName("prod Mimir")
                .withAuth(new Authentication.Basic("alice", SecretRef.store("prom/pw")))
                .withHeaders(List.of(HeaderSetting.plain("X-Scope-OrgID", "t1"), HeaderSetting.secret("X-Key", SecretRef.env("KEY"))))
                .withTls(new TlsSettings(PemSource.file(Path.of("/etc/ca.pem")),
                        new ClientCertificate.Pkcs12(Path.of("/etc/client.p12"), SecretRef.store("prom/p12")), true))
                .withProxy(ProxySettings.socks("socks.local", 1080))
                .withTimeout(Duration.ofSeconds(12))
                .withMaxResponseBytes(1234567)
                .withMinInterval(Duration.ofSeconds(30))
                .withHttpMethod(HttpMethodPreference.POST);
        String json = ConnectionSettingsJson.write(s);
        assertThat(json).doesNotContain("hunter2").contains("\"store\":\"prom/pw\"", "\"env\":\"KEY\"");
        assertThat(ConnectionSettingsJson.read(json)).isEqualTo(s);

        ConnectionSettings loki = ConnectionSettings.of(SourceType.LOKI, "http://loki:3100")
                .withAuth(new Authentication.Bearer(SecretRef.env("LOKI_TOKEN")))
                .withTls(TlsSettings.DEFAULT.withClientCertificate(new ClientCertificate.Pem(
                        new PemSource.Secret(SecretRef.store("c")), PemSource.file(Path.of("k.pem")))));
        assertThat(ConnectionSettingsJson.read(ConnectionSettingsJson.write(loki))).isEqualTo(loki);
    }

    @Test
    void rejectsUnknownVersionsAndGarbage() {
        assertThatThrownBy(() -> ConnectionSettingsJson.read("{\"version\":2}")).hasMessageContaining("version 2");
        assertThatThrownBy(() -> ConnectionSettingsJson.read("{nope")).hasMessageContaining("not valid JSON");
    }
}
