package io.vigia.persistence.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class OwnerOnlyFilesTest {
    @TempDir
    Path dir;

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void newFilesAre0600AndNewDirectories0700() throws Exception {
        Path file = dir.resolve("a/b/report.csv");
        try (Writer w = OwnerOnlyFiles.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("x");
        }
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(mode(dir.resolve("a"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("a/b"))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).isEqualTo("x");
    }

    @Test
    void anExistingWorldReadableFileIsNarrowedAndTruncated() throws Exception {
        Path file = dir.resolve("old.pdf");
        Files.writeString(file, "previous, longer content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        OwnerOnlyFiles.write(file, new byte[] {1, 2});
        assertThat(mode(file)).isEqualTo("rw-------");
        assertThat(Files.readAllBytes(file)).containsExactly(1, 2);
    }

    @Test
    void anExistingDirectoryKeepsItsMode() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        OwnerOnlyFiles.createDirectories(dir);
        assertThat(mode(dir)).isEqualTo("rwxr-xr-x");
    }
}
