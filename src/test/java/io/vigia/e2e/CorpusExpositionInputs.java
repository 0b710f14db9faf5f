package io.vigia.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The exposition files of {@code ../shared/corpus/prometheus-exposition} (see its SOURCES.md):
 * real scrapes and test data of Prometheus, promtool and node_exporter, and the OpenMetrics
 * parser conformance suite, each served with the Content-Type of its format.
 */
final class CorpusExpositionInputs {
    static final String DIR = "corpus/prometheus-exposition";

    private CorpusExpositionInputs() {
    }

    static List<ExpositionInput> all(Path dir) throws IOException {
        List<ExpositionInput> in = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String file = f.getFileName().toString();
                if (Files.isRegularFile(f) && !file.endsWith(".md")) {
                    in.add(new ExpositionInput("c-" + file.replaceAll("[^A-Za-z0-9_-]", "_"), contentType(file), Files.readAllBytes(f)));
                }
            }
        }
        try (Stream<Path> cases = Files.list(dir.resolve("openmetrics-testsuite"))) {
            for (Path c : cases.sorted().toList()) {
                in.add(new ExpositionInput("om-" + c.getFileName(), ExpositionInput.OPENMETRICS, Files.readAllBytes(c.resolve("metrics"))));
            }
        }
        return in;
    }

    /** SOURCES.md: {@code *.om.txt} and promtool's dump test file are OpenMetrics, the rest text 0.0.4. */
    private static String contentType(String file) {
        return file.endsWith(".om.txt") || file.startsWith("promtool-dump-openmetrics")
                ? ExpositionInput.OPENMETRICS : ExpositionInput.TEXT;
    }
}
