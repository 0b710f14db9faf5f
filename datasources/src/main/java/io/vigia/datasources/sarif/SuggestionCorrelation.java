package io.vigia.datasources.sarif;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Attributes SAST findings to accepted AI suggestions, as docs/sast-correlation.md defines: a
 * finding counts as triggered by an accepted suggestion when both are in the same repository and
 * file, their line ranges overlap, and the finding was detected within a window (default 7 days)
 * after the acceptance. A finding is attributed to at most one suggestion: of those that qualify,
 * the one accepted last before the finding was detected (ties: the larger line overlap). A pure
 * function of its inputs.
 */
public final class SuggestionCorrelation {
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);

    private SuggestionCorrelation() {
    }

    /** An accepted suggestion: where its lines landed, when, and who/what produced it. */
    public record AcceptedSuggestion(String repository, String path, int startLine, int endLine, Instant acceptedAt,
                                     String team, String language, String model) {
        public AcceptedSuggestion {
            Objects.requireNonNull(acceptedAt, "acceptedAt");
            if (startLine < 1 || endLine < startLine) {
                throw new IllegalArgumentException("suggestion lines must be 1 <= start <= end, got " + startLine + ".." + endLine);
            }
        }
    }

    /** A finding as stored: repository and artifact URI as the SARIF log gave them, lines 0 when unknown. */
    public record Finding(String repository, String uri, int startLine, int endLine, Instant detectedAt, String ruleId,
                          SecuritySeverity severity, List<String> cwes) {
        public Finding {
            cwes = List.copyOf(cwes);
        }
    }

    public record Attribution(Finding finding, AcceptedSuggestion suggestion) {
    }

    /** Attributions with the default 7-day window. */
    public static List<Attribution> attribute(List<Finding> findings, List<AcceptedSuggestion> suggestions) {
        return attribute(findings, suggestions, DEFAULT_WINDOW);
    }

    /** Each finding attributed to at most one suggestion; findings nothing qualifies for are left out. */
    public static List<Attribution> attribute(List<Finding> findings, List<AcceptedSuggestion> suggestions, Duration window) {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the window must not be negative");
        }
        // candidates by repository and file name: same-file paths always end in the same name, so
        // each finding is compared with the suggestions of its file only, not all of them
        Map<String, List<AcceptedSuggestion>> byFile = new HashMap<>();
        for (AcceptedSuggestion s : suggestions) {
            byFile.computeIfAbsent(repositoryKey(s.repository()) + '\u0000' + fileName(s.path()), k -> new ArrayList<>()).add(s);
        }
        List<Attribution> out = new ArrayList<>();
        for (Finding f : findings) {
            if (f.startLine() < 1 || f.detectedAt() == null) {
                continue; // a finding without lines or time cannot be tied to a suggestion's lines
            }
            int fEnd = Math.max(f.startLine(), f.endLine());
            List<AcceptedSuggestion> candidates = byFile.getOrDefault(repositoryKey(f.repository()) + '\u0000' + fileName(f.uri()),
                    List.of());
            AcceptedSuggestion best = null;
            int bestOverlap = 0;
            for (AcceptedSuggestion s : candidates) {
                if (!samePath(f.uri(), s.path())) {
                    continue;
                }
                int overlap = Math.min(fEnd, s.endLine()) - Math.max(f.startLine(), s.startLine()) + 1;
                if (overlap <= 0) {
                    continue;
                }
                if (f.detectedAt().isBefore(s.acceptedAt()) || f.detectedAt().isAfter(s.acceptedAt().plus(window))) {
                    continue;
                }
                if (best == null || s.acceptedAt().isAfter(best.acceptedAt())
                        || (s.acceptedAt().equals(best.acceptedAt()) && overlap > bestOverlap)) {
                    best = s;
                    bestOverlap = overlap;
                }
            }
            if (best != null) {
                out.add(new Attribution(f, best));
            }
        }
        out.sort(Comparator.comparing((Attribution a) -> a.suggestion().acceptedAt()).thenComparing(a -> a.finding().detectedAt()));
        return out;
    }

    /**
     * The "estimated" fallback where only aggregates exist (per repository, pull request or week):
     * the new findings of that unit times the share of its changed lines that came from accepted
     * suggestions, capped at the findings. An estimate, to be labelled as one wherever it is shown.
     */
    public static double estimateAttributed(int newFindings, long acceptedSuggestionLines, long changedLines) {
        if (newFindings < 0 || acceptedSuggestionLines < 0 || changedLines < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (changedLines == 0 || newFindings == 0) {
            return 0;
        }
        return newFindings * Math.min(1.0, (double) acceptedSuggestionLines / changedLines);
    }

    /**
     * A repository as {@code host/owner/name}, lower case: {@code https://github.com/Org/Repo.git},
     * {@code git@github.com:org/repo}, {@code github.com/org/repo/} and GitHub's short form
     * {@code org/repo} are one repository. Null and
     * blank are the empty key, so logs that name no repository match suggestions that name none.
     */
    public static String repositoryKey(String repository) {
        if (repository == null || repository.isBlank()) {
            return "";
        }
        String s = repository.strip();
        int scp = s.indexOf(':');
        if (s.contains("@") && scp > 0 && !s.contains("://")) {
            s = s.substring(s.indexOf('@') + 1, scp) + "/" + s.substring(scp + 1); // git@host:owner/name
        } else if (s.contains("://")) {
            try {
                URI u = URI.create(s);
                s = (u.getHost() == null ? "" : u.getHost()) + (u.getPath() == null ? "" : u.getPath());
            } catch (IllegalArgumentException e) {
                s = s.substring(s.indexOf("://") + 3);
            }
        }
        s = s.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
        if (s.endsWith(".git")) {
            s = s.substring(0, s.length() - 4);
        }
        s = s.replaceAll("^/+", "");
        // "owner/name" without a host is GitHub's short form (gh, Actions' github.repository)
        if (s.matches("[^/.:]+/[^/]+")) {
            s = "github.com/" + s;
        }
        return s;
    }

    /**
     * Whether a SARIF artifact URI and a repository-relative path name the same file: equal after
     * decoding and dropping {@code file://}, {@code ./} and leading slashes, or, for an absolute
     * path (a checkout on the scanner's disk), when it ends with the other at a directory boundary.
     * Two relative paths must be equal: {@code a.py} is not {@code src/a.py}.
     */
    static boolean samePath(String uri, String path) {
        String a = normalizePath(uri);
        String b = normalizePath(path);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || (isAbsolute(uri) && a.endsWith("/" + b)) || (isAbsolute(path) && b.endsWith("/" + a));
    }

    /** The last segment of a normalized path: equal for any two paths {@link #samePath} accepts. */
    private static String fileName(String p) {
        String n = normalizePath(p);
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static boolean isAbsolute(String p) {
        String s = p.strip();
        return s.startsWith("/") || s.regionMatches(true, 0, "file:", 0, 5) || s.matches("(?s)[A-Za-z]:[\\\\/].*");
    }

    private static String normalizePath(String p) {
        if (p == null) {
            return "";
        }
        String s = p.strip();
        if (s.regionMatches(true, 0, "file:", 0, 5)) {
            s = s.substring(5);
        }
        try {
            s = URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // not percent-encoded after all ("not a valid URI" appears in real logs): compare as written
        }
        s = s.replace('\\', '/');
        while (s.startsWith("./")) {
            s = s.substring(2);
        }
        return s.replaceAll("^/+", "");
    }
}
