package io.vigia.views.explore;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import org.fxmisc.richtext.CodeArea;

/**
 * The query editor: RichTextFX's code area with PromQL/LogQL highlighting from {@link QueryLexer}
 * (CSS classes only), the error's range underlined, Shift+Enter to run, and completion under the
 * caret on Ctrl+Space and while typing (Up/Down choose, Enter or Tab accept, Escape closes).
 */
final class QueryEditor extends StackPane {
    private final QueryPaneViewModel vm;
    private final CodeArea area = new CodeArea();
    private final CompletionBox completions;
    private final Pane overlay;
    private boolean syncing;
    private boolean typed;

    QueryEditor(QueryPaneViewModel vm, Pane overlay) {
        this.vm = vm;
        this.overlay = overlay;
        this.completions = new CompletionBox(vm.completions(), vm.id());
        getStyleClass().add("query-editor-frame");
        area.getStyleClass().add("query-editor");
        area.setId("explore-editor-" + vm.id());
        area.setWrapText(true);
        area.setPrefHeight(84);
        area.setMinHeight(48);
        javafx.scene.control.Label hint = new javafx.scene.control.Label(
                "Type a query: Ctrl+Space completes, Shift+Enter runs");
        hint.getStyleClass().add("query-editor-placeholder");
        area.setPlaceholder(hint);
        getChildren().add(area);
        completions.setManaged(false);
        completions.setVisible(false);
        overlay.getChildren().add(completions);

        area.replaceText(vm.expressionProperty().get());
        area.textProperty().addListener((o, a, text) -> {
            if (!syncing) {
                syncing = true;
                vm.expressionProperty().set(text);
                syncing = false;
            }
            restyle();
            if (typed) {
                typed = false;
                Platform.runLater(() -> vm.complete(area.getCaretPosition()));
            }
        });
        vm.expressionProperty().addListener((o, a, text) -> {
            if (!syncing && !text.equals(area.getText())) {
                syncing = true;
                area.replaceText(text);
                syncing = false;
            }
        });
        vm.errorProperty().addListener((o, a, b) -> restyle());
        vm.sourceProperty().addListener((o, a, b) -> restyle());
        vm.completions().addListener((javafx.collections.ListChangeListener<Completion>) c -> placeCompletions());
        area.focusedProperty().addListener((o, a, focused) -> {
            if (!focused) {
                vm.dismissCompletions();
            }
        });
        completions.list().setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && completions.selected() != null) {
                accept(completions.selected());
            }
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, this::keyPressed);
        area.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            String ch = e.getCharacter();
            typed = !ch.isEmpty() && !e.isShortcutDown() && !e.isAltDown() && triggers(ch.charAt(0));
            if (!typed && !ch.isEmpty() && !Character.isISOControl(ch.charAt(0))) {
                vm.dismissCompletions();
            }
        });
        restyle();
    }

    /** Characters after which completion opens (or narrows) by itself. */
    private static boolean triggers(char c) {
        return QueryLexer.isIdentPart(c) || c == '{' || c == ',' || c == '"' || c == '=' || c == '(';
    }

    private void keyPressed(KeyEvent e) {
        boolean open = completions.isVisible();
        if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
            e.consume();
            vm.dismissCompletions();
            vm.run();
        } else if (e.getCode() == KeyCode.SPACE && e.isShortcutDown()) {
            e.consume();
            vm.complete(area.getCaretPosition());
        } else if (open && e.getCode() == KeyCode.DOWN) {
            e.consume();
            completions.move(1);
        } else if (open && e.getCode() == KeyCode.UP) {
            e.consume();
            completions.move(-1);
        } else if (open && (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.TAB) && completions.selected() != null) {
            e.consume();
            accept(completions.selected());
        } else if (open && e.getCode() == KeyCode.ESCAPE) {
            e.consume();
            vm.dismissCompletions();
        }
    }

    private void accept(Completion c) {
        int caret = vm.accept(c);
        area.moveTo(Math.min(caret, area.getLength()));
        area.requestFocus();
        // a label name or value just completed: offer what comes next
        if (c.insert().endsWith("\"") || c.kind().equals("function") || c.kind().equals("aggregation")) {
            vm.dismissCompletions();
        }
    }

    private void placeCompletions() {
        boolean show = !vm.completions().isEmpty();
        if (show) {
            Bounds caret = area.getCaretBounds().orElse(null);
            Point2D at = caret != null ? overlay.screenToLocal(caret.getMinX(), caret.getMaxY())
                    : overlay.sceneToLocal(area.localToScene(0, area.getHeight()));
            if (at == null) {
                at = new Point2D(0, area.getHeight());
            }
            double w = completions.prefWidth(-1);
            double h = completions.prefHeight(w);
            double x = Math.max(0, Math.min(at.getX(), overlay.getWidth() - w));
            completions.resizeRelocate(x, at.getY() + 2, w, h);
            completions.toFront();
        }
        completions.setVisible(show);
    }

    private void restyle() {
        String text = area.getText();
        area.setStyleSpans(0, EditorStyles.compute(text, vm.language(), vm.errorProperty().get()));
    }

    CodeArea area() {
        return area;
    }

    CompletionBox completionBox() {
        return completions;
    }
}
