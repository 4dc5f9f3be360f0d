package io.rectify.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own, to be stopped and started while an application uses it: a
 * new cluster (initdb) in a directory of its own, on a free port of the loopback, with the server
 * binaries of the local installation ({@code /usr/lib/postgresql/<version>/bin}, or
 * {@code RECTIFY_TEST_PG_BIN}). The shared test server is never touched. PostgreSQL refuses to run
 * as root, so as root (CI) the binaries run as the {@code postgres} user. Closing it stops the
 * server and removes the cluster.
 */
final class PostgresOfItsOwn implements AutoCloseable {

    static final String USER = "postgres";

    private final Path bin;
    private final Path directory;
    final int port;

    private PostgresOfItsOwn(Path bin, Path directory, int port) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
    }

    /** A new cluster, started. */
    static PostgresOfItsOwn startNew() throws IOException, InterruptedException {
        Path bin = binaries();
        Path directory = Files.createTempDirectory("rectify-pg-");
        if (root()) {
            run(List.of("chown", USER, directory.toString()), directory);
        }
        PostgresOfItsOwn server = new PostgresOfItsOwn(bin, directory, freePort());
        server.postgres("initdb", "-D", server.data().toString(), "-U", USER, "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8", "--no-sync");
        server.start(false);
        return server;
    }

    String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabase(String name) throws SQLException {
        try (Connection connection = connect("postgres"); Statement sql = connection.createStatement()) {
            sql.execute("create database " + name);
        }
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    /** Stops the server as an operator's restart does: open transactions rolled back, connections closed. */
    void stop() throws IOException, InterruptedException {
        postgres("pg_ctl", "-D", data().toString(), "-m", "fast", "-w", "stop");
    }

    void start() throws IOException, InterruptedException {
        start(true);
    }

    private void start(boolean again) throws IOException, InterruptedException {
        // no fsync: a test's cluster needs no durability against a power cut, and the machine's disk is shared
        postgres("pg_ctl", "-D", data().toString(), "-l", directory.resolve(again ? "server-2.log" : "server.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + directory + " -c listen_addresses=127.0.0.1 -c fsync=off",
                "start");
    }

    private Path data() {
        return directory.resolve("data");
    }

    private void postgres(String program, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (root()) {
            command.addAll(List.of("runuser", "-u", USER, "--"));
        }
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(arguments));
        run(command, directory);
    }

    private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        Path output = Files.createTempFile("rectify-pg-command", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish within 2 minutes: " + Files.readString(output));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(command + " failed (" + process.exitValue() + "): " + Files.readString(output));
            }
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static Path binaries() throws IOException {
        String configured = System.getenv("RECTIFY_TEST_PG_BIN");
        if (configured != null) {
            return Path.of(configured);
        }
        Path installed = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.list(installed)) {
            return versions.filter(v -> Files.isExecutable(v.resolve("bin/pg_ctl")))
                    .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString().replaceAll("\\D", "0"))))
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() -> new AssertionError("no PostgreSQL server binaries under " + installed
                            + ": install postgresql or set RECTIFY_TEST_PG_BIN"));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new AssertionError("no PostgreSQL server binaries under " + installed
                    + ": install postgresql or set RECTIFY_TEST_PG_BIN", e);
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            postgres("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
        } catch (AssertionError alreadyStopped) {
            // stopped by the test, or never started
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
