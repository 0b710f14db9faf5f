package io.vigia.views.imports;

import io.vigia.datasources.imports.FileImporter;
import io.vigia.datasources.imports.ImportKind;
import io.vigia.persistence.evidence.GuardrailEventRepository;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.chart.JavaFxToolkit;
import io.vigia.views.tasks.FxTaskExecutor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** The Import page in a real (headless) JavaFX scene: preview, then import through its buttons. */
@ExtendWith(JavaFxToolkit.class)
class ImportPageUiTest {
    @TempDir
    Path dir;

    @Test
    void previewThenImportThroughTheButtons() throws Exception {
        Path log = dir.resolve("audit.jsonl");
        Files.writeString(log, ImportViewModelTest.LOG, StandardCharsets.UTF_8);
        try (Workspace ws = Workspace.open(dir.resolve("ui.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws);
             FxTaskExecutor executor = new FxTaskExecutor()) {
            ImportViewModel vm = new ImportViewModel(ImportViewModel.of(new FileImporter(ws, store)), executor.scope(), Platform::runLater);
            ImportPage page = new ImportPage(vm);
            Stage stage = JavaFxToolkit.onFx(() -> {
                Stage s = new Stage();
                Scene scene = new Scene(new StackPane(page.view()), 1000, 700);
                page.acceptDropsOn(scene, () -> { });
                s.setScene(scene);
                s.show();
                return s;
            });
            Scene scene = stage.getScene();
            assertThat(JavaFxToolkit.onFx(() -> ((Button) scene.lookup("#import-run")).isDisabled())).isTrue();

            JavaFxToolkit.onFx(() -> {
                vm.open(log);
                return null;
            });
            await(() -> !((ListView<?>) scene.lookup("#import-preview")).getItems().isEmpty());
            assertThat(JavaFxToolkit.onFx(() -> ((ComboBox<?>) scene.lookup("#import-kind")).getValue())).isEqualTo(ImportKind.GUARDRAIL_LOG);
            String first = JavaFxToolkit.onFx(() -> ((ListView<?>) scene.lookup("#import-preview")).getItems().getFirst().toString());
            assertThat(first).contains("[REDACTED:", "<img src=x onerror=alert(1)>").doesNotContain("bob@corp.example");
            assertThat(JavaFxToolkit.onFx(() -> ((ListView<?>) scene.lookup("#import-problems")).getItems()))
                    .singleElement().asString().startsWith("line 2: ");

            JavaFxToolkit.onFx(() -> {
                ((Button) scene.lookup("#import-run")).fire();
                return null;
            });
            await(() -> ((Label) scene.lookup("#import-summary")).getText().startsWith("Imported"));
            assertThat(JavaFxToolkit.onFx(() -> ((Label) scene.lookup("#import-summary")).getText()))
                    .startsWith("Imported 2, duplicates skipped 0, rejected 1");
            assertThat(new GuardrailEventRepository(ws).count()).isEqualTo(2);
            JavaFxToolkit.onFx(() -> {
                stage.close();
                return null;
            });
        }
    }

    /** Waits for the UI to reach a state (tasks finish on a pool thread); fails after a minute. */
    private static void await(Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (JavaFxToolkit.onFx(condition)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the page did not reach the expected state");
    }
}
