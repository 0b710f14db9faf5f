package io.vigia.dashboards.findings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Links an anomaly to the changes just before it: a change counts when it happened at most the
 * watched series' cause window before the anomaly started (or up to one step after, since both
 * are known to the query step only). Changes of the same subject as the series (payments' deploy
 * for payments' latency) come first, then model changes, then the nearest. This is
 * a temporal link, not a proof: the
 * finding says "after", never "because of".
 */
public final class Correlation {
    private Correlation() {
    }

    public static List<Finding.Cause> causes(Anomaly a, List<ChangeEvent> events) {
        long start = a.excursion().startMillis();
        long window = a.watched().causeWindow().toMillis();
        List<Finding.Cause> out = new ArrayList<>();
        for (ChangeEvent e : events) {
            long lead = start - e.timeMillis();
            if (lead >= -a.stepMillis() && lead <= window && !isItself(a, e)) {
                out.add(new Finding.Cause(e, lead));
            }
        }
        out.sort(Comparator.comparing((Finding.Cause c) -> !c.event().subject().equals(a.series()))
                // a model change is rarer and more specific than a deploy (and than the gateway
                // deploy that carried it)
                .thenComparing(c -> c.event().kind() != ChangeEvent.Kind.MODEL_CHANGE)
                .thenComparingLong(c -> Math.abs(c.leadMillis())));
        return out;
    }

    /** The spike event an anomaly of a spike series raises, for the others to be linked to. */
    static ChangeEvent spikeOf(Anomaly a) {
        return new ChangeEvent(a.excursion().startMillis(), a.watched().spike(), a.series(), null, a.watched().id());
    }

    private static boolean isItself(Anomaly a, ChangeEvent e) {
        return e.kind() == ChangeEvent.Kind.GUARDRAIL_SPIKE && a.watched().spike() == ChangeEvent.Kind.GUARDRAIL_SPIKE
                && e.to().equals(a.watched().id());
    }
}
