package io.vigia.dashboards.ask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A question as words: lower case, {@code -}/{@code _} read as spaces (so {@code llm gateway}
 * finds {@code llm-gateway}), with typo-tolerant matching: a word of five letters or more may be
 * off by one edit (a transposition counts as one: "depoly", "paymnets"), of eight or more by two,
 * and a word of five letters or more also matches as a stem ("accept" in "accepted"). Words a
 * match has taken ({@link #take}) are not matched again, so "payments-core" (a team) does not
 * also read as the service "payments".
 */
final class QuestionText {
    private final String lower;
    private final String[] words;
    private final boolean[] taken;

    private QuestionText(String lower, String[] words) {
        this.lower = lower;
        this.words = words;
        this.taken = new boolean[words.length];
    }

    static QuestionText of(String question) {
        String lower = question.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        String spaced = lower.replaceAll("[-_/]", " ");
        List<String> out = new ArrayList<>();
        for (String w : spaced.split("[^a-z0-9.]+")) {
            String t = w.replaceAll("^\\.+|\\.+$", "");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return new QuestionText(lower, out.toArray(String[]::new));
    }

    /** The question in lower case, as typed (for the time grammar's patterns). */
    String lower() {
        return lower;
    }

    List<String> words() {
        return List.copyOf(Arrays.asList(words));
    }

    /** Whether the phrase (words separated by spaces, {@code -} or {@code _}) occurs among the words not taken. */
    boolean has(String phrase) {
        return find(phrase) >= 0;
    }

    boolean hasAny(String... phrases) {
        for (String p : phrases) {
            if (has(p)) {
                return true;
            }
        }
        return false;
    }

    /** Where the phrase starts, or -1. */
    int find(String phrase) {
        String[] p = split(phrase);
        if (p.length == 0) {
            return -1;
        }
        for (int i = 0; i + p.length <= words.length; i++) {
            boolean all = true;
            for (int j = 0; j < p.length && all; j++) {
                all = !taken[i + j] && matches(words[i + j], p[j]);
            }
            if (all) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The candidate found in the question, longest first, and marks its words as taken. Values are
     * compared as words ({@code payments-core} is "payments core").
     */
    Optional<String> take(Collection<String> candidates) {
        List<String> sorted = candidates.stream().filter(c -> split(c).length > 0)
                .sorted(Comparator.comparingInt((String c) -> split(c).length).reversed()
                        .thenComparing(Comparator.comparingInt(String::length).reversed()))
                .toList();
        for (String c : sorted) {
            int at = find(c);
            if (at >= 0) {
                for (int j = 0; j < split(c).length; j++) {
                    taken[at + j] = true;
                }
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The word right after the phrase, if any. */
    Optional<String> after(String phrase) {
        int at = find(phrase);
        int next = at + split(phrase).length;
        return at < 0 || next >= words.length ? Optional.empty() : Optional.of(words[next]);
    }

    static String[] split(String phrase) {
        return Arrays.stream(phrase.toLowerCase(Locale.ROOT).split("[\\s_\\-/]+")).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }

    static boolean matches(String word, String wanted) {
        if (word.equals(wanted)) {
            return true;
        }
        if (wanted.length() >= 5 && word.startsWith(wanted)) {
            return true;
        }
        int shorter = Math.min(word.length(), wanted.length());
        if (shorter < 5 || word.charAt(0) != wanted.charAt(0) || hasDigit(wanted)) {
            return false;
        }
        int allowed = shorter >= 8 ? 2 : 1;
        return Math.abs(word.length() - wanted.length()) <= allowed && distance(word, wanted, allowed) <= allowed;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Optimal string alignment distance (Damerau–Levenshtein without repeated edits of a substring), capped. */
    static int distance(String a, String b, int cap) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > cap) {
                return cap + 1;
            }
        }
        return d[n][m];
    }
}
