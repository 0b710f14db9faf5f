package io.vigia.views.dashboards.time;

import io.vigia.dashboards.time.RangeText;
import io.vigia.dashboards.time.TimeExpression;
import io.vigia.dashboards.time.TimeSyntaxException;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Optional;

/**
 * One end of the range as typed in the picker, checked on every keystroke against Grafana's
 * grammar: the error says at which character the text stops being a time and why.
 */
public final class BoundText {
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<TimeSyntaxException> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final boolean acceptsWholeRange;

    /**
     * @param acceptsWholeRange true for "From", where a whole range ("now-30d to now") may be
     *                          typed or pasted and is split on apply
     */
    BoundText(boolean acceptsWholeRange) {
        this.acceptsWholeRange = acceptsWholeRange;
        text.addListener((o, a, b) -> check());
        check();
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The problem with the text, or null when it is a time. */
    public ReadOnlyObjectProperty<TimeSyntaxException> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The problem in words for the line under the field, empty when there is none. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    boolean valid() {
        return error.get() == null;
    }

    /** Shows a problem found later (when the times are resolved). */
    void fail(TimeSyntaxException e) {
        error.set(e);
        message.set(describe(e));
    }

    /**
     * The whole range this text stands for, when it is one and not a single time: "from to to",
     * or a bare duration such as {@code 30d} (the last 30 days). Only for "From".
     */
    Optional<RangeText> wholeRange() {
        String t = text.get() == null ? "" : text.get();
        if (!acceptsWholeRange || (!RangeText.holdsBothEnds(t) && single(t))) {
            return Optional.empty();
        }
        try {
            return Optional.of(RangeText.parse(t));
        } catch (TimeSyntaxException e) {
            return Optional.empty();
        }
    }

    private void check() {
        String t = text.get() == null ? "" : text.get();
        try {
            if (acceptsWholeRange && (RangeText.holdsBothEnds(t) || !single(t))) {
                RangeText.parse(t);
            } else {
                TimeExpression.parse(t);
            }
            error.set(null);
            message.set("");
        } catch (TimeSyntaxException e) {
            fail(e);
        }
    }

    private static boolean single(String t) {
        try {
            TimeExpression.parse(t);
            return true;
        } catch (TimeSyntaxException e) {
            return false;
        }
    }

    static String describe(TimeSyntaxException e) {
        return "Character " + (e.position() + 1) + ": " + e.problem();
    }
}
