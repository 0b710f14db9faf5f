package io.vigia.views.sources;

import io.vigia.datasources.http.Authentication;
import io.vigia.datasources.secrets.ClientCertificate;
import io.vigia.datasources.http.ConnectionSettings;
import io.vigia.datasources.http.ConnectionTestResult;
import io.vigia.datasources.grafana.GrafanaProvisioningImporter;
import io.vigia.datasources.http.HeaderSetting;
import io.vigia.datasources.secrets.PemSource;
import io.vigia.datasources.http.ProxySettings;
import io.vigia.datasources.secrets.SecretRef;
import io.vigia.datasources.http.SourceType;
import io.vigia.datasources.secrets.TlsSettings;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.views.dialogs.DialogService;
import io.vigia.views.tasks.BackgroundTask;
import io.vigia.views.tasks.TaskScope;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Data sources page: the local store and the saved remote servers, and an editor for one of
 * them with Grafana's connection options. "Save &amp; test" saves, keeps a typed secret in the
 * secret store (OS keyring, or memory for this session), then shows the server's version or the
 * precise failure. Every call to the catalog runs in the background.
 */
public final class DataSourcesViewModel {
    /** How a source authenticates. */
    public enum AuthKind { NONE, BASIC, BEARER }

    /** Where the password or token lives: the secret store, or an environment variable. */
    public enum SecretPlace { STORE, ENVIRONMENT }

    /** One row of the list. */
    public record Row(String name, String type, String url, boolean isDefault, String status) {
        public boolean isLocal() {
            return name.equals(DataSourceCatalog.LOCAL);
        }
    }

    private final DataSourceCatalog catalog;
    private final TaskScope tasks;
    private final DialogService dialogs;
    private final String localDescription;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper statusOk = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editing = new ReadOnlyBooleanWrapper(false);

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<SourceType> type = new SimpleObjectProperty<>(SourceType.PROMETHEUS);
    private final StringProperty url = new SimpleStringProperty("");
    private final ObjectProperty<AuthKind> auth = new SimpleObjectProperty<>(AuthKind.NONE);
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty secret = new SimpleStringProperty("");
    private final ObjectProperty<SecretPlace> secretPlace = new SimpleObjectProperty<>(SecretPlace.STORE);
    private final StringProperty secretEnvVar = new SimpleStringProperty("");
    private final StringProperty headers = new SimpleStringProperty("");
    private final StringProperty caFile = new SimpleStringProperty("");
    private final StringProperty clientCertFile = new SimpleStringProperty("");
    private final StringProperty clientKeyFile = new SimpleStringProperty("");
    private final BooleanProperty skipTlsVerify = new SimpleBooleanProperty(false);
    private final ObjectProperty<ProxySettings.Mode> proxyMode = new SimpleObjectProperty<>(ProxySettings.Mode.SYSTEM);
    private final StringProperty proxyAddress = new SimpleStringProperty("");
    private final StringProperty timeoutSeconds = new SimpleStringProperty("30");
    private final BooleanProperty makeDefault = new SimpleBooleanProperty(false);
    private String editingOriginalName;
    /** Headers whose values are secrets (from Grafana provisioning): kept as they are, not shown as text. */
    private List<HeaderSetting> secretHeaders = List.of();

    public DataSourcesViewModel(DataSourceCatalog catalog, TaskScope tasks, DialogService dialogs, String localDescription) {
        this.catalog = catalog;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.localDescription = localDescription;
    }

    /** Reloads the list in the background. */
    public void refresh() {
        tasks.submit(BackgroundTask.of("Reading data sources", p -> rowsNow()).quiet()
                .onSuccess(rows::setAll)
                .onFailure(e -> fail("Could not read the data sources: " + e.getMessage())));
    }

    private List<Row> rowsNow() {
        List<Row> out = new ArrayList<>();
        List<DataSourceCatalog.Entry> entries = catalog.list();
        boolean remoteDefault = entries.stream().anyMatch(e -> e.isDefault() && e.settings().type() == SourceType.PROMETHEUS);
        out.add(new Row(DataSourceCatalog.LOCAL, "prometheus (embedded)", localDescription, !remoteDefault, "ready"));
        for (DataSourceCatalog.Entry e : entries) {
            String st = e.missingSecrets().isEmpty() ? "" : "secret needed: " + String.join(", ", e.missingSecrets());
            out.add(new Row(e.name(), e.settings().type().name().toLowerCase(java.util.Locale.ROOT), e.settings().url().toString(),
                    e.isDefault(), st));
        }
        return out;
    }

    /** Clears the editor for a new source. */
    public void newSource() {
        editingOriginalName = null;
        secretHeaders = List.of();
        name.set("");
        type.set(SourceType.PROMETHEUS);
        url.set("http://localhost:9090");
        auth.set(AuthKind.NONE);
        user.set("");
        secret.set("");
        secretPlace.set(SecretPlace.STORE);
        secretEnvVar.set("");
        headers.set("");
        caFile.set("");
        clientCertFile.set("");
        clientKeyFile.set("");
        skipTlsVerify.set(false);
        proxyMode.set(ProxySettings.Mode.SYSTEM);
        proxyAddress.set("");
        timeoutSeconds.set("30");
        makeDefault.set(false);
        editing.set(true);
        setStatus("", true);
    }

    /** Loads a saved source into the editor; the local store has nothing to edit. */
    public void edit(Row row) {
        if (row == null || row.isLocal()) {
            editing.set(false);
            setStatus(row == null ? "" : "The local store is the workspace itself: nothing to configure.", true);
            return;
        }
        tasks.submit(BackgroundTask.of("Reading " + row.name(), p -> catalog.find(row.name())).quiet()
                .onSuccess(found -> found.ifPresentOrElse(this::load, () -> fail("\"" + row.name() + "\" no longer exists"))));
    }

    private void load(DataSourceCatalog.Entry e) {
        ConnectionSettings s = e.settings();
        newSource();
        editingOriginalName = s.name();
        name.set(s.name());
        type.set(s.type());
        url.set(s.url().toString());
        switch (s.auth()) {
            case Authentication.None n -> auth.set(AuthKind.NONE);
            case Authentication.Basic b -> {
                auth.set(AuthKind.BASIC);
                user.set(b.user());
                loadSecretRef(b.password());
            }
            case Authentication.Bearer b -> {
                auth.set(AuthKind.BEARER);
                loadSecretRef(b.token());
            }
        }
        List<String> hs = new ArrayList<>();
        for (HeaderSetting h : s.headers()) {
            if (!h.isSecret()) {
                hs.add(h.name() + ": " + h.value());
            }
        }
        headers.set(String.join("\n", hs));
        secretHeaders = s.headers().stream().filter(HeaderSetting::isSecret).toList();
        if (s.tls().ca() instanceof PemSource.File f) {
            caFile.set(f.path().toString());
        }
        if (s.tls().clientCertificate() instanceof ClientCertificate.Pem(PemSource.File cert, PemSource.File key)) {
            clientCertFile.set(cert.path().toString());
            clientKeyFile.set(key.path().toString());
        }
        skipTlsVerify.set(s.tls().insecureSkipVerify());
        proxyMode.set(s.proxy().mode());
        proxyAddress.set(s.proxy().host() == null ? "" : s.proxy().host() + ":" + s.proxy().port());
        timeoutSeconds.set(Long.toString(s.timeout().toSeconds()));
        makeDefault.set(e.isDefault());
        if (!e.missingSecrets().isEmpty()) {
            setStatus("The secret is not available (" + String.join(", ", e.missingSecrets())
                    + "): type it and press Save & test.", false);
        }
    }

    private void loadSecretRef(SecretRef ref) {
        switch (ref) {
            case SecretRef.StoreKey k -> secretPlace.set(SecretPlace.STORE);
            case SecretRef.EnvVar v -> {
                secretPlace.set(SecretPlace.ENVIRONMENT);
                secretEnvVar.set(v.name());
            }
        }
    }

    /**
     * The editor's settings, or an error message for the first field that is wrong. Headers are
     * one {@code Name: value} per line.
     */
    public Result<ConnectionSettings> settings() {
        try {
            String n = name.get().strip();
            if (n.isEmpty()) {
                return Result.error("Give the source a name.");
            }
            if (n.equals(DataSourceCatalog.LOCAL)) {
                return Result.error("\"local\" is the workspace's own store; choose another name.");
            }
            ConnectionSettings s = ConnectionSettings.of(type.get(), url.get().strip()).withName(n);
            SecretRef ref = secretPlace.get() == SecretPlace.ENVIRONMENT
                    ? SecretRef.env(secretEnvVar.get().strip())
                    : SecretRef.store(DataSourceCatalog.secretKey(n, auth.get() == AuthKind.BEARER ? "token" : "password"));
            s = switch (auth.get()) {
                case NONE -> s;
                case BASIC -> {
                    if (user.get().isBlank()) {
                        throw new IllegalArgumentException("Basic authentication needs a user.");
                    }
                    yield s.withAuth(new Authentication.Basic(user.get().strip(), ref));
                }
                case BEARER -> s.withAuth(new Authentication.Bearer(ref));
            };
            List<HeaderSetting> hs = new ArrayList<>();
            for (String line : headers.get().split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("A header is \"Name: value\", one per line; got \"" + line.strip() + "\".");
                }
                hs.add(HeaderSetting.plain(line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
            }
            hs.addAll(secretHeaders);
            s = s.withHeaders(hs);
            PemSource ca = caFile.get().isBlank() ? null : PemSource.file(Path.of(caFile.get().strip()));
            ClientCertificate cert = null;
            if (!clientCertFile.get().isBlank() || !clientKeyFile.get().isBlank()) {
                if (clientCertFile.get().isBlank() || clientKeyFile.get().isBlank()) {
                    throw new IllegalArgumentException("A client certificate needs both the certificate and its key (PEM files).");
                }
                cert = new ClientCertificate.Pem(PemSource.file(Path.of(clientCertFile.get().strip())),
                        PemSource.file(Path.of(clientKeyFile.get().strip())));
            }
            s = s.withTls(new TlsSettings(ca, cert, skipTlsVerify.get()));
            s = s.withProxy(proxy());
            long seconds;
            try {
                seconds = Long.parseLong(timeoutSeconds.get().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The timeout is a whole number of seconds.");
            }
            if (seconds <= 0) {
                throw new IllegalArgumentException("The timeout is a whole number of seconds.");
            }
            return Result.ok(s.withTimeout(Duration.ofSeconds(seconds)));
        } catch (IllegalArgumentException e) {
            return Result.error(e.getMessage());
        }
    }

    private ProxySettings proxy() {
        ProxySettings.Mode mode = proxyMode.get();
        if (mode == ProxySettings.Mode.SYSTEM || mode == ProxySettings.Mode.DIRECT) {
            return mode == ProxySettings.Mode.SYSTEM ? ProxySettings.SYSTEM : ProxySettings.DIRECT;
        }
        String a = proxyAddress.get().strip();
        int colon = a.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("The proxy is host:port.");
        }
        int port;
        try {
            port = Integer.parseInt(a.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The proxy is host:port.");
        }
        return mode == ProxySettings.Mode.HTTP ? ProxySettings.http(a.substring(0, colon), port) : ProxySettings.socks(a.substring(0, colon), port);
    }

    /** Saves the editor's source, keeps a typed secret in the secret store, then tests the connection. */
    public void saveAndTest() {
        Result<ConnectionSettings> r = settings();
        if (r.error() != null) {
            setStatus(r.error(), false);
            return;
        }
        ConnectionSettings s = r.value();
        boolean needsTypedSecret = auth.get() != AuthKind.NONE && secretPlace.get() == SecretPlace.STORE;
        Optional<String> typed = needsTypedSecret && !secret.get().isEmpty() ? Optional.of(secret.get()) : Optional.empty();
        String renamedFrom = editingOriginalName != null && !editingOriginalName.equals(s.name()) ? editingOriginalName : null;
        boolean isDefault = makeDefault.get();
        busy.set(true);
        setStatus("Testing " + s.url() + " …", true);
        tasks.submit(BackgroundTask.of("Saving and testing " + s.name(), p -> {
            if (renamedFrom != null) {
                catalog.delete(renamedFrom);
            }
            catalog.save(s, isDefault, typed);
            return catalog.test(s);
        }).onSuccess(result -> {
            busy.set(false);
            secret.set("");
            editingOriginalName = s.name();
            String prefix = "Saved " + s.name() + ". ";
            setStatus(prefix + (result.ok() ? "Connected: " + result.message() : "Test failed: " + result.message()), result.ok());
            refresh();
        }).onFailure(e -> {
            busy.set(false);
            fail("Could not save " + s.name() + ": " + e.getMessage());
        }));
    }

    /**
     * Imports the data sources of a Grafana provisioning YAML file (its {@code secureJsonData}
     * secrets go to the secret store), then lists what was imported, noted and skipped.
     */
    public void chooseAndImportGrafana() {
        dialogs.chooseFileToOpen("Import Grafana data sources", "Grafana provisioning YAML", "*.yaml", "*.yml")
                .ifPresent(this::importGrafana);
    }

    public void importGrafana(Path file) {
        busy.set(true);
        tasks.submit(BackgroundTask.of("Importing " + file.getFileName(), p -> {
            var result = new GrafanaProvisioningImporter(catalog.secrets(), System::getenv)
                    .importYaml(java.nio.file.Files.readString(file));
            List<String> lines = new ArrayList<>();
            for (var imported : result.sources()) {
                catalog.save(imported.settings(), imported.isDefault(), Optional.empty());
                lines.add("Imported " + imported.settings().name() + " (" + imported.settings().url() + ")");
                imported.notes().forEach(n -> lines.add("  note: " + n));
            }
            result.skipped().forEach(sk -> lines.add("Skipped: " + sk));
            return lines.isEmpty() ? List.of("No data sources in " + file.getFileName()) : lines;
        }).onSuccess(lines -> {
            busy.set(false);
            setStatus(String.join("\n", lines), true);
            refresh();
        }).onFailure(e -> {
            busy.set(false);
            fail("Could not import " + file.getFileName() + ": " + e.getMessage());
        }));
    }

    /** Deletes the selected source, and its secret from the store, after asking. */
    public void delete() {
        String n = editingOriginalName;
        if (n == null) {
            return;
        }
        if (!dialogs.confirm("Delete data source", "Delete \"" + n + "\" and its stored secret? Dashboards that use it will show an error.")) {
            return;
        }
        tasks.submit(BackgroundTask.of("Deleting " + n, p -> {
            catalog.delete(n);
            return n;
        }).onSuccess(x -> {
            editing.set(false);
            editingOriginalName = null;
            setStatus("Deleted " + n + ".", true);
            refresh();
        }).onFailure(e -> fail("Could not delete " + n + ": " + e.getMessage())));
    }

    private void fail(String message) {
        setStatus(message, false);
    }

    private void setStatus(String text, boolean ok) {
        status.set(text);
        statusOk.set(ok);
    }

    /** A value or the message saying why there is none. */
    public record Result<T>(T value, String error) {
        static <T> Result<T> ok(T v) {
            return new Result<>(v, null);
        }

        static <T> Result<T> error(String message) {
            return new Result<>(null, message);
        }
    }

    public String secretStoreDescription() {
        return catalog.secrets().describe();
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty statusOkProperty() {
        return statusOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty editingProperty() {
        return editing.getReadOnlyProperty();
    }

    /** True while TLS verification is switched off: the page shows a warning. */
    public javafx.beans.binding.BooleanExpression insecureProperty() {
        return skipTlsVerify;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<SourceType> typeProperty() {
        return type;
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<AuthKind> authProperty() {
        return auth;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty secretProperty() {
        return secret;
    }

    public ObjectProperty<SecretPlace> secretPlaceProperty() {
        return secretPlace;
    }

    public StringProperty secretEnvVarProperty() {
        return secretEnvVar;
    }

    public StringProperty headersProperty() {
        return headers;
    }

    public StringProperty caFileProperty() {
        return caFile;
    }

    public StringProperty clientCertFileProperty() {
        return clientCertFile;
    }

    public StringProperty clientKeyFileProperty() {
        return clientKeyFile;
    }

    public BooleanProperty skipTlsVerifyProperty() {
        return skipTlsVerify;
    }

    public ObjectProperty<ProxySettings.Mode> proxyModeProperty() {
        return proxyMode;
    }

    public StringProperty proxyAddressProperty() {
        return proxyAddress;
    }

    public StringProperty timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public BooleanProperty makeDefaultProperty() {
        return makeDefault;
    }
}
