package io.vigia.app;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class MainDefaultsTest {

    @Test
    void turnsOnTcpNoDelayForTheJdkHttpServer() {
        Properties p = new Properties();

        Main.applyDefaults(p);

        assertThat(p.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
    }

    @Test
    void aValueGivenOnTheCommandLineWins() {
        Properties p = new Properties();
        p.setProperty("sun.net.httpserver.nodelay", "false");

        Main.applyDefaults(p);

        assertThat(p.getProperty("sun.net.httpserver.nodelay")).isEqualTo("false");
    }
}
