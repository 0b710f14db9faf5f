package io.vigia.app.gui;

import io.vigia.dashboards.chart.InertText;
import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.ChartCanvas;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Label values are attacker text too (an app name, a prompt category, a route): markup, ANSI
 * escapes, a right-to-left override and a 1 MB value, queried in Explore in the real window. The
 * table shows them as visible escapes, cut for the screen; the graph with its legend paints; the
 * window keeps answering.
 */
class HostileLabelsUiTest {
    private static final String MARKUP = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    private static final String ANSI = "\u001b[31mRED\u001b[0m\u001b]0;pwned\u0007";
    private static final String BIDI = "invoice\u202Efdp.exe";
    private static final String HUGE = "B".repeat(1 << 20);

    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private AppWindow window;

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("hostile.vigia"));
        store = new SqliteSeriesStore(workspace);
        long now = System.currentTimeMillis();
        try (SeriesWriter w = store.writer()) {
            for (long t = now - 3_600_000L; t <= now; t += 15_000) {
                w.append(Labels.of("__name__", "hostile_total", "app", MARKUP, "note", ANSI), t, 1);
                w.append(Labels.of("__name__", "hostile_total", "app", BIDI, "note", HUGE), t, 2);
            }
            w.commit();
        }
        window = AppWindow.show(workspace, store, new SettingsRepository(workspace).all(), null, 1400, 900);
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        store.close();
        workspace.close();
    }

    @Test
    void hostileLabelValuesAreShownAsInertTextInTheTableAndTheGraphStillPaints() throws Exception {
        FxThread.run(() -> ((ToggleButton) lookup("#nav-explore")).fire());
        FxThread.await("Explore with the local source", () -> lookup("#explore-source-A") != null
                && ((ComboBox<?>) lookup("#explore-source-A")).getValue() != null);
        FxThread.run(() -> ((CodeArea) lookup("#explore-editor-A")).replaceText("hostile_total"));
        FxThread.run(() -> ((javafx.scene.control.Button) lookup("#explore-run-A")).fire());
        FxThread.await("two rows", () -> table().getItems().size() == 2);

        List<String> cells = FxThread.call(() -> {
            List<String> out = new ArrayList<>();
            for (Object row : table().getItems()) {
                for (TableColumn<Object, ?> c : table().getColumns()) {
                    Object v = c.getCellData(row);
                    out.add(v == null ? "" : v.toString());
                }
            }
            return out;
        });
        assertThat(cells).noneMatch(c -> c.contains("\u001b") || c.contains("\u202E") || c.contains("\u0007"));
        assertThat(cells).contains(MARKUP, "\\u001B[31mRED\\u001B[0m\\u001B]0;pwned\\u0007", "invoice\\u202Efdp.exe");
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("BBBB").endsWith(" more characters)"));
        assertThat(cells).allSatisfy(c -> assertThat(c.length()).isLessThan(InertText.MAX_SHOWN + 64));

        // the graph (legend names are these values) paints, and the window answers
        ChartCanvas graph = FxThread.call(() -> (ChartCanvas) lookup("#explore-graph-A"));
        long before = FxThread.call(graph::paintCount);
        FxThread.run(graph::paintNow);
        assertThat(FxThread.call(graph::paintCount)).isGreaterThan(before);
        FxThread.run(() -> ((ToggleButton) lookup("#nav-dashboards")).fire());
        assertThat(FxThread.call(() -> ((ToggleButton) lookup("#nav-dashboards")).isSelected())).isTrue();
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return (TableView<Object>) lookup("#explore-table-A");
    }

    private Node lookup(String selector) {
        return window.lookup(selector);
    }
}
