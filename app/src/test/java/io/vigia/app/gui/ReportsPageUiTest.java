package io.vigia.app.gui;

import io.vigia.dashboards.demo.DemoWorkspace;
import io.vigia.persistence.reports.GeneratedReportRepository;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.SettingsRepository;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.reports.ReportsPage;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Reports page in the real main window (headless toolkit) over a demo workspace: reached from
 * the navigation, previews page 1 and exports through its buttons, lists the result in the history.
 * A picture of the page is left in target/ui-samples/reports-page.png.
 */
class ReportsPageUiTest {
    @TempDir
    Path dir;

    private Workspace workspace;
    private SqliteSeriesStore store;
    private Stage stage;
    private GuiComposition gui;

    @BeforeAll
    static void toolkit() {
        FxThread.start();
    }

    @BeforeEach
    void open() throws Exception {
        workspace = Workspace.open(dir.resolve("ui.vigia"));
        store = new SqliteSeriesStore(workspace);
        DemoWorkspace.load(new SettingsRepository(workspace), store, Instant.now(), new DemoWorkspace.Listener() {
            @Override
            public void recentReady(long samples) {
            }

            @Override
            public void progress(long done, long all) {
            }
        }, () -> false);
        Map<String, String> settings = new SettingsRepository(workspace).all();
        gui = FxThread.call(() -> {
            stage = new Stage();
            GuiComposition g = GuiComposition.create(workspace, store, settings, null, stage);
            stage.show();
            return g;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxThread.run(() -> {
            gui.close();
            stage.close();
        });
        store.close();
        workspace.close();
    }

    @Test
    void previewAndExportFromThePage() throws Exception {
        Path out = dir.resolve("out");
        FxThread.run(() -> ((ToggleButton) lookup("#nav-reports")).fire());
        ReportsPage page = (ReportsPage) FxThread.call(() -> gui.viewModel().selectedPageProperty().get());
        FxThread.run(() -> page.viewModel().directoryProperty().set(out));
        FxThread.await("dashboards listed", () -> page.viewModel().dashboardProperty().get() != null);
        String week = FxThread.call(() -> ((TextField) lookup("#report-week")).getText());
        assertThat(week).matches("\\d{4}-W\\d{2}");

        FxThread.run(() -> ((Button) lookup("#report-preview")).fire());
        FxThread.await("preview", () -> ((ImageView) lookup("#report-preview-image")).getImage() != null
                && !page.viewModel().busyProperty().get());
        FxThread.run(() -> ((Button) lookup("#report-export")).fire());
        FxThread.await("export", () -> !((TableView<?>) lookup("#report-history")).getItems().isEmpty());
        assertThat(FxThread.call(() -> ((Label) lookup("#report-status")).getText())).startsWith("Wrote ");
        assertThat(out.resolve("copilot-health-" + week + ".pdf")).isRegularFile();
        // exported from the app, as from the CLI: readable by its owner only
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
                out.resolve("copilot-health-" + week + ".pdf")))).isEqualTo("rw-------");
        assertThat(new GeneratedReportRepository(workspace).recent(5)).singleElement()
                .satisfies(g -> assertThat(g.week()).isEqualTo(week));

        WritableImage shot = FxThread.call(() -> stage.getScene().snapshot(null));
        Path png = Path.of("target", "ui-samples", "reports-page.png");
        Files.createDirectories(png.getParent());
        ImageIO.write(toAwt(shot), "png", png.toFile());
    }

    private Node lookup(String selector) {
        return stage.getScene().getRoot().lookup(selector);
    }

    private static BufferedImage toAwt(WritableImage img) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return out;
    }
}
