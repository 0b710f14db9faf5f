package io.vigia.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code vigia serve}'s refusals before it listens; serving itself is tested in datasources and end to end. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void helpNamesTheEndpointsTheDefaultPortAndTheAuthOptions() {
        CliRun r = CliRun.run("serve", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("/api/v1/query_range", "/loki/api/v1/query_range", "/metrics", "127.0.0.1:18090",
                "--allow-remote", "--bearer-token-env", "--basic-user", "--basic-password-env", "--query-timeout", "--workspace");
    }

    @Test
    void aNonLoopbackAddressNeedsAllowRemote() {
        CliRun r = CliRun.vigia(dir.resolve("ws.vigia"), "serve", "--listen", "0.0.0.0:0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is not a loopback address; add --allow-remote");
    }

    @Test
    void aSecretVariableThatIsNotSetIsNamed() {
        CliRun r = CliRun.vigia(dir.resolve("ws.vigia"), "serve", "--listen", "127.0.0.1:0",
                "--bearer-token-env", "VIGIA_TEST_NO_SUCH_VARIABLE");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--bearer-token-env VIGIA_TEST_NO_SUCH_VARIABLE: the environment variable is not set or empty");
        CliRun half = CliRun.vigia(dir.resolve("ws.vigia"), "serve", "--listen", "127.0.0.1:0", "--basic-user", "grafana");
        assertThat(half.err()).contains("basic auth needs both --basic-user and --basic-password-env");
    }

    @Test
    void aWorkspaceThatDoesNotExistIsNotCreated() {
        Path missing = dir.resolve("typo.vigia");
        CliRun r = CliRun.vigia(missing, "serve", "--listen", "127.0.0.1:0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no workspace at " + missing);
        assertThat(missing).doesNotExist();
    }

    @Test
    void listenAddressesParseAsPrometheussDo() {
        InetSocketAddress any = ListenAddress.parse(":9999");
        assertThat(any.getAddress().isAnyLocalAddress()).isTrue();
        assertThat(any.getPort()).isEqualTo(9999);
        assertThat(ListenAddress.parse("[::1]:18090").getAddress().isLoopbackAddress()).isTrue();
        assertThat(ListenAddress.parse("127.0.0.1:0").getPort()).isZero();
        assertThatThrownBy(() -> ListenAddress.parse("localhost")).hasMessageContaining("expected HOST:PORT");
        assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:99999")).hasMessageContaining("0-65535");
    }
}
