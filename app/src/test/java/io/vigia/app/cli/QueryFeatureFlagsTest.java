package io.vigia.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --enable-feature} on {@code vigia query}: Prometheus's feature names switch the local engine's PromQL. */
class QueryFeatureFlagsTest {
    @TempDir
    Path dir;

    private CliRun query(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "query";
        System.arraycopy(args, 0, all, 1, args.length);
        return CliRun.vigia(dir.resolve("ws.vigia"), all);
    }

    @Test
    void anExperimentalFunctionNeedsItsFeature() {
        CliRun off = query("--time", "1000", "info(vector(1))");
        assertThat(off.exit()).isEqualTo(1);
        assertThat(off.out()).contains("function \\\"info\\\" is not enabled");

        CliRun on = query("--enable-feature=promql-experimental-functions", "--time", "1000", "info(vector(1))");
        assertThat(on.exit()).as(on.out() + on.err()).isZero();
        assertThat(on.out()).contains("\"status\":\"success\"").contains("\"1\"");
    }

    @Test
    void fillModifiersAndDurationArithmeticFollowPrometheusDefaults() {
        // Duration expressions are on by default (Prometheus made promql-duration-expr a no-op).
        assertThat(query("--time", "1000", "count_over_time(vector(1)[5m+30s:1m])").exit()).isZero();
        assertThat(query("--time", "1000", "vector(1) + fill(0) vector(2)").out())
                .contains("binop fill modifiers are experimental and not enabled");
        assertThat(query("--enable-feature", "promql-binop-fill-modifiers,promql-delayed-name-removal", "--time", "1000",
                "vector(1) + fill(0) vector(2)").exit()).isZero();
    }

    @Test
    void anUnknownFeatureIsRefusedByName() {
        CliRun r = query("--enable-feature=promql-no-such-thing", "--time", "1000", "vector(1)");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("unknown PromQL feature \\\"promql-no-such-thing\\\"")
                .contains("promql-extended-range-selectors");
    }
}
