package io.vigia.views.sources;

import io.vigia.datasources.http.ProxySettings;
import io.vigia.datasources.http.SourceType;
import io.vigia.views.controls.ChoiceText;
import io.vigia.views.shell.Page;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** The view of {@link DataSourcesViewModel}: the list on the left, the editor on the right. */
public final class DataSourcesPage implements Page {
    private final DataSourcesViewModel vm;
    private Node view;
    private Label subtitle;
    private final BindingsView found;

    public DataSourcesPage(DataSourcesViewModel vm) {
        this(vm, null);
    }

    /** @param found "What Vigia found" for the selected Prometheus-compatible source (or the local store); null for none */
    public DataSourcesPage(DataSourcesViewModel vm, BindingsView found) {
        this.vm = vm;
        this.found = found;
    }

    @Override
    public String id() {
        return "sources";
    }

    @Override
    public String title() {
        return "Data sources";
    }

    @Override
    public String description() {
        return "Prometheus, Loki and the local store";
    }

    @Override
    public void shown() {
        vm.refresh();
        updateSubtitle();
    }

    /** Where secrets go is known once the keyring probe has answered: shown when the page is. */
    private void updateSubtitle() {
        if (subtitle != null) {
            subtitle.setText("Dashboards read the default source. Passwords and tokens: " + vm.secretStoreDescription()
                    + "; never in the workspace file.");
        }
    }

    public DataSourcesViewModel viewModel() {
        return vm;
    }

    @Override
    public Node view() {
        if (view == null) {
            view = build();
        }
        return view;
    }

    private Node build() {
        Label title = new Label("Data sources");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label();
        subtitle.setId("sources-subtitle");
        this.subtitle = subtitle;
        updateSubtitle();
        subtitle.getStyleClass().add("page-subtitle");
        subtitle.setWrapText(true);

        ListView<DataSourcesViewModel.Row> list = new ListView<>(vm.rows());
        list.setId("sources-list");
        list.getStyleClass().add("sources-list");
        list.setCellFactory(l -> new RowCell());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, r) -> {
            vm.edit(r);
            showFound(r);
        });
        Button add = new Button("Add data source");
        add.setId("add-source");
        add.setOnAction(e -> {
            list.getSelectionModel().clearSelection();
            vm.newSource();
        });
        Button importGrafana = new Button("Import from Grafana…");
        importGrafana.setId("import-grafana-sources");
        importGrafana.setTooltip(new javafx.scene.control.Tooltip("Data sources from a Grafana provisioning YAML file"));
        importGrafana.setOnAction(e -> vm.chooseAndImportGrafana());
        VBox left = new VBox(8, list, new HBox(8, add, importGrafana));
        VBox.setVgrow(list, Priority.ALWAYS);
        left.setPrefWidth(360);

        VBox editor = editor();
        editor.visibleProperty().bind(vm.editingProperty());
        editor.managedProperty().bind(vm.editingProperty());
        Label status = new Label();
        status.setId("source-status");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());
        vm.statusOkProperty().addListener((o, a, ok) -> styleStatus(status, ok));
        styleStatus(status, true);
        VBox right = new VBox(12, editor, status);
        if (found != null) {
            found.setVisible(false);
            found.managedProperty().bind(found.visibleProperty());
            right.getChildren().add(found);
        }
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("sources-editor-scroll");

        BorderPane body = new BorderPane(scroll);
        body.setLeft(left);
        BorderPane.setMargin(left, new Insets(0, 16, 0, 0));
        VBox page = new VBox(8, title, subtitle, body);
        VBox.setVgrow(body, Priority.ALWAYS);
        page.getStyleClass().add("page");
        return page;
    }

    /** "What Vigia found" follows the selected source; a Loki source has no bindings. */
    private void showFound(DataSourcesViewModel.Row r) {
        if (found == null) {
            return;
        }
        boolean metrics = r != null && (r.isLocal() || !"loki".equalsIgnoreCase(r.type()));
        found.setVisible(metrics);
        if (metrics) {
            found.viewModel().load(r.isLocal() ? "local" : r.name());
        }
    }

    private static void styleStatus(Label status, boolean ok) {
        status.getStyleClass().removeAll("status-ok", "status-error");
        status.getStyleClass().add(ok ? "status-ok" : "status-error");
    }

    private VBox editor() {
        GridPane g = new GridPane();
        g.getStyleClass().add("settings-grid");
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        int row = 0;

        TextField name = text("source-name", vm.nameProperty(), "e.g. prod-mimir");
        g.addRow(row++, new Label("Name"), name);
        ComboBox<SourceType> type = new ComboBox<>();
        type.setId("source-type");
        type.getItems().setAll(SourceType.values());
        type.setConverter(ChoiceText.of(t -> t == SourceType.LOKI ? "Loki" : "Prometheus-compatible (Prometheus, Mimir, Thanos, VictoriaMetrics)"));
        type.valueProperty().bindBidirectional(vm.typeProperty());
        g.addRow(row++, new Label("Type"), type);
        g.addRow(row++, new Label("URL"), text("source-url", vm.urlProperty(), "http://prometheus:9090"));

        ComboBox<DataSourcesViewModel.AuthKind> auth = new ComboBox<>();
        auth.setId("source-auth");
        auth.getItems().setAll(DataSourcesViewModel.AuthKind.values());
        auth.setConverter(ChoiceText.of(a -> switch (a) {
            case NONE -> "None";
            case BASIC -> "Basic (user and password)";
            case BEARER -> "Bearer token";
        }));
        auth.valueProperty().bindBidirectional(vm.authProperty());
        g.addRow(row++, new Label("Authentication"), auth);
        TextField user = text("source-user", vm.userProperty(), "user");
        Label userLabel = new Label("User");
        bindVisible(Bindings.equal(vm.authProperty(), DataSourcesViewModel.AuthKind.BASIC), userLabel, user);
        g.addRow(row++, userLabel, user);
        ComboBox<DataSourcesViewModel.SecretPlace> place = new ComboBox<>();
        place.setId("source-secret-place");
        place.getItems().setAll(DataSourcesViewModel.SecretPlace.values());
        place.setConverter(ChoiceText.of(p -> p == DataSourcesViewModel.SecretPlace.STORE
                ? "Typed here, kept in the OS keyring (or memory)" : "An environment variable"));
        place.valueProperty().bindBidirectional(vm.secretPlaceProperty());
        Label placeLabel = new Label("Secret kept in");
        var hasAuth = Bindings.notEqual(vm.authProperty(), DataSourcesViewModel.AuthKind.NONE);
        bindVisible(hasAuth, placeLabel, place);
        g.addRow(row++, placeLabel, place);
        PasswordField secret = new PasswordField();
        secret.setId("source-secret");
        secret.setPromptText("typed here, kept in " + vm.secretStoreDescription());
        secret.textProperty().bindBidirectional(vm.secretProperty());
        Label secretLabel = new Label("Password / token");
        bindVisible(hasAuth.and(Bindings.equal(vm.secretPlaceProperty(), DataSourcesViewModel.SecretPlace.STORE)), secretLabel, secret);
        g.addRow(row++, secretLabel, secret);
        TextField env = text("source-secret-env", vm.secretEnvVarProperty(), "environment variable, e.g. PROM_TOKEN");
        Label envLabel = new Label("Environment variable");
        bindVisible(hasAuth.and(Bindings.equal(vm.secretPlaceProperty(), DataSourcesViewModel.SecretPlace.ENVIRONMENT)), envLabel, env);
        g.addRow(row++, envLabel, env);

        TextArea headers = new TextArea();
        headers.setId("source-headers");
        headers.setPromptText("One per line, e.g. X-Scope-OrgID: tenant-1");
        headers.setPrefRowCount(3);
        headers.textProperty().bindBidirectional(vm.headersProperty());
        g.addRow(row++, new Label("Headers"), headers);
        g.addRow(row++, new Label("CA certificate (PEM)"), text("source-ca", vm.caFileProperty(), "path to a PEM file; empty: the system's CAs"));
        g.addRow(row++, new Label("Client certificate"), text("source-cert", vm.clientCertFileProperty(), "PEM certificate for mutual TLS"));
        g.addRow(row++, new Label("Client key"), text("source-key", vm.clientKeyFileProperty(), "PEM private key (unencrypted)"));
        CheckBox skip = new CheckBox("Skip TLS certificate verification");
        skip.setId("source-skip-verify");
        skip.selectedProperty().bindBidirectional(vm.skipTlsVerifyProperty());
        g.addRow(row++, new Label("TLS"), skip);
        Label warning = new Label("TLS verification is OFF: anyone on the network path can read and change what Vigia "
                + "receives, including your credentials. Use a CA file instead.");
        warning.setId("source-insecure-warning");
        warning.getStyleClass().add("warning-banner");
        warning.setWrapText(true);
        Label warningGap = new Label();
        bindVisible(vm.insecureProperty(), warningGap, warning);
        g.addRow(row++, warningGap, warning);
        ComboBox<ProxySettings.Mode> proxy = new ComboBox<>();
        proxy.setId("source-proxy");
        proxy.getItems().setAll(ProxySettings.Mode.values());
        proxy.setConverter(ChoiceText.of(m -> switch (m) {
            case SYSTEM -> "System settings";
            case DIRECT -> "No proxy";
            case HTTP -> "HTTP proxy";
            case SOCKS -> "SOCKS proxy";
        }));
        proxy.valueProperty().bindBidirectional(vm.proxyModeProperty());
        TextField proxyAddress = text("source-proxy-address", vm.proxyAddressProperty(), "host:port");
        proxyAddress.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.proxyModeProperty().get() == ProxySettings.Mode.SYSTEM || vm.proxyModeProperty().get() == ProxySettings.Mode.DIRECT,
                vm.proxyModeProperty()));
        HBox proxyRow = new HBox(8, proxy, proxyAddress);
        HBox.setHgrow(proxyAddress, Priority.ALWAYS);
        g.addRow(row++, new Label("Proxy"), proxyRow);
        g.addRow(row++, new Label("Timeout (seconds)"), text("source-timeout", vm.timeoutSecondsProperty(), "30"));
        CheckBox makeDefault = new CheckBox("Dashboards read this source (the default)");
        makeDefault.setId("source-default");
        makeDefault.selectedProperty().bindBidirectional(vm.makeDefaultProperty());
        g.addRow(row++, new Label("Default"), makeDefault);

        Button save = new Button("Save & test");
        save.setId("source-save");
        save.setDefaultButton(true);
        save.getStyleClass().add("accent");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.saveAndTest());
        Button delete = new Button("Delete");
        delete.setId("source-delete");
        delete.getStyleClass().add("danger");
        delete.setOnAction(e -> vm.delete());
        HBox buttons = new HBox(8, save, delete);
        return new VBox(12, g, buttons);
    }

    private static TextField text(String id, javafx.beans.property.StringProperty p, String prompt) {
        TextField t = new TextField();
        t.setId(id);
        t.setPromptText(prompt);
        t.textProperty().bindBidirectional(p);
        return t;
    }

    private static void bindVisible(javafx.beans.binding.BooleanExpression when, Node... nodes) {
        for (Node n : nodes) {
            n.visibleProperty().bind(when);
            n.managedProperty().bind(when);
        }
    }

    /** Name, type and URL, the default flag, and what is wrong (a missing secret). */
    private static final class RowCell extends ListCell<DataSourcesViewModel.Row> {
        @Override
        protected void updateItem(DataSourcesViewModel.Row r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label name = new Label(r.name() + (r.isDefault() ? "  · default" : ""));
            name.getStyleClass().add("source-name");
            Label detail = new Label(r.type().toLowerCase(Locale.ROOT) + " — " + r.url());
            detail.getStyleClass().add("source-detail");
            VBox box = new VBox(2, name, detail);
            if (!r.status().isEmpty() && !r.status().equals("ready")) {
                Label st = new Label(r.status());
                st.getStyleClass().add("status-error");
                box.getChildren().add(st);
            }
            setText(null);
            setGraphic(box);
        }
    }
}
