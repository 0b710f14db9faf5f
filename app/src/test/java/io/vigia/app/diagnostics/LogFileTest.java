package io.vigia.app.diagnostics;

import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class LogFileTest {
    @TempDir
    Path dir;

    @Test
    void theLogFileIsOwnerOnlyAndMasksMessagesAndStackTraces() throws Exception {
        Path logs = dir.resolve("state/vigia");
        Path file = LogFile.attach(logs).orElseThrow();
        try {
            Logger log = LoggerFactory.getLogger("io.vigia.test.LogFileTest");
            log.warn("connecting to http://bob:s3cr3t-pw@db.example:5432 with Authorization: Bearer abcdefgh12345678",
                    new IllegalStateException("token=tok-9f8e7d6c5b4a"));
            String text = Files.readString(file);
            assertThat(text).contains("connecting to http://[REDACTED:url_credentials]@db.example:5432", "Bearer [REDACTED:bearer_token]",
                    "java.lang.IllegalStateException: token=[REDACTED:credential]");
            assertThat(text).doesNotContain("s3cr3t-pw", "abcdefgh12345678", "tok-9f8e7d6c5b4a");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(logs))).isEqualTo("rwx------");
        } finally {
            LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
            var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
            context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
            appender.stop();
        }
    }
}
