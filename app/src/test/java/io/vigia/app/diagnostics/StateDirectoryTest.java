package io.vigia.app.diagnostics;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StateDirectoryTest {
    @Test
    void linuxUsesXdgStateHomeOrLocalState() {
        assertThat(StateDirectory.of("Linux", Map.of("XDG_STATE_HOME", "/x/state"), "/home/u")).isEqualTo(Path.of("/x/state/vigia"));
        assertThat(StateDirectory.of("Linux", Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.local/state/vigia"));
        // a relative XDG_STATE_HOME is invalid and ignored
        assertThat(StateDirectory.of("Linux", Map.of("XDG_STATE_HOME", "rel"), "/home/u")).isEqualTo(Path.of("/home/u/.local/state/vigia"));
    }

    @Test
    void macAndWindowsUseTheirLogFolders() {
        assertThat(StateDirectory.of("Mac OS X", Map.of(), "/Users/u")).isEqualTo(Path.of("/Users/u/Library/Logs/Vigia"));
        assertThat(StateDirectory.of("Windows 11", Map.of("LOCALAPPDATA", "/c/Local"), "/c/u")).isEqualTo(Path.of("/c/Local/Vigia/Logs"));
    }
}
