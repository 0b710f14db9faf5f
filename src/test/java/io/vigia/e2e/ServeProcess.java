package io.vigia.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vigia serve} (or {@code vigia scrape --serve}) as a separate process (the real launcher's
 * main class, the test class path), on a free loopback port; its URL is read from the line it prints.
 */
public final class ServeProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile(" on (http://[^ ]+) ");

    private final Process process;
    private final URI url;
    private final Path log;

    private ServeProcess(Process process, URI url, Path log) {
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** {@code vigia --workspace WS serve --listen 127.0.0.1:0 EXTRA...} */
    static ServeProcess start(Path workspace, Map<String, String> env, String... extraArgs) throws IOException, InterruptedException {
        return start(workspace, List.of(), env, extraArgs);
    }

    /** As {@link #start(Path, Map, String...)}, the JVM started with {@code jvmOptions} too (a benchmark's profiler). */
    public static ServeProcess start(Path workspace, List<String> jvmOptions, Map<String, String> env, String... extraArgs)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--workspace", workspace.toString(), "serve", "--listen", "127.0.0.1:0"));
        args.addAll(List.of(extraArgs));
        return run(jvmOptions, args, env);
    }

    /** {@code vigia ARGS...}, a command that prints "... on http://HOST:PORT ..." once it serves. */
    static ServeProcess run(List<String> args, Map<String, String> env) throws IOException, InterruptedException {
        return run(List.of(), args, env);
    }

    private static ServeProcess run(List<String> jvmOptions, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.vigia.app.Main"));
        cmd.addAll(args);
        Path log = Files.createTempFile("vigia-serve", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line = r.readLine();
                // keep draining stdout so the process never blocks on a full pipe
                Thread.ofVirtual().start(() -> {
                    try {
                        while (r.readLine() != null) {
                            // discard
                        }
                    } catch (IOException e) {
                        // process gone
                    }
                });
                return line;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = firstLine.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("vigia serve printed no address within 60 s: " + Files.readString(log), e);
        }
        Matcher m = line == null ? null : URL.matcher(line);
        if (m == null || !m.find()) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException("vigia serve did not start: " + line + "\n" + Files.readString(log));
        }
        return new ServeProcess(p, URI.create(m.group(1)), log);
    }

    public URI url() {
        return url;
    }

    /** The JVM's process id, for {@code /proc} and {@code jcmd}. */
    public long pid() {
        return process.pid();
    }

    /** {@code host:port}, as a Prometheus scrape target. */
    String target() {
        return url.getHost() + ":" + url.getPort();
    }

    public String stderr() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(log);
    }
}
