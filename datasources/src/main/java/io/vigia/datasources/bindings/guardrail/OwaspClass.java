package io.vigia.datasources.bindings.guardrail;

/** Where a vendor's guardrail category lands in the OWASP Top 10 for LLM Applications 2025. */
public sealed interface OwaspClass extends Comparable<OwaspClass> {

    /** What a panel shows: "LLM01 Prompt Injection", "content policy (no LLM Top 10 entry)", "unmapped: foo". */
    String label();

    /** An OWASP entry. */
    record Entry(String id, String title) implements OwaspClass {
        @Override
        public String label() {
            return id + " " + title;
        }
    }

    /** Harmful content that no LLM Top 10 entry covers (hate, violence, self-harm…). */
    record ContentPolicy() implements OwaspClass {
        @Override
        public String label() {
            return "content policy (no LLM Top 10 entry)";
        }
    }

    /** A category nobody mapped: kept and shown as such, never dropped. */
    record Unmapped(String raw) implements OwaspClass {
        private static final int MAX = 80;

        public Unmapped {
            raw = raw == null || raw.isEmpty() ? "(no category)" : raw;
        }

        @Override
        public String label() {
            return "unmapped: " + (raw.length() > MAX ? raw.substring(0, MAX) + "…" : raw);
        }
    }

    /** OWASP entries by id, then content policy, then unmapped categories by name. */
    @Override
    default int compareTo(OwaspClass o) {
        int r = Integer.compare(rank(this), rank(o));
        return r != 0 ? r : label().compareTo(o.label());
    }

    private static int rank(OwaspClass c) {
        return switch (c) {
            case Entry e -> 0;
            case ContentPolicy p -> 1;
            case Unmapped u -> 2;
        };
    }
}
