package io.vigia.views.settings;

import io.vigia.datasources.otlp.OtlpReceiver;
import io.vigia.datasources.otlp.OtlpReceiverOptions;
import io.vigia.persistence.series.SqliteSeriesStore;
import io.vigia.persistence.workspace.Workspace;
import io.vigia.views.tasks.SameThreadTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Settings toggle starts and stops a real receiver on the workspace, and says why when it cannot. */
class OtlpReceiverViewModelTest {
    @TempDir
    Path dir;

    @Test
    void togglingStartsAndStopsTheReceiverAndAPortInUseTurnsItBackOff() throws Exception {
        try (Workspace ws = Workspace.open(dir.resolve("w.vigia")); SqliteSeriesStore store = new SqliteSeriesStore(ws);
             SameThreadTaskExecutor executor = new SameThreadTaskExecutor()) {
            int[] port = {0};
            OtlpReceiverViewModel.Starter starter = () -> {
                OtlpReceiver r = OtlpReceiver.start(new OtlpReceiverOptions(new InetSocketAddress("127.0.0.1", port[0]), false,
                        OtlpReceiverOptions.DEFAULT_MAX_BODY_BYTES, Optional.empty()), store.writer(), store, Clock.systemUTC());
                return new OtlpReceiverViewModel.Running() {
                    @Override
                    public InetSocketAddress address() {
                        return r.address();
                    }

                    @Override
                    public void close() {
                        r.close();
                    }
                };
            };
            OtlpReceiverViewModel vm = new OtlpReceiverViewModel(starter, executor.scope());
            vm.enabledProperty().set(true);
            assertThat(vm.statusProperty().get()).startsWith("Receiving on http://127.0.0.1:");
            int listening = Integer.parseInt(vm.statusProperty().get().substring(vm.statusProperty().get().lastIndexOf(':') + 1));
            try (Socket s = new Socket("127.0.0.1", listening)) {
                assertThat(s.isConnected()).isTrue();
            }

            // a second toggle on the same port: the port is taken, so it turns itself off and says why
            port[0] = listening;
            OtlpReceiverViewModel second = new OtlpReceiverViewModel(starter, executor.scope());
            second.enabledProperty().set(true);
            assertThat(second.enabledProperty().get()).isFalse();
            assertThat(second.statusProperty().get()).startsWith("Not running: could not listen on 127.0.0.1:" + listening);

            vm.enabledProperty().set(false);
            assertThat(vm.statusProperty().get()).isEqualTo("Off");
            assertThat(vm.busyProperty().get()).isFalse();
            assertThatThrownBy(() -> new Socket("127.0.0.1", listening).close()).isInstanceOf(java.net.ConnectException.class);
        }
    }
}
