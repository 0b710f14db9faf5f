package io.vigia.persistence.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files only their owner may read: the workspace's neighbours, exported reports, logs and crash
 * reports hold telemetry of production systems. Mode 0600 for files and 0700 for the directories
 * created here, set when the file is created (never a window in which it is world-readable). On a
 * file system without POSIX permissions (FAT, Windows) files are written as usual: the parent
 * folder's ACL governs there.
 */
public final class OwnerOnlyFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnlyFiles() {
    }

    /** Creates the missing directories of {@code dir}, each 0700; existing ones are left as they are. */
    public static Path createDirectories(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return dir;
        }
        if (abs.getParent() != null) {
            createDirectories(abs.getParent());
        }
        try {
            if (posix(abs.getParent())) {
                Files.createDirectory(abs, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(abs);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(abs)) {
                throw raced;
            }
        }
        return dir;
    }

    /** Makes sure {@code file} exists and is 0600 (an existing file is narrowed to 0600). */
    public static Path createFile(Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            createDirectories(abs.getParent());
        }
        if (!posix(abs.getParent())) {
            if (!Files.exists(abs)) {
                Files.createFile(abs);
            }
            return file;
        }
        try {
            Files.createFile(abs, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            Files.setPosixFilePermissions(abs, FILE);
        }
        return file;
    }

    /** A new or truncated 0600 file. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        createFile(file);
        return Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    public static BufferedWriter newBufferedWriter(Path file, Charset charset) throws IOException {
        return new BufferedWriter(new OutputStreamWriter(newOutputStream(file), charset.newEncoder()));
    }

    public static Path write(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }

    private static boolean posix(Path p) {
        return p != null && p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
