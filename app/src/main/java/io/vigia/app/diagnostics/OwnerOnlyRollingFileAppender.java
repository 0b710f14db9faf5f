package io.vigia.app.diagnostics;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import io.vigia.persistence.files.OwnerOnlyFiles;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A rolling log file created 0600 in a 0700 folder, before logback opens it: logback itself
 * creates files with the process's umask (usually world-readable). Rolled files are renamed, so
 * they keep the mode; compression is not used because it would write new files.
 */
public final class OwnerOnlyRollingFileAppender extends RollingFileAppender<ILoggingEvent> {
    @Override
    public void openFile(String fileName) throws IOException {
        OwnerOnlyFiles.createFile(Path.of(fileName));
        super.openFile(fileName);
    }
}
