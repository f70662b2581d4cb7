package org.bawaba.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `./bawaba run` refuses to start, says what to do and starts nothing when the machine is not
 * ready. Each case runs the launcher with its own runtime folder, beside any running suite.
 */
class LauncherPreflightIT {

    private static final Path ROOT = Path.of(System.getProperty("user.dir")).resolve("../..").normalize();

    @TempDir
    Path runtime;

    @Test
    void redisNotAnsweringIsReportedWithWhatToDoAndNothingStarts() throws Exception {
        var result = run(Map.of("REDIS_PORT", String.valueOf(freePort())));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("nothing was started").contains("Redis is not answering")
            .contains("redis-server");
        assertNothingStarted();
    }

    @Test
    void postgresqlUnreachableIsReportedWithWhatToDoAndNothingStarts() throws Exception {
        var result = run(Map.of("PGPORT", String.valueOf(freePort())));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("PostgreSQL is not reachable").contains("pg_ctlcluster");
        assertNothingStarted();
    }

    @Test
    void aPortAlreadyTakenIsNamedWithItsComponentAndNothingStarts() throws Exception {
        try (var taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            var result = run(Map.of("KAFKA_PORT", String.valueOf(port)));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderr()).contains("port " + port + " (needed by kafka) is already in use")
                .contains("KAFKA_PORT=<port>");
            assertNothingStarted();
        }
    }

    private void assertNothingStarted() throws IOException {
        Path pids = runtime.resolve("run");
        if (Files.isDirectory(pids)) {
            try (var files = Files.list(pids)) {
                assertThat(files).as("pid files").isEmpty();
            }
        }
    }

    private Result run(Map<String, String> env) throws Exception {
        var builder = new ProcessBuilder(ROOT.resolve("bawaba").toString(), "run").directory(ROOT.toFile());
        builder.environment().put("BAWABA_RUNTIME", runtime.toString());
        builder.environment().putAll(env);
        builder.redirectOutput(runtime.resolve("stdout.txt").toFile());
        builder.redirectError(runtime.resolve("stderr.txt").toFile());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher answers at once").isTrue();
        return new Result(process.exitValue(),
            Files.readString(runtime.resolve("stderr.txt"), StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Result(int exitCode, String stderr) {
    }
}
