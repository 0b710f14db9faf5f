package io.vigia.dashboards.ask;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.model.Dashboard;

import java.util.List;
import java.util.Map;

/**
 * Which dashboard a question means: the one whose title words it says ("service latency",
 * "copilot health"), else the one whose subject it talks about (suggestions → Copilot Health,
 * blocked prompts → Guardrails), else by meaning (sentence embedding of the titles).
 */
final class DashboardChooser {
    /** Subject words of the built-in dashboards. */
    private static final Map<String, List<String>> SUBJECTS = Map.of(
            BuiltInDashboards.COPILOT_HEALTH, List.of("copilot", "suggestions", "acceptance", "accepted", "adoption"),
            BuiltInDashboards.GUARDRAILS, List.of("guardrail", "guardrails", "blocked", "prompt injection", "redacted"),
            BuiltInDashboards.MODEL_DRIFT, List.of("drift", "model inputs", "features", "prompt tokens"),
            BuiltInDashboards.SERVICE_LATENCY, List.of("latency", "service", "services", "deploys", "errors", "sre"));

    private final SentenceEmbedder embedder;

    DashboardChooser(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** The dashboard all of whose title words (of three letters or more) the question says, the longest title first. */
    static Dashboard titleMatch(QuestionText t, List<Dashboard> dashboards) {
        Dashboard best = null;
        int bestWords = 0;
        for (Dashboard d : dashboards) {
            String[] words = QuestionText.split(d.title().replaceAll("[^A-Za-z0-9 ]", " "));
            int n = 0;
            int significant = 0;
            for (String w : words) {
                if (w.length() >= 3) {
                    significant++;
                    n += t.has(w) ? 1 : 0;
                }
            }
            // all of a short title, or at least two words of a longer one ("service latency")
            boolean match = significant > 0 && (n == significant || n >= 2);
            if (match && n > bestWords) {
                best = d;
                bestWords = n;
            }
        }
        return best;
    }

    Dashboard titleMatch(QuestionText t) {
        return titleMatch(t, BuiltInDashboards.all());
    }

    Dashboard forReport(QuestionReading r, AskContext ctx) {
        Dashboard byTitle = titleMatch(r.text(), ctx.dashboards());
        if (byTitle != null) {
            return byTitle;
        }
        return bySubject(r, ctx).orElseGet(() -> ctx.dashboard(BuiltInDashboards.COPILOT_HEALTH).orElseThrow());
    }

    Dashboard toOpen(QuestionReading r, String question, AskContext ctx) {
        Dashboard byTitle = titleMatch(r.text(), ctx.dashboards());
        if (byTitle != null) {
            return byTitle;
        }
        return bySubject(r, ctx).orElseGet(() -> byMeaning(question, ctx));
    }

    private java.util.Optional<Dashboard> bySubject(QuestionReading r, AskContext ctx) {
        String best = null;
        int hits = 0;
        for (Map.Entry<String, List<String>> e : SUBJECTS.entrySet()) {
            int n = (int) e.getValue().stream().filter(r.text()::has).count();
            if (r.service() != null && e.getKey().equals(BuiltInDashboards.SERVICE_LATENCY)) {
                n++;
            }
            if (n > hits || (n == hits && n > 0 && e.getKey().compareTo(best) < 0)) {
                best = e.getKey();
                hits = n;
            }
        }
        return best == null ? java.util.Optional.empty() : ctx.dashboard(best);
    }

    private Dashboard byMeaning(String question, AskContext ctx) {
        float[] q = embedder.embed(question);
        Dashboard best = ctx.dashboards().getFirst();
        double sim = -1;
        for (Dashboard d : ctx.dashboards()) {
            double s = SentenceEmbedder.cosine(q, embedder.embed(d.title() + " dashboard"));
            if (s > sim) {
                sim = s;
                best = d;
            }
        }
        return best;
    }
}
