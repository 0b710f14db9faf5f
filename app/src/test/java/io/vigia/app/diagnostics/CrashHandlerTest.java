package io.vigia.app.diagnostics;

import javafx.application.Platform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CrashHandlerTest {
    static final String SECRET_URL = "https://admin:hunter2-s3cret@prometheus.example/api";
    static final String TOKEN = "abcDEF0123456789xyzTOKEN";

    @TempDir
    Path dir;

    private CrashReports reports() {
        return new CrashReports(dir.resolve("state"), "9.9.9", Clock.fixed(Instant.parse("2026-11-23T11:49:55Z"), ZoneOffset.UTC));
    }

    @Test
    void aCrashReportHasVersionOsAndTraceWithSecretsMaskedAndIsOwnerOnly() throws Exception {
        Path report = reports().write(Thread.currentThread(), new IllegalStateException("GET " + SECRET_URL + " with Authorization: Bearer " + TOKEN,
                new java.io.IOException("password=hunter2-s3cret")));
        String text = Files.readString(report);
        assertThat(report.getFileName().toString()).startsWith("crash-20261123T114955Z-");
        assertThat(text).contains("version: Vigia 9.9.9", "os: " + System.getProperty("os.name"), "thread: ",
                "java.lang.IllegalStateException", "Caused by: java.io.IOException", "prometheus.example");
        assertThat(text).doesNotContain("hunter2", TOKEN);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void theSameFailureAgainMakesNoSecondReport() throws Exception {
        java.util.List<Path> told = new java.util.ArrayList<>();
        CrashHandler handler = new CrashHandler(reports(), told::add);
        for (int i = 0; i < 3; i++) {
            handler.uncaughtException(Thread.currentThread(), failure());
        }
        handler.uncaughtException(Thread.currentThread(), new IllegalArgumentException("another"));
        assertThat(told).hasSize(2);
        try (var s = Files.list(dir.resolve("state"))) {
            assertThat(s.count()).isEqualTo(2);
        }
    }

    private static RuntimeException failure() {
        return new IllegalStateException("same place");
    }

    @Test
    void onlyTheNewestReportsAreKept() throws Exception {
        CrashReports r = reports();
        for (int i = 0; i < CrashReports.KEEP + 5; i++) {
            r.write(Thread.currentThread(), new RuntimeException("n" + i));
        }
        try (var s = Files.list(dir.resolve("state"))) {
            assertThat(s.count()).isEqualTo(CrashReports.KEEP);
        }
    }

    @Test
    void anUncaughtExceptionOnTheJavaFxThreadIsReported() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException running) {
            started.countDown();
        }
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Path> told = new CompletableFuture<>();
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler(new CrashHandler(reports(), told::complete));
        try {
            Platform.runLater(() -> {
                throw new IllegalStateException("event handler failed for " + SECRET_URL);
            });
            Path report = told.get(60, TimeUnit.SECONDS);
            assertThat(Files.readString(report)).contains("thread: JavaFX Application Thread", "event handler failed")
                    .doesNotContain("hunter2");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }
}
