package io.vigia.dashboards.model;

import java.util.List;
import java.util.Objects;

/**
 * A dashboard variable, referenced in queries as {@code $name}, {@code ${name}} or
 * {@code [[name]]}. {@code current} holds the selected values ("$__all" for All).
 */
public sealed interface Variable {
    String ALL = "$__all";

    String name();

    String label();

    List<String> current();

    boolean multi();

    boolean includeAll();

    /** Values from a query such as {@code label_values(up, job)} on a data source. */
    record QueryVariable(String name, String label, String dataSource, String query, String regex,
                         boolean multi, boolean includeAll, String allValue, List<String> current) implements Variable {
        public QueryVariable {
            current = List.copyOf(current);
            regex = Objects.requireNonNullElse(regex, "");
            allValue = Objects.requireNonNullElse(allValue, "");
            dataSource = Objects.requireNonNullElse(dataSource, "");
        }
    }

    /** A fixed list of values. */
    record CustomVariable(String name, String label, List<String> options, boolean multi, boolean includeAll,
                          String allValue, List<String> current) implements Variable {
        public CustomVariable {
            options = List.copyOf(options);
            current = List.copyOf(current);
            allValue = Objects.requireNonNullElse(allValue, "");
        }
    }

    /** Step intervals such as 1m,5m,1h; "auto" follows the panel resolution. */
    record IntervalVariable(String name, String label, List<String> options, boolean auto, List<String> current)
            implements Variable {
        public IntervalVariable {
            options = List.copyOf(options);
            current = List.copyOf(current);
        }

        @Override
        public boolean multi() {
            return false;
        }

        @Override
        public boolean includeAll() {
            return false;
        }
    }

    /** Chooses a data source of a kind ("prometheus" or "loki"). */
    record DataSourceVariable(String name, String label, String kind, String regex, List<String> current) implements Variable {
        public DataSourceVariable {
            current = List.copyOf(current);
            regex = Objects.requireNonNullElse(regex, "");
        }

        @Override
        public boolean multi() {
            return false;
        }

        @Override
        public boolean includeAll() {
            return false;
        }
    }

    /** Free text typed by the user (Grafana's textbox) or a constant. */
    record TextVariable(String name, String label, boolean constant, List<String> current) implements Variable {
        public TextVariable {
            current = List.copyOf(current);
        }

        @Override
        public boolean multi() {
            return false;
        }

        @Override
        public boolean includeAll() {
            return false;
        }
    }
}
