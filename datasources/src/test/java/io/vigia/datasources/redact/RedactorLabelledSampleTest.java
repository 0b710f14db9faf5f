package io.vigia.datasources.redact;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redactor against a labelled sample ({@code labelled-sample.tsv}): each line names the types
 * that must be redacted in it, or {@code -} for a near miss (git SHAs, UUIDs, versions,
 * timestamps, ordinary words) that must come out unchanged. Prints precision and recall per type
 * (docs/reliability.md has the table) and requires every labelled secret to be found and every
 * near miss kept.
 */
class RedactorLabelledSampleTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[REDACTED:([a-z0-9_]+)]");

    record Case(int line, List<String> expected, String text) {
    }

    static List<Case> sample() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = RedactorLabelledSampleTest.class.getResourceAsStream("labelled-sample.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank() || l.startsWith("#")) {
                    continue;
                }
                int tab = l.indexOf('\t');
                String label = l.substring(0, tab);
                List<String> expected = label.equals("-") ? List.of() : List.of(label.split(","));
                cases.add(new Case(i + 1, expected, l.substring(tab + 1).replace("\\n", "\n")));
            }
        }
        return cases;
    }

    /** true/false positives and false negatives of one type. */
    static final class Score {
        int tp;
        int fp;
        int fn;
    }

    @Test
    void findsEverySecretAndKeepsEveryNearMiss() throws IOException {
        Redactor redactor = new Redactor();
        Map<String, Score> scores = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int nearMisses = 0;
        List<Case> cases = sample();
        for (Case c : cases) {
            Redaction r = redactor.redact(c.text());
            Map<String, Integer> found = new TreeMap<>();
            Matcher m = PLACEHOLDER.matcher(r.text());
            while (m.find()) {
                found.merge(m.group(1), 1, Integer::sum);
            }
            Map<String, Integer> expected = new TreeMap<>();
            c.expected().forEach(t -> expected.merge(t, 1, Integer::sum));
            for (String type : union(found, expected)) {
                int f = found.getOrDefault(type, 0);
                int e = expected.getOrDefault(type, 0);
                Score s = scores.computeIfAbsent(type, k -> new Score());
                s.tp += Math.min(f, e);
                s.fp += Math.max(0, f - e);
                s.fn += Math.max(0, e - f);
            }
            if (c.expected().isEmpty()) {
                nearMisses++;
                if (!r.text().equals(c.text())) {
                    failures.add("line " + c.line() + ": near miss changed: " + r.text());
                }
            } else if (!found.equals(expected)) {
                failures.add("line " + c.line() + ": expected " + expected + ", got " + found + ": " + r.text());
            }
        }
        System.out.println(table(scores, cases.size(), nearMisses));
        assertThat(failures).isEmpty();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
    }

    @Test
    void keepingAddressesRedactsTheSameButIpAddresses() {
        Redaction r = Redactor.keepingAddresses().redact("GET http://u:p4ss@10.0.0.5:9090 with Bearer abcdefgh12345678");
        assertThat(r.text()).isEqualTo("GET http://[REDACTED:url_credentials]@10.0.0.5:9090 with Bearer [REDACTED:bearer_token]");
    }

    private static List<String> union(Map<String, Integer> a, Map<String, Integer> b) {
        TreeMap<String, Integer> u = new TreeMap<>(a);
        u.putAll(b);
        return List.copyOf(u.keySet());
    }

    private static String table(Map<String, Score> scores, int cases, int nearMisses) {
        StringBuilder sb = new StringBuilder("| type | labelled | found | precision | recall |\n| --- | --- | --- | --- | --- |\n");
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (var e : scores.entrySet()) {
            Score s = e.getValue();
            sb.append(row(e.getKey(), s.tp, s.fp, s.fn));
            tp += s.tp;
            fp += s.fp;
            fn += s.fn;
        }
        sb.append(row("**all** (" + cases + " lines, " + nearMisses + " near misses)", tp, fp, fn));
        return sb.toString();
    }

    private static String row(String type, int tp, int fp, int fn) {
        return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %s | %s |%n", type, tp + fn, tp + fp,
                tp + fp == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * tp / (tp + fp)),
                tp + fn == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.0f%%", 100.0 * tp / (tp + fn)));
    }
}
