package io.vigia.views.controls;

import javafx.util.StringConverter;

import java.util.function.Function;

/** How a non-editable choice box shows its values in words; nothing is parsed back. */
public final class ChoiceText {
    private ChoiceText() {
    }

    public static <T> StringConverter<T> of(Function<T, String> words) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : words.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("not editable");
            }
        };
    }
}
