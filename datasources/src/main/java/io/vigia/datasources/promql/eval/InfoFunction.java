package io.vigia.datasources.promql.eval;

import io.vigia.datasources.promql.ast.Expr;
import io.vigia.persistence.series.LabelMatcher;
import io.vigia.persistence.series.Labels;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code info(v [, {data label selector}])}: adds the data labels of info metrics (target_info by
 * default) that share the series' identifying labels {@code instance} and {@code job}. Follows
 * Prometheus's promql/info.go: info series are read as of the time the first argument's @ and
 * offset select, the newest one per info metric wins, info series themselves pass through
 * unenriched, and a data label matcher that cannot match the empty string drops series no info
 * series enriches.
 */
final class InfoFunction {
    private static final String TARGET_INFO = "target_info";
    /** Hard-coded in Prometheus too, so that no knowledge of single info metrics is needed. */
    private static final List<String> IDENTIFYING = List.of("instance", "job");

    private final Evaluator ev;
    private final Map<String, List<LabelMatcher>> dataMatchers = new LinkedHashMap<>();
    private final List<LabelMatcher> effectiveNames;

    private InfoFunction(Evaluator ev, Expr.Call call) {
        this.ev = ev;
        List<LabelMatcher> names = new ArrayList<>();
        if (call.args().size() > 1) {
            Expr.VectorSelector sel = (Expr.VectorSelector) Evaluator.unwrap(call.args().get(1));
            for (LabelMatcher m : sel.matchers()) {
                dataMatchers.computeIfAbsent(m.name(), k -> new ArrayList<>()).add(m);
                if (m.name().equals(Labels.METRIC_NAME)) {
                    names.add(m);
                }
            }
        }
        this.effectiveNames = effectiveNameMatchers(names);
    }

    static Value eval(Evaluator ev, Expr.Call call) {
        return new InfoFunction(ev, call).run(call.args().get(0));
    }

    /** With a positive __name__ matcher, the matchers as given; with only negative ones, also .+_info. */
    private static List<LabelMatcher> effectiveNameMatchers(List<LabelMatcher> names) {
        for (LabelMatcher m : names) {
            if (m.type() == LabelMatcher.Type.EQUAL || m.type() == LabelMatcher.Type.REGEX) {
                return names;
            }
        }
        if (!names.isEmpty()) {
            List<LabelMatcher> out = new ArrayList<>();
            out.add(LabelMatcher.regex(Labels.METRIC_NAME, ".+_info"));
            out.addAll(names);
            return out;
        }
        return List.of(LabelMatcher.equal(Labels.METRIC_NAME, TARGET_INFO));
    }

    private Value run(Expr arg) {
        Expr.VectorSelector reference = referenceTime(arg);
        List<StepSeries> base = ev.vector(arg);
        Set<StepSeries> ignored = new HashSet<>();
        for (StepSeries s : base) {
            String name = s.labels.metricName();
            if (effectiveNames.stream().allMatch(m -> m.matches(name))) {
                ignored.add(s);
            }
        }
        List<LabelMatcher> nameMatchers = dataMatchers.getOrDefault(Labels.METRIC_NAME, List.of());
        dataMatchers.remove(Labels.METRIC_NAME);
        List<StepSeries> info = fetchInfo(base, ignored, nameMatchers, reference);
        return combine(base, ignored, info);
    }

    /**
     * A selector whose @ and offset say when info series are read: the first selector of the
     * argument, its @ else that of the innermost enclosing subquery with one, offsets added up
     * on the way (info.go infoSelectTimestampAndOffset).
     */
    private Expr.VectorSelector referenceTime(Expr arg) {
        List<Expr.Subquery> path = new ArrayList<>();
        Expr.VectorSelector vs = firstSelector(arg, path);
        Expr.AtMode mode = Expr.AtMode.NONE;
        long at = 0;
        long offset = 0;
        if (vs != null) {
            mode = vs.atMode();
            at = vs.atMs();
            offset = vs.offsetMs();
            for (int i = path.size() - 1; mode == Expr.AtMode.NONE && i >= 0; i--) {
                offset += path.get(i).offsetMs();
                mode = path.get(i).atMode();
                at = path.get(i).atMs();
            }
        }
        return new Expr.VectorSelector(null, List.of(LabelMatcher.regex(Labels.METRIC_NAME, ".+")), offset, true,
                mode, at, arg.pos());
    }

    private static Expr.VectorSelector firstSelector(Expr e, List<Expr.Subquery> path) {
        return switch (e) {
            case Expr.VectorSelector vs -> vs;
            case Expr.MatrixSelector ms -> ms.selector();
            case Expr.Subquery sq -> {
                path.add(sq);
                Expr.VectorSelector found = firstSelector(sq.expr(), path);
                if (found == null) {
                    path.removeLast();
                }
                yield found;
            }
            case Expr.Paren p -> firstSelector(p.expr(), path);
            case Expr.Unary u -> firstSelector(u.expr(), path);
            case Expr.Binary b -> {
                Expr.VectorSelector l = firstSelector(b.lhs(), path);
                yield l != null ? l : firstSelector(b.rhs(), path);
            }
            case Expr.Call c -> {
                for (Expr a : c.args()) {
                    Expr.VectorSelector f = firstSelector(a, path);
                    if (f != null) {
                        yield f;
                    }
                }
                yield null;
            }
            case Expr.Aggregate a -> {
                Expr.VectorSelector f = a.param() == null ? null : firstSelector(a.param(), path);
                yield f != null ? f : firstSelector(a.expr(), path);
            }
            default -> null;
        };
    }

    /** The info series sharing identifying label values with the base series; values are sample times. */
    private List<StepSeries> fetchInfo(List<StepSeries> base, Set<StepSeries> ignored, List<LabelMatcher> nameMatchers,
                                       Expr.VectorSelector reference) {
        Map<String, Set<String>> idValues = new HashMap<>();
        for (StepSeries s : base) {
            if (ignored.contains(s)) {
                continue;
            }
            for (String l : IDENTIFYING) {
                String v = s.labels.get(l);
                if (!v.isEmpty()) {
                    idValues.computeIfAbsent(l, k -> new HashSet<>()).add(v);
                }
            }
        }
        if (idValues.isEmpty()) {
            return List.of();
        }
        List<LabelMatcher> matchers = new ArrayList<>();
        for (List<LabelMatcher> ms : dataMatchers.values()) {
            matchers.addAll(ms);
        }
        matchers.addAll(effectiveNameMatchers(nameMatchers));
        Expr.VectorSelector sel = new Expr.VectorSelector(null, matchers, reference.offsetMs(), true,
                reference.atMode(), reference.atMs(), reference.pos());
        List<StepSeries> out = new ArrayList<>();
        for (StepSeries s : ev.selectInstant(sel, true)) {
            boolean idsMatch = true;
            for (Map.Entry<String, Set<String>> id : idValues.entrySet()) {
                idsMatch &= id.getValue().contains(s.labels.get(id.getKey()));
            }
            if (idsMatch) {
                out.add(s);
            }
        }
        return out;
    }

    /** The info metric name plus the identifying labels a series has: how base and info series meet. */
    private static Labels signature(String infoName, Labels l) {
        Labels.Builder b = Labels.builder().set(Labels.METRIC_NAME, infoName);
        for (String id : IDENTIFYING) {
            b.set(id, l.get(id));
        }
        return b.build();
    }

    private Value combine(List<StepSeries> base, Set<StepSeries> ignored, List<StepSeries> info) {
        Set<String> infoNames = new TreeSet<>();
        for (StepSeries s : info) {
            infoNames.add(s.labels.metricName());
        }
        boolean allMatchEmpty = dataMatchers.values().stream().flatMap(List::stream).allMatch(m -> m.matches(""));
        int n = ev.stepCount();
        Map<Labels, StepSeries> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Map<Labels, StepSeries> newest = newestInfo(info, i);
            for (StepSeries bs : base) {
                if (!bs.present[i]) {
                    continue;
                }
                Labels labels = bs.labels;
                if (!ignored.contains(bs)) {
                    Labels.Builder added = Labels.builder();
                    boolean any = false;
                    for (String infoName : infoNames) {
                        StepSeries is = newest.get(signature(infoName, bs.labels));
                        if (is == null) {
                            continue;
                        }
                        any = true;
                        addDataLabels(is.labels, bs.labels, added);
                    }
                    if (!any && !allMatchEmpty) {
                        continue;
                    }
                    Labels extra = added.build();
                    Labels.Builder b = bs.labels.toBuilder();
                    for (int k = 0; k < extra.size(); k++) {
                        b.set(extra.name(k), extra.value(k));
                    }
                    labels = b.build();
                }
                StepSeries o = out.computeIfAbsent(labels, l -> new StepSeries(l, n, bs.dropName));
                if (o.present[i]) {
                    throw new EvalException("vector cannot contain metrics with the same labelset");
                }
                o.set(i, bs.values[i]);
            }
        }
        return new Value.VectorValue(new ArrayList<>(out.values()));
    }

    /** Per signature, the info series with the newest sample at step {@code i}; two at one time conflict. */
    private static Map<Labels, StepSeries> newestInfo(List<StepSeries> info, int i) {
        Map<Labels, StepSeries> newest = new HashMap<>();
        for (StepSeries s : info) {
            if (!s.present[i]) {
                continue;
            }
            Labels sig = signature(s.labels.metricName(), s.labels);
            StepSeries existing = newest.get(sig);
            if (existing == null || existing.values[i] < s.values[i]) {
                newest.put(sig, s);
            } else if (existing.values[i] == s.values[i]) {
                throw new EvalException("found duplicate series for info metric: existing "
                        + BinaryOps.goLabels(existing.labels) + " @ " + Math.round(existing.values[i] * 1000)
                        + ", new " + BinaryOps.goLabels(s.labels) + " @ " + Math.round(s.values[i] * 1000));
            }
        }
        return newest;
    }

    /** The info series' data labels the selector asks for, not already on the base series. */
    private void addDataLabels(Labels infoLabels, Labels baseLabels, Labels.Builder added) {
        Labels sofar = added.build();
        for (int k = 0; k < infoLabels.size(); k++) {
            String name = infoLabels.name(k);
            String value = infoLabels.value(k);
            if (name.equals(Labels.METRIC_NAME) || !dataMatchers.isEmpty() && !dataMatchers.containsKey(name)) {
                continue;
            }
            String have = sofar.get(name);
            if (!have.isEmpty() && !have.equals(value)) {
                throw new EvalException("conflicting label: " + name);
            }
            if (baseLabels.has(name)) {
                continue;
            }
            added.set(name, value);
        }
    }
}
