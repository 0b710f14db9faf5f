package io.vigia.datasources.grafana;

import io.vigia.datasources.http.Authentication;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.HeaderSetting;
import io.vigia.datasources.http.HttpMethodPreference;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.PemSource;
import io.vigia.datasources.secrets.SecretRef;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrafanaProvisioningImporterTest {
    private static final String YAML = """
            apiVersion: 1
            datasources:
              - name: Mimir
                type: prometheus
                uid: mimir-prod
                access: proxy
                url: https://mimir.example.com/prometheus
                isDefault: true
                basicAuth: true
                basicAuthUser: grafana
                jsonData:
                  httpMethod: POST
                  timeInterval: 30s
                  timeout: 60
                  tlsSkipVerify: true
                  httpHeaderName1: X-Scope-OrgID
                  httpHeaderName2: X-Api-Key
                secureJsonData:
                  basicAuthPassword: hunter2
                  httpHeaderValue1: tenant-1
                  httpHeaderValue2: ${API_KEY}
              - name: Logs
                type: loki
                url: http://${LOKI_HOST}:3100
                jsonData:
                  maxLines: 1000
                  httpHeaderName1: Authorization
                  tlsAuthWithCACert: true
                secureJsonData:
                  httpHeaderValue1: Bearer abc.def
                  tlsCACert: |
                    -----BEGIN CERTIFICATE-----
                    MIIB
                    -----END CERTIFICATE-----
              - name: Tempo
                type: tempo
                url: http://tempo:3200
            """;

    @Test
    void importsPrometheusAndLokiWithSecretsInTheStore() {
        InMemorySecretStore store = new InMemorySecretStore();
        GrafanaProvisioningImporter importer = new GrafanaProvisioningImporter(store, Map.of("LOKI_HOST", "loki.internal")::get);
        GrafanaProvisioningImporter.Result result = importer.importYaml(YAML);

        assertThat(result.skipped()).singleElement().asString().contains("'Tempo'", "tempo");
        assertThat(result.sources()).hasSize(2);

        GrafanaProvisioningImporter.Imported mimir = result.sources().get(0);
        ConnectionSettings m = mimir.settings();
        assertThat(mimir.uid()).isEqualTo("mimir-prod");
        assertThat(mimir.isDefault()).isTrue();
        assertThat(m.type()).isEqualTo(SourceType.PROMETHEUS);
        assertThat(m.url().toString()).isEqualTo("https://mimir.example.com/prometheus");
        assertThat(m.auth()).isEqualTo(new Authentication.Basic("grafana", SecretRef.store("grafana/mimir-prod/basicAuthPassword")));
        assertThat(store.get("grafana/mimir-prod/basicAuthPassword")).contains("hunter2");
        assertThat(m.headers()).containsExactly(HeaderSetting.plain("X-Scope-OrgID", "tenant-1"),
                HeaderSetting.secret("X-Api-Key", SecretRef.env("API_KEY")));
        assertThat(m.httpMethod()).isEqualTo(HttpMethodPreference.POST);
        assertThat(m.minInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(m.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(m.isInsecure()).isTrue();
        assertThat(mimir.notes()).anyMatch(n -> n.contains("verification is switched OFF"));
        // the persisted settings never contain the secret itself
        assertThat(m.toString()).doesNotContain("hunter2");

        ConnectionSettings loki = result.sources().get(1).settings();
        assertThat(loki.type()).isEqualTo(SourceType.LOKI);
        assertThat(loki.url().toString()).isEqualTo("http://loki.internal:3100");
        assertThat(loki.auth()).isEqualTo(new Authentication.Bearer(SecretRef.store("grafana/Logs/bearerToken")));
        assertThat(store.get("grafana/Logs/bearerToken")).contains("abc.def");
        assertThat(loki.tls().ca()).isEqualTo(new PemSource.Secret(SecretRef.store("grafana/Logs/tlsCACert")));
        assertThat(store.get("grafana/Logs/tlsCACert")).hasValueSatisfying(v -> assertThat(v).startsWith("-----BEGIN CERTIFICATE-----"));
        assertThat(loki.toString()).doesNotContain("abc.def");
    }

    @Test
    void rejectsFilesThatAreNotProvisioning() {
        GrafanaProvisioningImporter importer = new GrafanaProvisioningImporter(new InMemorySecretStore(), n -> null);
        assertThatThrownBy(() -> importer.importYaml("apiVersion: 1\nproviders: []\n")).hasMessageContaining("no 'datasources:'");
        assertThatThrownBy(() -> importer.importYaml("datasources: [\n")).hasMessageContaining("not a valid YAML");
        GrafanaProvisioningImporter.Result r = importer.importYaml("datasources:\n  - name: x\n    type: prometheus\n    url: ftp://x\n");
        assertThat(r.sources()).isEmpty();
        assertThat(r.skipped()).singleElement().asString().contains("unusable url");
    }
}
