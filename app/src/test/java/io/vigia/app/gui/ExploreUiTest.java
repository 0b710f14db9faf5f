package io.vigia.app.gui;

import io.vigia.persistence.series.Labels;
import io.vigia.persistence.series.SeriesWriter;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.ChartCanvas;
import io.vigia.views.explore.QueryHistory;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explore in the real window on JavaFX's headless platform, over a workspace with a few series:
 * typing a query key by key opens completion, Shift+Enter runs it, the graph is drawn and the
 * table has one row per series; a bad query is underlined; the split view shows a second pane.
 */
class ExploreUiTest {
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
        workspace = Workspace.open(dir.resolve("explore.vigia"));
        store = new SqliteSeriesStore(workspace);
        long now = System.currentTimeMillis();
        try (SeriesWriter w = store.writer()) {
            for (long t = now - 3 * 3600_000L; t <= now; t += 15_000) {
                long i = (t - now) / 15_000;
                w.append(Labels.of("__name__", "http_requests_total", "job", "api"), t, 1000 + 10.0 * i);
                w.append(Labels.of("__name__", "http_requests_total", "job", "web"), t, 1000 + 4.0 * i);
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
    void typeAQueryWithCompletionRunItAndSeeTheGraphAndTheTable() throws Exception {
        FxThread.run(() -> ((ToggleButton) lookup("#nav-explore")).fire());
        // the page builds its panes on first show: wait for the pane, then for its source
        FxThread.await("Explore shows with the local source chosen", () -> lookup("#explore-page") != null
                && lookup("#explore-source-A") != null
                && ((javafx.scene.control.ComboBox<?>) lookup("#explore-source-A")).getValue() != null);

        type("sum by (job) (rate(http_req");
        FxThread.await("completion offers the metric", () -> lookup("#explore-completions-A").isVisible()
                && completions().contains("http_requests_total"));
        // Enter takes the selected candidate
        FxThread.run(() -> press(KeyCode.ENTER, false));
        assertThat(FxThread.call(() -> editor().getText())).isEqualTo("sum by (job) (rate(http_requests_total");
        type("[5m]))");
        assertThat(FxThread.call(() -> editor().getText())).isEqualTo("sum by (job) (rate(http_requests_total[5m]))");
        assertThat(FxThread.call(() -> lookup("#explore-error-A").isVisible())).isFalse();

        FxThread.run(() -> press(KeyCode.ENTER, true));
        FxThread.await("the table has a row per job", () -> table().getItems().size() == 2);
        FxThread.await("the graph is drawn", () -> distinctColours(graph()) > 20);
        assertThat(FxThread.call(() -> ((Label) lookup("#explore-status-A")).getText())).startsWith("2 series");
        assertThat(FxThread.call(() -> table().getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("Time", "job", "Value");
        FxThread.await("the query is in the history", () -> ((ListView<?>) lookup("#explore-history")).getItems().size() == 1);
        FxThread.await("and saved in the workspace", () -> new QueryHistory(new SettingsRepository(workspace)).load().size() == 1);

        // a bad query: underlined where the parser says, with the message under the editor
        FxThread.run(() -> editor().replaceText("sum(rate(http_requests_total[5m]) by (job)"));
        assertThat(FxThread.call(() -> lookup("#explore-error-A").isVisible())).isTrue();
        assertThat(FxThread.call(() -> ((Label) lookup("#explore-error-A")).getText())).contains("parse error");
        assertThat(FxThread.call(() -> styledAsError(editor()))).isTrue();

        // the split view: a second pane beside the first
        FxThread.run(() -> ((ToggleButton) lookup("#explore-split")).fire());
        assertThat(FxThread.call(() -> lookup("#explore-pane-B") != null && lookup("#explore-pane-B").isVisible())).isTrue();
    }

    private void type(String text) throws Exception {
        for (char c : text.toCharArray()) {
            FxThread.run(() -> Event.fireEvent(editor(), new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED,
                    false, false, false, false)));
        }
        FxThread.call(() -> null); // let runLater'd completion requests run
    }

    private void press(KeyCode code, boolean shift) {
        Event.fireEvent(editor(), new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, false, false, false));
    }

    private static boolean styledAsError(CodeArea area) {
        for (int i = 0; i < area.getLength(); i++) {
            if (area.getStyleOfChar(i).contains("query-error-range")) {
                return true;
            }
        }
        return false;
    }

    private List<String> completions() {
        Node box = lookup("#explore-completions-A");
        ListView<?> list = (ListView<?>) box.lookup(".completion-list");
        return list.getItems().stream().map(o -> ((io.vigia.views.explore.Completion) o).label()).toList();
    }

    private CodeArea editor() {
        return (CodeArea) lookup("#explore-editor-A");
    }

    @SuppressWarnings("unchecked")
    private TableView<Object> table() {
        return (TableView<Object>) lookup("#explore-table-A");
    }

    private ChartCanvas graph() {
        return (ChartCanvas) lookup("#explore-graph-A");
    }

    private static int distinctColours(ChartCanvas c) {
        c.paintNow();
        WritableImage img = c.canvas().snapshot(new SnapshotParameters(), null);
        PixelReader r = img.getPixelReader();
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(r.getArgb(x, y));
            }
        }
        return colours.size();
    }

    private Node lookup(String selector) {
        return window.lookup(selector);
    }
}
