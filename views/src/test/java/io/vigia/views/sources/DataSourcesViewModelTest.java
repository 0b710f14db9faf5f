package io.vigia.views.sources;

import io.vigia.datasources.promql.LocalPromqlSource;
import io.vigia.datasources.http.Authentication;
import io.vigia.datasources.secrets.InMemorySecretStore;
import io.vigia.datasources.secrets.SecretRef;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.DataSourceRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.dialogs.DialogService;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DataSourcesViewModelTest {
    @TempDir
    Path dir;
    private Workspace workspace;
    private SqliteSeriesStore store;
    private InMemorySecretStore secrets;
    private DataSourceCatalog catalog;
    private DataSourcesViewModel vm;

    @BeforeEach
    void open() {
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        store = new SqliteSeriesStore(workspace);
        secrets = new InMemorySecretStore();
        catalog = new DataSourceCatalog(new DataSourceRepository(workspace), secrets, new LocalPromqlSource("local", store), null, java.time.Clock.systemUTC());
        vm = new DataSourcesViewModel(catalog, new SameThreadTaskExecutor().scope(), new YesDialogs(), "ws.vigia");
    }

    @AfterEach
    void close() {
        catalog.close();
        store.close();
        workspace.close();
    }

    @Test
    void aNewWorkspaceListsOnlyTheLocalStoreAsTheDefault() {
        vm.refresh();
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.isLocal()).isTrue();
            assertThat(r.isDefault()).isTrue();
        });
    }

    @Test
    void saveAndTestKeepsTheTypedPasswordInTheSecretStoreAndShowsThePreciseFailure() throws Exception {
        vm.newSource();
        vm.nameProperty().set("prod");
        vm.urlProperty().set("http://127.0.0.1:9");
        vm.authProperty().set(DataSourcesViewModel.AuthKind.BASIC);
        vm.userProperty().set("alice");
        vm.secretProperty().set("hunter2-very-secret");
        vm.headersProperty().set("X-Scope-OrgID: team-a");
        vm.makeDefaultProperty().set(true);

        vm.saveAndTest();

        assertThat(vm.statusProperty().get()).startsWith("Saved prod. Test failed:").containsIgnoringCase("refused");
        assertThat(vm.statusOkProperty().get()).isFalse();
        assertThat(vm.secretProperty().get()).as("the typed secret is cleared").isEmpty();
        assertThat(secrets.get("datasource/prod/password")).contains("hunter2-very-secret");
        var saved = catalog.find("prod").orElseThrow();
        assertThat(saved.settings().auth()).isEqualTo(new Authentication.Basic("alice", SecretRef.store("datasource/prod/password")));
        assertThat(saved.settings().headers()).singleElement().satisfies(h -> assertThat(h.value()).isEqualTo("team-a"));
        assertThat(catalog.defaultName()).isEqualTo("prod");
        workspace.close();
        assertThat(new String(Files.readAllBytes(dir.resolve("ws.vigia")), StandardCharsets.ISO_8859_1)).doesNotContain("hunter2");
        workspace = Workspace.open(dir.resolve("ws.vigia"));
        store = new SqliteSeriesStore(workspace);
    }

    @Test
    void wrongFieldsAreNamedBeforeAnythingIsSaved() {
        vm.newSource();
        vm.nameProperty().set("x");
        vm.urlProperty().set("prometheus:9090");
        vm.saveAndTest();
        assertThat(vm.statusProperty().get()).contains("http:// or https://");
        vm.urlProperty().set("http://p:9090");
        vm.headersProperty().set("no colon here");
        vm.saveAndTest();
        assertThat(vm.statusProperty().get()).contains("Name: value");
        vm.headersProperty().set("");
        vm.timeoutSecondsProperty().set("soon");
        vm.saveAndTest();
        assertThat(vm.statusProperty().get()).contains("whole number of seconds");
        vm.timeoutSecondsProperty().set("30");
        vm.nameProperty().set("local");
        vm.saveAndTest();
        assertThat(vm.statusProperty().get()).contains("workspace's own store");
        assertThat(catalog.list()).isEmpty();
    }

    @Test
    void editingASourceWhoseSecretIsMissingSaysSoAndLoadsItsSettings() {
        vm.newSource();
        vm.nameProperty().set("mimir");
        vm.urlProperty().set("https://mimir.example/prometheus");
        vm.authProperty().set(DataSourcesViewModel.AuthKind.BEARER);
        vm.skipTlsVerifyProperty().set(true);
        vm.saveAndTest();
        vm.refresh();
        var row = vm.rows().stream().filter(r -> r.name().equals("mimir")).findFirst().orElseThrow();
        assertThat(row.status()).startsWith("secret needed");
        vm.newSource();
        vm.edit(row);
        assertThat(vm.urlProperty().get()).isEqualTo("https://mimir.example/prometheus");
        assertThat(vm.authProperty().get()).isEqualTo(DataSourcesViewModel.AuthKind.BEARER);
        assertThat(vm.insecureProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).contains("secret is not available");
    }

    @Test
    void deletingRemovesTheSourceAndItsSecret() {
        vm.newSource();
        vm.nameProperty().set("old");
        vm.urlProperty().set("http://127.0.0.1:9");
        vm.authProperty().set(DataSourcesViewModel.AuthKind.BEARER);
        vm.secretProperty().set("tok");
        vm.saveAndTest();
        vm.delete();
        assertThat(catalog.list()).isEmpty();
        assertThat(secrets.get("datasource/old/token")).isEmpty();
    }

    @Test
    void grafanaProvisioningImportsTheSourcesWithTheirSecretsInTheStore() throws Exception {
        Path yaml = dir.resolve("datasources.yaml");
        Files.writeString(yaml, """
                apiVersion: 1
                datasources:
                  - name: Mimir
                    type: prometheus
                    url: https://mimir.example/prometheus
                    isDefault: true
                    basicAuth: true
                    basicAuthUser: admin
                    jsonData:
                      httpHeaderName1: X-Scope-OrgID
                    secureJsonData:
                      httpHeaderValue1: tenant-1
                      basicAuthPassword: grafana-s3cret
                  - name: Logs
                    type: loki
                    url: http://loki:3100
                  - name: Graphite
                    type: graphite
                    url: http://graphite
                """);
        vm.importGrafana(yaml);
        assertThat(vm.statusProperty().get()).contains("Imported Mimir").contains("Imported Logs").contains("Skipped:").contains("Graphite");
        assertThat(catalog.defaultName()).isEqualTo("Mimir");
        vm.refresh();
        assertThat(vm.rows()).extracting(DataSourcesViewModel.Row::name).containsExactly("local", "Logs", "Mimir");
        assertThat(secrets.toString()).doesNotContain("grafana-s3cret");
        assertThat(catalog.find("Mimir").orElseThrow().missingSecrets()).isEmpty();
    }

    /** Confirms everything; the view model shows its messages on the page, not in dialogs. */
    static final class YesDialogs implements DialogService {
        @Override
        public void showError(String title, String message) {
        }

        @Override
        public void showInfo(String title, String message) {
        }

        @Override
        public boolean confirm(String title, String message) {
            return true;
        }

        @Override
        public Optional<Path> chooseFileToOpen(String title, String description, String... extensions) {
            return Optional.empty();
        }

        @Override
        public Optional<Path> chooseFileToSave(String title, String suggestedName) {
            return Optional.empty();
        }
    }
}
