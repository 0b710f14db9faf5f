package io.vigia.datasources.sarif;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CWE ids out of the ways tools write them: CodeQL's tags {@code external/cwe/cwe-079}, Semgrep's
 * {@code CWE-89: Improper Neutralization ...}, plain {@code CWE-120} and taxonomy ids {@code 120}.
 * All become {@code CWE-<number>} without leading zeros, the form of the {@code cwe} label.
 */
public final class CweTags {
    /** "cwe" as a word of its own (not the end of a longer word), a separator, then the number. */
    private static final Pattern TAG = Pattern.compile("(?i)(?<![a-z])cwe[-_/ :]?0*(\\d{1,5})(?!\\d)");

    private CweTags() {
    }

    /** The CWE id a tag names, or null when it names none. */
    public static String normalize(String tag) {
        if (tag == null) {
            return null;
        }
        Matcher m = TAG.matcher(tag);
        return m.find() ? "CWE-" + Integer.parseInt(m.group(1)) : null;
    }

    /** The id of a target in the CWE taxonomy, given as {@code CWE-120} or {@code 120}. */
    static String fromTaxonId(String id) {
        if (id == null) {
            return null;
        }
        String s = id.strip();
        if (s.matches("0*\\d{1,5}")) {
            return "CWE-" + Integer.parseInt(s);
        }
        return normalize(s);
    }

    /** The distinct CWE ids of some tags, in order of first appearance. */
    public static List<String> fromTags(Collection<String> tags) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : tags) {
            String c = normalize(t);
            if (c != null) {
                out.add(c);
            }
        }
        return List.copyOf(out);
    }
}
