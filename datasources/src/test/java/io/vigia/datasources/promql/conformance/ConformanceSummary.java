package io.vigia.datasources.promql.conformance;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per folder and file, how many promqltest cases passed, failed and were skipped (with the
 * reasons), written as {@code target/promqltest-summary.json} and one line per folder.
 */
final class ConformanceSummary {

    /** The counts of one script. */
    static final class FileCounts {
        int total;
        int passed;
        int failed;
        int skipped;
        final List<String> skips = new ArrayList<>();
        final List<String> failures = new ArrayList<>();

        synchronized void pass() {
            total++;
            passed++;
        }

        synchronized void skip(String what) {
            total++;
            skipped++;
            skips.add(what);
        }

        synchronized void fail(String what) {
            total++;
            failed++;
            failures.add(what);
        }
    }

    private final Map<String, Map<String, FileCounts>> folders = new TreeMap<>();

    synchronized FileCounts file(String folder, String file) {
        return folders.computeIfAbsent(folder, k -> new TreeMap<>()).computeIfAbsent(file, k -> new FileCounts());
    }

    /** Writes the JSON summary and returns one line per folder, e.g. {@code promqltest promql: 3 passed, ...}. */
    synchronized List<String> write(Path out) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        int[] all = new int[3];
        Map<String, Object> perFolder = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, FileCounts>> folder : folders.entrySet()) {
            int[] sum = new int[3];
            int filesPassing = 0;
            Map<String, Object> files = new LinkedHashMap<>();
            for (Map.Entry<String, FileCounts> c : folder.getValue().entrySet()) {
                FileCounts v = c.getValue();
                sum[0] += v.passed;
                sum[1] += v.failed;
                sum[2] += v.skipped;
                if (v.failed == 0 && v.passed > 0) {
                    filesPassing++;
                }
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("total", v.total);
                f.put("passed", v.passed);
                f.put("failed", v.failed);
                f.put("skipped", v.skipped);
                f.put("skips", v.skips);
                f.put("failures", v.failures);
                files.put(c.getKey(), f);
            }
            Map<String, Object> fo = new LinkedHashMap<>();
            fo.put("passed", sum[0]);
            fo.put("failed", sum[1]);
            fo.put("skipped", sum[2]);
            fo.put("files", files);
            perFolder.put(folder.getKey(), fo);
            for (int i = 0; i < 3; i++) {
                all[i] += sum[i];
            }
            lines.add("promqltest " + folder.getKey() + ": " + folder.getValue().size() + " files (" + filesPassing
                    + " without failures), " + sum[0] + " passed, " + sum[1] + " failed, " + sum[2] + " skipped");
        }
        root.put("passed", all[0]);
        root.put("failed", all[1]);
        root.put("skipped", all[2]);
        root.put("folders", perFolder);
        ObjectMapper mapper = JsonMapper.builder().build();
        try {
            Files.createDirectories(out.getParent());
            Files.writeString(out, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        lines.add("promqltest: " + all[0] + " passed, " + all[1] + " failed, " + all[2] + " skipped");
        return lines;
    }
}
