package io.vigia.views.dashboards.time;

import io.vigia.views.shortcuts.KeyHelp;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The time keys of a dashboard: Grafana's two-key sequences {@code t ←} and {@code t →} (shift
 * the range) and {@code t z} (zoom out), and Ctrl+← / Ctrl+→ (shift). Grafana also zooms out on
 * Ctrl+Z; in Vigia Ctrl+Z undoes an edit, so zooming out is {@code t z} only. Keys typed into a
 * text field are the field's.
 */
public final class RangeKeys {
    /** How long after {@code t} the second key counts: Mousetrap's sequence timeout (1 s), as in Grafana's key bindings. */
    static final long SEQUENCE_MS = 1000;

    /** The keys in words, for the help overlay and the README. */
    public static final List<KeyHelp> HELP = List.of(
            new KeyHelp("t ←   or   Ctrl+←", "Move the time range back by its length"),
            new KeyHelp("t →   or   Ctrl+→", "Move the time range forward by its length (up to now)"),
            new KeyHelp("t z", "Zoom out: twice the time range around its middle (Ctrl+Z undoes edits)"));

    private final RangePickerViewModel vm;
    private final LongSupplier millis;
    private long tPressedAt = Long.MIN_VALUE;

    public RangeKeys(RangePickerViewModel vm) {
        this(vm, System::currentTimeMillis);
    }

    RangeKeys(RangePickerViewModel vm, LongSupplier millis) {
        this.vm = vm;
        this.millis = millis;
    }

    /** Handles a key press; consumes it when it was a time key. */
    public void handle(KeyEvent e) {
        if (e.getTarget() instanceof Node n && isTextInput(n)) {
            return;
        }
        if (e.isShortcutDown() && !e.isShiftDown() && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
            shift(e.getCode());
            e.consume();
            return;
        }
        if (e.isShortcutDown() || e.isAltDown()) {
            return;
        }
        long now = millis.getAsLong();
        boolean inSequence = now - tPressedAt <= SEQUENCE_MS;
        if (e.getCode() == KeyCode.T) {
            tPressedAt = now;
            e.consume();
        } else if (inSequence && (e.getCode() == KeyCode.LEFT || e.getCode() == KeyCode.RIGHT)) {
            tPressedAt = Long.MIN_VALUE;
            shift(e.getCode());
            e.consume();
        } else if (inSequence && e.getCode() == KeyCode.Z) {
            tPressedAt = Long.MIN_VALUE;
            vm.zoomOut();
            e.consume();
        } else {
            tPressedAt = Long.MIN_VALUE;
        }
    }

    private void shift(KeyCode code) {
        if (code == KeyCode.LEFT) {
            vm.shiftBack();
        } else {
            vm.shiftForward();
        }
    }

    private static boolean isTextInput(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x instanceof TextInputControl) {
                return true;
            }
        }
        return false;
    }
}
