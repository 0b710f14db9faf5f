package io.vigia.e2e;

import io.vigia.dashboards.builtin.BuiltInDashboards;
import io.vigia.dashboards.grafana.GrafanaExporter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/** Input files and workspace fingerprints for the fault-injection tests. */
final class FaultFiles {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String[] DECISIONS = {"blocked", "allowed", "redacted"};

    private FaultFiles() {
    }

    /**
     * A guardrail audit log (docs/telemetry.md) of {@code n} decisions whose request ids are
     * {@code <tag>-0 .. <tag>-(n-1)}, one a second from {@code start}.
     */
    static Path guardrailLog(Path file, String tag, int n, Instant start) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < n; i++) {
                w.write("{\"ts\":\"" + start.plusSeconds(i) + "\",\"app\":\"app-" + (i % 5) + "\",\"direction\":\""
                        + (i % 2 == 0 ? "input" : "output") + "\",\"decision\":\"" + DECISIONS[i % 3]
                        + "\",\"category\":\"prompt_injection\",\"detector\":\"llm-guard:PromptInjection\",\"score\":0.9,"
                        + "\"model\":\"gpt-4.1\",\"user\":\"u-" + (i % 40) + "\",\"request_id\":\"" + tag + "-" + i
                        + "\",\"prompt\":\"prompt " + tag + " " + i + " lorem ipsum dolor sit amet, consectetur adipiscing elit\"}\n");
            }
        }
        return file;
    }

    /**
     * A Grafana dashboard (Copilot Health as Vigia exports it, 20-odd panels) with its uid and title
     * replaced: importing it again is an edit. Built here rather than read from the shared corpus,
     * so that the fault tests run on a clean clone too.
     */
    static Path dashboard(Path file, String uid, String title) throws IOException {
        String exported = GrafanaExporter.write(BuiltInDashboards.copilotHealth(), GrafanaExporter.Format.GRAFANA);
        ObjectNode doc = (ObjectNode) JSON.readTree(exported);
        doc.put("uid", uid);
        doc.put("title", title);
        Files.writeString(file, JSON.writeValueAsString(doc));
        return file;
    }

    /** An OpenMetrics backfill file: {@code series} gauges of {@code samples} random (badly compressible) values. */
    static Path openMetrics(Path file, int series, int samples, Instant start, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# TYPE fault_fill gauge\n");
            for (int s = 0; s < series; s++) {
                for (int i = 0; i < samples; i++) {
                    w.write("fault_fill{series=\"" + s + "\"} " + random.nextDouble() + " " + (start.getEpochSecond() + 15L * i) + "\n");
                }
            }
            w.write("# EOF\n");
        }
        return file;
    }

    /**
     * Every table of the workspace as row count and SHA-256 of its rows (sorted, so the order
     * SQLite returns them in does not matter): two equal maps mean the same committed content.
     */
    static Map<String, String> fingerprint(Path workspace) throws SQLException {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + workspace);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.append(v instanceof byte[] b ? HexFormat.of().formatHex(b) : String.valueOf(v)).append('\u0001');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                out.put(t, rows.size() + " rows, sha256 " + sha256(rows));
            }
        }
        return out;
    }

    private static String sha256(List<String> rows) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            rows.forEach(r -> md.update(r.getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
