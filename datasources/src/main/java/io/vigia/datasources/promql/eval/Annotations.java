package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.PosRange;
import io.vigia.datasources.promql.parser.ParseException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Warnings and infos collected during one evaluation, rendered as Prometheus's API does. */
public final class Annotations {
    private final String query;
    private final Set<String> warnings = new LinkedHashSet<>();
    private final Set<String> infos = new LinkedHashSet<>();

    public Annotations(String query) {
        this.query = query;
    }

    public void warn(String msg, PosRange pos) {
        warnings.add("PromQL warning: " + msg + " (" + ParseException.position(query, pos.start()) + ")");
    }

    public void info(String msg, PosRange pos) {
        infos.add("PromQL info: " + msg + " (" + ParseException.position(query, pos.start()) + ")");
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public List<String> infos() {
        return List.copyOf(infos);
    }
}
