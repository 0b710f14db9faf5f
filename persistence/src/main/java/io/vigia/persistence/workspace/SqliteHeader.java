package io.vigia.persistence.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The 100-byte header of an SQLite file (https://www.sqlite.org/fileformat.html#the_database_header),
 * read without opening the database so that a foreign, newer or truncated file is refused before
 * SQLite could write a single byte to it.
 */
record SqliteHeader(int pageSize, long pageCount, boolean pageCountValid, int userVersion, int applicationId) {

    static final int SIZE = 100;
    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /** Reads the header; {@code null} when the file is not an SQLite database. */
    static SqliteHeader read(Path file) throws IOException {
        byte[] b = new byte[SIZE];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(b, 0, SIZE);
        }
        if (n < SIZE || !Arrays.equals(b, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        ByteBuffer buf = ByteBuffer.wrap(b); // SQLite stores integers big-endian
        int rawPageSize = Short.toUnsignedInt(buf.getShort(16));
        int pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
        if (pageSize < 512 || Integer.bitCount(pageSize) != 1) {
            return null;
        }
        int changeCounter = buf.getInt(24);
        long pageCount = Integer.toUnsignedLong(buf.getInt(28));
        int versionValidFor = buf.getInt(92);
        // the in-header size is only trusted when written by SQLite 3.7.0+ in the same change
        boolean valid = pageCount > 0 && changeCounter == versionValidFor;
        return new SqliteHeader(pageSize, pageCount, valid, buf.getInt(60), buf.getInt(68));
    }

    long expectedBytes() {
        return pageSize * pageCount;
    }
}
