package io.vigia.app.cli;

import io.vigia.dashboards.chart.InertText;
import io.vigia.datasources.bindings.BoundInput;
import io.vigia.datasources.bindings.Candidate;
import io.vigia.datasources.bindings.SemanticInput;
import io.vigia.datasources.bindings.probe.ProbeResult;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Map;

/**
 * {@code vigia sources inspect} as text: per input the binding in use and where it came from, the
 * candidates with their explained scores, and what is missing. Everything taken from the source
 * (metric names, label values in messages) is printed inert: escapes instead of control or bidi
 * characters.
 */
final class BindingReport {
    private static final int CANDIDATES_SHOWN = 5;

    private BindingReport() {
    }

    /** The JSON form: the probe's window and cost beside every input. */
    record Json(String source, Instant probedAt, Instant windowFrom, Instant windowTo, int requests, long tookMillis,
                Map<SemanticInput, BoundInput> inputs) {
        static Json of(ProbeResult r) {
            return new Json(r.bindings().source(), r.bindings().probedAt(), r.window().from(), r.window().to(), r.requests(),
                    r.took().toMillis(), r.bindings().inputs());
        }
    }

    static void print(ProbeResult r, PrintWriter out) {
        out.println("Source " + inert(r.bindings().source()) + ": probed " + r.window().from() + " to " + r.window().to()
                + " (" + r.requests() + " requests to the source, " + r.took().toMillis() + " ms)");
        for (BoundInput in : r.bindings().inputs().values()) {
            out.println();
            print(in, out);
        }
    }

    static void print(BoundInput in, PrintWriter out) {
        String head = in.input().name();
        switch (in.origin()) {
            case PROBE -> out.println(head + ": bound by probe (" + inert(in.conventionId()) + ")");
            case OVERRIDE -> out.println(head + ": bound by your override");
            case NONE -> out.println(head + ": MISSING");
        }
        if (in.isBound()) {
            out.println("  binding:   " + inert(in.chosen().describe()));
        } else {
            out.println("  missing:   " + inert(in.missing()));
        }
        for (String n : in.notes()) {
            out.println("  note:      " + inert(n));
        }
        int shown = 0;
        for (Candidate c : in.candidates()) {
            if (shown++ == CANDIDATES_SHOWN) {
                out.println("  … and " + (in.candidates().size() - CANDIDATES_SHOWN) + " more candidates (--json lists all)");
                break;
            }
            boolean chosen = in.isBound() && c.binding().equals(in.chosen());
            out.println((chosen ? "  * " : "    ") + "candidate " + inert(c.conventionId()) + ": " + inert(c.binding().describe()));
            out.println("      score " + inert(c.score().explain()) + (c.hasData() ? "" : " (no data in the window)"));
        }
    }

    /** A one-line-per-input summary for {@code sources add}. */
    static void summary(ProbeResult r, PrintWriter out) {
        long bound = r.bindings().inputs().values().stream().filter(BoundInput::isBound).count();
        out.println("Probed " + inert(r.bindings().source()) + ": " + bound + " of " + SemanticInput.values().length
                + " inputs bound (details: vigia sources inspect " + inert(r.bindings().source()) + ")");
        for (BoundInput in : r.bindings().inputs().values()) {
            out.println("  " + String.format("%-21s", in.input().name()) + " "
                    + (in.isBound() ? inert(in.chosen().describe()) : "missing"));
        }
    }

    private static String inert(String s) {
        return InertText.of(s);
    }
}
