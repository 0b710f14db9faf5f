package io.vigia.app.diagnostics;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import io.vigia.persistence.files.OwnerOnlyFiles;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The log file {@code vigia.log} in the state directory, rolled at 10 MB into {@code vigia.1.log}
 * .. {@code vigia.3.log}, with secrets masked like the terminal's log lines. Attached at start by
 * code rather than in logback.xml, because its folder is computed per platform and must be
 * created owner-only first.
 */
public final class LogFile {
    public static final String NAME = "vigia.log";
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{36} - %maskedMsg%n%maskedEx";

    private LogFile() {
    }

    /** Attaches the file appender to the root logger; empty (and logging goes on to stderr only) if the folder cannot be made. */
    public static Optional<Path> attach(Path dir) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return Optional.empty();
        }
        try {
            OwnerOnlyFiles.createDirectories(dir);
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(LogFile.class).warn("no log file: cannot create {}: {}", dir, e.toString());
            return Optional.empty();
        }
        Path file = dir.resolve(NAME);
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        layout.getInstanceConverterMap().put("maskedMsg", MaskedMessageConverter::new);
        layout.getInstanceConverterMap().put("maskedEx", MaskedThrowableConverter::new);
        layout.setPattern(PATTERN);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();

        OwnerOnlyRollingFileAppender appender = new OwnerOnlyRollingFileAppender();
        appender.setContext(context);
        appender.setName("FILE");
        appender.setFile(file.toString());
        appender.setEncoder(encoder);
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(dir.resolve("vigia.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("10MB"));
        trigger.start();
        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.start();
        if (!appender.isStarted()) {
            return Optional.empty();
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(appender);
        return Optional.of(file);
    }
}
