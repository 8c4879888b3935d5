package dev.billops.examples.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runnable jar the README's commands use ({@code java -jar examples/target/billops-examples-*.jar},
 * libraries in {@code target/lib}) works on its own runtime class path: a command that opens the
 * stores and writes a report runs in a fresh JVM. Tests run on the test class path, which can hold
 * a library that the runtime one lacks (a test-scoped declaration that hides a transitive runtime
 * dependency did exactly that to the demo).
 */
class RunnableJarIT {

    @TempDir
    Path dir;

    @Test
    void runnableJar_agingOnAFreshDatabase_runsOnItsRuntimeClassPath() throws IOException, InterruptedException {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("billops-examples-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().contains("sources")
                            && !p.getFileName().toString().contains("javadoc"))
                    .findFirst().orElseThrow(() -> new AssertionError("no runnable jar in target/"));
        }
        String db = "jdbc:h2:" + dir.resolve("db").toAbsolutePath() + ";MODE=PostgreSQL";
        Process p = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "aging", "--db", db, "--date", "2027-01-20"))
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(done, "still running: " + output);
        assertEquals(0, p.exitValue(), output);
        assertTrue(!output.contains("NoClassDefFoundError") && !output.contains("Exception"), output);
    }
}
