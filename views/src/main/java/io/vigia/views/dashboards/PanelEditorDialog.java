package io.vigia.views.dashboards;

import java.util.LinkedHashSet;
import javafx.scene.layout.Region;
import io.vigia.dashboards.model.KpiDirection;
import io.vigia.dashboards.model.Panel;
import io.vigia.dashboards.model.PanelType;
import io.vigia.dashboards.model.Query;
import io.vigia.dashboards.model.QueryLanguage;
import io.vigia.datasources.sources.DataSourceCatalog;
import io.vigia.views.controls.ChoiceText;
import io.vigia.dashboards.model.SourceChoice;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.List;

/**
 * A panel's type, data source, title, query (PromQL, or LogQL for a logs panel), legend format
 * and unit: the editor behind a panel's "Edit…". A logs panel takes a Loki source or the
 * workspace's own log subset ({@code local}); the other types a Prometheus-compatible source.
 */
final class PanelEditorDialog {
    static final List<String> UNITS = List.of("", "short", "percentunit", "percent", "s", "ms", "bytes", "reqps", "ops");
    /** The types a user can choose; rows, text and placeholders are not chosen here. */
    static final List<PanelType> TYPES = List.of(PanelType.TIME_SERIES, PanelType.BAR_CHART, PanelType.STAT, PanelType.GAUGE,
            PanelType.TABLE, PanelType.HEATMAP, PanelType.LOGS);
    /** The dashboard's default source (for LogQL: a default Loki source, else the workspace's own logs). */
    static final String DEFAULT_SOURCE = "";

    private PanelEditorDialog() {
    }

    static void edit(Node owner, DashboardViewModel vm, Panel p) {
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Edit panel");
        d.setHeaderText(p.title().isBlank() ? "Panel " + p.id() : p.title());
        if (owner.getScene() != null) {
            d.initOwner(owner.getScene().getWindow());
        }
        Query first = p.queries().isEmpty() ? null : p.queries().getFirst();
        ComboBox<PanelType> type = new ComboBox<>();
        type.setId("panel-type-field");
        type.getItems().setAll(TYPES);
        if (!TYPES.contains(p.type())) {
            type.getItems().add(p.type());
        }
        type.setConverter(ChoiceText.of(PanelEditorDialog::typeName));
        type.setValue(p.type());
        ComboBox<String> source = new ComboBox<>();
        source.setId("panel-source-field");
        source.setConverter(ChoiceText.of(n -> n.isEmpty() ? "(default)" : n));
        String currentSource = first == null ? DEFAULT_SOURCE : first.dataSource();
        ObservableList<SourceChoice> choices = vm.sourceChoices();
        Runnable offer = () -> {
            String keep = source.getValue() == null ? currentSource : source.getValue();
            source.getItems().setAll(sourcesFor(type.getValue(), choices, keep));
            source.setValue(source.getItems().contains(keep) ? keep : DEFAULT_SOURCE);
        };
        choices.addListener((ListChangeListener<SourceChoice>) c -> offer.run());
        type.valueProperty().addListener((o, a, b) -> offer.run());
        offer.run();
        TextField title = new TextField(p.title());
        title.setId("panel-title-field");
        TextArea expr = new TextArea(first == null ? "" : first.expr());
        expr.setId("panel-query-field");
        expr.setPrefRowCount(4);
        Runnable prompt = () -> expr.setPromptText(type.getValue() == PanelType.LOGS
                ? "LogQL log query, e.g. {job=\"guardrail\", decision=\"blocked\"} |= \"ignore\""
                : "PromQL, e.g. sum by (service) (rate(http_server_request_duration_seconds_count[$__rate_interval]))");
        type.valueProperty().addListener((o, a, b) -> prompt.run());
        prompt.run();
        TextField legend = new TextField(first == null ? "" : first.legendFormat());
        legend.setPromptText("e.g. {{service}}");
        ComboBox<String> unit = new ComboBox<>();
        unit.getItems().setAll(UNITS);
        unit.setEditable(true);
        unit.setValue(p.fieldConfig().unit());
        // a stat's change is coloured by whether a rise is good: acceptance up is good, blocked prompts up is not
        ComboBox<KpiDirection> direction = new ComboBox<>();
        direction.setId("panel-direction-field");
        direction.getItems().setAll(KpiDirection.values());
        direction.setConverter(ChoiceText.of(PanelEditorDialog::directionName));
        direction.setValue(p.options().stat().direction());
        direction.disableProperty().bind(type.valueProperty().isNotEqualTo(PanelType.STAT));
        GridPane g = new GridPane();
        g.getStyleClass().add("settings-grid");
        g.addRow(0, label("Type"), type);
        g.addRow(1, label("Data source"), source);
        g.addRow(2, label("Title"), title);
        g.addRow(3, label("Query"), expr);
        g.addRow(4, label("Legend"), legend);
        g.addRow(5, label("Unit"), unit);
        g.addRow(6, label("A rise is"), direction);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            PanelType t = type.getValue();
            String ds = source.getValue() == null ? DEFAULT_SOURCE : source.getValue();
            QueryLanguage language = t == PanelType.LOGS || languageOf(ds, choices) == QueryLanguage.LOGQL
                    ? QueryLanguage.LOGQL : QueryLanguage.PROMQL;
            vm.editing().updatePanel(p.id(), t, ds, language, title.getText(), expr.getText(), legend.getText(),
                    unit.getValue() == null ? "" : unit.getValue());
            if (t == PanelType.STAT && direction.getValue() != p.options().stat().direction()) {
                vm.editing().setKpiDirection(p.id(), direction.getValue());
            }
        });
    }

    /**
     * The sources a panel of this type can use: the default and {@code local} always (the local
     * store answers PromQL and its own log subset), then the saved sources of the type's language,
     * and the panel's current source even when it does not fit, so that nothing is lost silently.
     */
    static List<String> sourcesFor(PanelType type, List<SourceChoice> choices, String current) {
        QueryLanguage wanted = type == PanelType.LOGS ? QueryLanguage.LOGQL : QueryLanguage.PROMQL;
        LinkedHashSet<String> out = new LinkedHashSet<>();
        out.add(DEFAULT_SOURCE);
        out.add(DataSourceCatalog.LOCAL);
        for (SourceChoice c : choices) {
            if (c.language() == wanted) {
                out.add(c.name());
            }
        }
        if (current != null) {
            out.add(current);
        }
        return List.copyOf(out);
    }

    /** A row's name, never cut to "T…" by the grid. */
    private static Label label(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static QueryLanguage languageOf(String name, List<SourceChoice> choices) {
        return choices.stream().filter(c -> c.name().equals(name)).map(SourceChoice::language).findFirst().orElse(QueryLanguage.PROMQL);
    }

    static String directionName(KpiDirection d) {
        return switch (d) {
            case HIGHER_IS_BETTER -> "good (green when it goes up)";
            case LOWER_IS_BETTER -> "bad (red when it goes up)";
            case NEUTRAL -> "neither (not coloured)";
        };
    }

    static String typeName(PanelType t) {
        return switch (t) {
            case TIME_SERIES -> "Time series";
            case BAR_CHART -> "Bar chart";
            case STAT -> "Stat";
            case GAUGE -> "Gauge";
            case BAR_GAUGE -> "Bar gauge";
            case HEATMAP -> "Heatmap";
            case TABLE -> "Table";
            case LOGS -> "Logs";
            case TEXT -> "Text";
            case ROW -> "Row";
            case UNSUPPORTED -> "Unsupported";
        };
    }
}
