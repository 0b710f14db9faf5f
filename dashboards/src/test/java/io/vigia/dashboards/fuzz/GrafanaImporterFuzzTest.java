package io.vigia.dashboards.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.vigia.dashboards.grafana.GrafanaFormatException;
import io.vigia.dashboards.grafana.GrafanaImporter;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Jazzer target for the Grafana dashboard JSON import: the importer either returns a dashboard or
 * throws {@link GrafanaFormatException}; anything else is a finding. Regression mode runs in
 * {@code mvn verify} over the seeds in src/test/resources/.../GrafanaImporterFuzzTestInputs/read/.
 */
class GrafanaImporterFuzzTest {

    @FuzzTest(maxDuration = "10m")
    void read(byte[] data) {
        try {
            GrafanaImporter.read(new String(data, StandardCharsets.UTF_8), Map.of("DS_PROMETHEUS", "prod"));
        } catch (GrafanaFormatException expected) {
            // not JSON, or not a dashboard
        }
    }
}
