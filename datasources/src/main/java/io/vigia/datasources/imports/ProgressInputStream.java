package io.vigia.datasources.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CancellationException;

/** Counts bytes for progress and stops the read (CancellationException) once the import is cancelled. */
final class ProgressInputStream extends FilterInputStream {
    private static final long REPORT_EVERY = 256 * 1024;
    private final ImportProgress progress;
    private final long total;
    private long read;
    private long lastReport;

    ProgressInputStream(InputStream in, long total, ImportProgress progress) {
        super(in);
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        check();
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void check() {
        if (progress.isCancelled()) {
            throw new CancellationException("import cancelled");
        }
    }

    private void count(int n) {
        read += n;
        if (read - lastReport >= REPORT_EVERY || read == total) {
            lastReport = read;
            progress.progress(read, total);
        }
    }
}
