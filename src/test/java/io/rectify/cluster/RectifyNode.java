package io.rectify.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.rectify.RectifyApplication;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One Rectify node as a process of its own (a SIGKILL needs a process): {@code java -cp <classpath>
 * io.rectify.RectifyApplication} with the given properties as arguments, on a free loopback port,
 * its output in a log file under {@code target/cluster/}.
 */
final class RectifyNode {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private RectifyNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /**
     * The settings every node of a test's cluster starts with, for the test to add its own to: the
     * production profile (its job executor, pool and schedules), the demo's regions, bodies and users
     * (the tests sign in as them and register their sites under them), the test's database, and one
     * data directory under {@code runDirectory} for all nodes, as production nodes must share their
     * attachments.
     */
    static Map<String, String> productionProperties(Map<String, String> database, Path runDirectory) {
        Map<String, String> properties = new HashMap<>(database);
        properties.put("spring.profiles.active", "prod");
        properties.put("rectify.demo", "true");
        properties.put("rectify.data-dir", runDirectory.resolve("data").toAbsolutePath().toString());
        return properties;
    }

    /** Starts the node and returns once its health endpoint says UP; fails with the log's tail otherwise. */
    static RectifyNode start(String name, String classPath, Path logDirectory, Map<String, String> properties) {
        int port = freePort();
        // the quick JIT alone and a serial collector: a faster start and less CPU taken from the other node on
        // a shared 2-core machine; this test is about what happens, not how fast
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Duser.timezone=UTC", "-Dfile.encoding=UTF-8",
                "-cp", classPath, RectifyApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Files.createDirectories(logDirectory);
            Path log = logDirectory.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            RectifyNode node = new RectifyNode(name, port, log, process);
            node.awaitHealthy();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start node " + name, e);
        }
    }

    /**
     * The test JVM's class path, without its empty entries: surefire's ends with a separator, and an
     * empty entry is the working directory, whose forms/ the application would then find twice.
     */
    static String testClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank()).collect(Collectors.joining(File.pathSeparator));
    }

    /** A connection to the nodes' database, for the test to read and prepare what the nodes share. */
    static DriverManagerDataSource database(Map<String, String> properties) {
        return new DriverManagerDataSource(properties.get("spring.datasource.url"), properties.get("spring.datasource.username"),
                properties.get("spring.datasource.password"));
    }

    String name() {
        return name;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no rollback by the node itself, its connections simply drop. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        // 128 + 9: the JDK's exit value of a process ended by SIGKILL
        if (process.exitValue() != 137) {
            throw new IllegalStateException("node " + name + " ended with " + process.exitValue() + ", not by SIGKILL");
        }
    }

    /** SIGTERM: Spring's graceful shutdown, the job executor stops and the process application undeploys. */
    void stop() {
        if (process.isAlive()) {
            process.destroy();
            awaitExit(Duration.ofSeconds(60));
        }
    }

    /** The last lines of the node's log, to read when a test fails. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "---- last " + Math.min(lines, all.size()) + " lines of " + log + " ----\n"
                    + String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log of " + name + ": " + e + ")";
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue()
                        + " before it was healthy\n" + logTail(80));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health")))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pause(Duration.ofMillis(500));
        }
        process.destroyForcibly();
        throw new IllegalStateException("node " + name + " was not healthy within " + START_TIMEOUT + "\n" + logTail(80));
    }

    private void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("node " + name + " still runs " + timeout + " after being told to end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.toHandle().isAlive()) {
            throw new IllegalStateException("node " + name + " is still alive");
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
