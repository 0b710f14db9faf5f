package io.vigia.dashboards.ask;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Keeps the embedding model's native libraries out of {@code /tmp} (which may be mounted noexec),
 * as {@code -Dorg.sqlite.tmpdir} does for SQLite. ONNX Runtime loads from the directory in its
 * system property {@value #ORT_PATH} when set (OnnxRuntime.java, "onnxruntime.native.path"); else
 * it would copy its libraries into {@code java.io.tmpdir}. So before the first load they are copied
 * once, per version, into Vigia's cache directory ({@code -Dvigia.cache.dir}, set by the launcher;
 * else {@code $XDG_CACHE_HOME/vigia} or {@code ~/.cache/vigia}) and the property points there. DJL's
 * tokenizer library goes to the same cache ({@value #DJL_CACHE}, DJL's Utils.getEngineCacheDir) rather
 * than {@code ~/.djl.ai}, and DJL is put offline ({@value #DJL_OFFLINE}): it must never download.
 * A property the user or the installer set is left alone.
 */
final class NativeLibraries {
    static final String ORT_PATH = "onnxruntime.native.path";
    static final String DJL_CACHE = "ENGINE_CACHE_DIR";
    static final String DJL_OFFLINE = "ai.djl.offline";
    static final String CACHE_DIR = "vigia.cache.dir";

    private NativeLibraries() {
    }

    /** Prepares both libraries; idempotent, and cheap once the copies exist. */
    static synchronized void prepare() {
        Path cache = cacheDir();
        if (System.getProperty(DJL_OFFLINE) == null) {
            System.setProperty(DJL_OFFLINE, "true");
        }
        if (System.getProperty(DJL_CACHE) == null && System.getenv(DJL_CACHE) == null) {
            System.setProperty(DJL_CACHE, cache.resolve("djl").toString());
        }
        if (System.getProperty(ORT_PATH) == null) {
            System.setProperty(ORT_PATH, extractOnnxRuntime(cache).toString());
        }
    }

    static Path cacheDir() {
        String set = System.getProperty(CACHE_DIR);
        if (set != null && !set.isBlank()) {
            return Path.of(set);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("vigia");
    }

    /** Copies ONNX Runtime's two libraries for this platform into {@code cache/onnxruntime-VERSION}. */
    static Path extractOnnxRuntime(Path cache) {
        String platform = platform();
        String version = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        Path dir = cache.resolve("onnxruntime-" + (version == null ? "unknown" : version) + "-" + platform);
        String[] libs = {System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni")};
        try {
            Files.createDirectories(dir);
            for (String lib : libs) {
                Path target = dir.resolve(lib);
                if (Files.exists(target)) {
                    continue;
                }
                String resource = "/ai/onnxruntime/native/" + platform + "/" + lib;
                try (InputStream in = ai.onnxruntime.OrtEnvironment.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("ONNX Runtime has no native library for " + platform + " (" + resource + ")");
                    }
                    // copy beside the target, then move: a half-written library is never loaded
                    Path part = Files.createTempFile(dir, lib, ".part");
                    Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy ONNX Runtime's native library into " + dir, e);
        }
    }

    /** ONNX Runtime's folder names: linux-x64, linux-aarch64, osx-x64, osx-aarch64, win-x64 (OnnxRuntime.initOsArch). */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("mac") || os.contains("darwin") ? "osx" : os.contains("win") ? "win" : "linux";
        String a = arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x64";
        return o + "-" + a;
    }
}
