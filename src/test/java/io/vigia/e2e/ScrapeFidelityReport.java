package io.vigia.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Tallies the per-input comparison and writes it as a Markdown table for the docs. */
final class ScrapeFidelityReport {
    private final String kind;
    private final List<String> rows = new ArrayList<>();
    private final List<String> undocumented = new ArrayList<>();
    private final List<String> documentedButAgreeing = new ArrayList<>();
    private int total;
    private int agreeOnUp;
    private int agreeOnSamples;

    ScrapeFidelityReport(String kind) {
        this.kind = kind;
    }

    void add(String input, ScrapeOutcome prometheus, ScrapeOutcome vigia, String documentedReason) {
        total++;
        boolean up = prometheus.up() == vigia.up();
        boolean samples = prometheus.samplesAgree(vigia);
        agreeOnUp += up ? 1 : 0;
        agreeOnSamples += samples ? 1 : 0;
        if (up && samples) {
            if (documentedReason != null) {
                documentedButAgreeing.add(input);
            }
            return;
        }
        String difference = "Prometheus vs Vigia: " + prometheus.differenceFrom(vigia);
        if (documentedReason == null) {
            undocumented.add(input + ": " + difference);
        }
        rows.add("| `" + input + "` | up=" + (prometheus.up() ? 1 : 0) + " | up=" + (vigia.up() ? 1 : 0) + " | "
                + difference.replace("|", "\\|") + " |");
    }

    List<String> undocumented() {
        return undocumented;
    }

    List<String> documentedButAgreeing() {
        return documentedButAgreeing;
    }

    String summary() {
        return kind + ": " + total + " inputs, agree on up " + agreeOnUp + ", agree on samples " + agreeOnSamples
                + (undocumented.isEmpty() ? "" : "\n  " + String.join("\n  ", undocumented));
    }

    void writeTo(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "# Scrape fidelity, " + kind + "\n\n" + summary() + "\n\n| input | Prometheus | Vigia | difference |\n"
                + "| --- | --- | --- | --- |\n" + String.join("\n", rows) + "\n", StandardCharsets.UTF_8);
    }
}
