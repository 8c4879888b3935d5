package dev.billops.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract stays apart from the runtime, without ArchUnit: {@code dev.billops.spi} (what a
 * plugin author implements) uses nothing of {@code dev.billops.spi.runtime}; the runtime uses none
 * of its service sub-packages ({@code notify}, {@code autopay}, {@code calendar}), which use each
 * other not at all; and main code uses no test-scope module (billing-jdbc, the testkit).
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/billops/spi");
    private static final Pattern REFERENCE = Pattern.compile(
            "dev\\.billops\\.(spi\\.runtime(?:\\.(notify|autopay|calendar))?|jdbc|testkit)\\b");

    /** Which references of the pattern a package may make. */
    private static boolean allowed(String own, String target) {
        if (target.equals("jdbc") || target.equals("testkit")) {
            return false;
        }
        if (own.isEmpty()) {
            return false; // the contract knows no runtime
        }
        return target.equals("spi.runtime") || target.equals("spi." + own.replace('/', '.'));
    }

    @Test
    void mainSources_contractIndependentOfRuntime_noCycles_noTestScopeModules() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the module directory: " + Path.of("").toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(MAIN)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String own = MAIN.relativize(file.getParent()).toString();
                Matcher m = REFERENCE.matcher(Files.readString(file));
                while (m.find()) {
                    if (!allowed(own, m.group(1))) {
                        violations.add(file + " uses dev.billops." + m.group(1));
                    }
                }
            }
        }
        assertTrue(files > 20, "found only " + files + " source files");
        assertEquals(List.of(), violations);
    }

    @Test
    void allowed_contractUsingRuntime_isAViolation() {
        assertTrue(!allowed("", "spi.runtime") && !allowed("", "spi.runtime.notify"));
        assertTrue(!allowed("runtime", "spi.runtime.autopay") && !allowed("runtime/notify", "spi.runtime.autopay"));
        assertTrue(allowed("runtime/notify", "spi.runtime") && allowed("runtime/notify", "spi.runtime.notify"));
        assertTrue(!allowed("runtime", "jdbc") && !allowed("runtime/calendar", "testkit"));
    }
}
