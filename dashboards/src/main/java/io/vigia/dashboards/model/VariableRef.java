package io.vigia.dashboards.model;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a dashboard variable standing alone, as Grafana writes one in a data-source field:
 * {@code $name}, {@code ${name}}, {@code ${name:format}} or {@code [[name]]}.
 */
public final class VariableRef {
    private static final Pattern WHOLE = Pattern.compile("^\\s*(?:\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]|\\$(\\w+))\\s*$");

    private VariableRef() {
    }

    /** The variable's name when the whole text is one reference; empty otherwise. */
    public static Optional<String> nameIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = WHOLE.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
    }
}
