package io.vigia.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prints the one line that ends {@code mvn verify}: how many tests were skipped for a missing
 * corpus or program, and why, e.g. {@code external: 312 tests skipped (shared corpus absent: 290;
 * prometheus not installed: 22)}. Reads what {@link ExternalSkipListener} wrote during this build
 * (files older than the build's start are left from an earlier run and ignored).
 *
 * <p>Arguments: the project root, and the build's start time (ISO-8601, UTC).
 */
public final class ExternalSkipSummary {
    private ExternalSkipSummary() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]).resolve("target").resolve("external-skips");
        Instant buildStart = args.length > 1 ? Instant.parse(args[1]) : Instant.EPOCH;
        System.out.println(summary(dir, buildStart));
    }

    static String summary(Path dir, Instant buildStart) throws IOException {
        Map<String, Integer> total = new LinkedHashMap<>();
        if (Files.isDirectory(dir)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
            }
            for (Path f : files) {
                // a second of slack: file times and the build's timestamp are both truncated
                if (Files.getLastModifiedTime(f).compareTo(FileTime.from(buildStart.minusSeconds(1))) < 0) {
                    continue;
                }
                for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                    String[] cols = line.split("\t");
                    if (cols.length == 2) {
                        total.merge(cols[0], Integer.parseInt(cols[1].trim()), Integer::sum);
                    }
                }
            }
        }
        int sum = total.values().stream().mapToInt(Integer::intValue).sum();
        if (sum == 0) {
            return "external: no test skipped for a missing corpus or program";
        }
        String parts = total.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
        return "external: " + sum + (sum == 1 ? " test" : " tests") + " skipped (" + parts + ")";
    }
}
