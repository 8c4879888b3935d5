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
 * The module's packages stay acyclic without ArchUnit: {@code dev.billops.spi} uses none of its
 * sub-packages, the sub-packages ({@code notify}, {@code autopay}, {@code calendar}) use each
 * other not at all, and main code uses no test-scope module (billing-jdbc, the testkit).
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/dev/billops/spi");
    private static final Pattern REFERENCE = Pattern.compile("dev\\.billops\\.(spi\\.(notify|autopay|calendar)|jdbc|testkit)\\b");

    @Test
    void mainSources_noCycleBetweenSpiPackages_noTestScopeModules() throws IOException {
        assertTrue(Files.isDirectory(MAIN), "run from the module directory: " + Path.of("").toAbsolutePath());
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> all = Files.walk(MAIN)) {
            for (Path file : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                String own = MAIN.relativize(file.getParent()).toString();
                String text = Files.readString(file);
                Matcher m = REFERENCE.matcher(text);
                while (m.find()) {
                    String target = m.group(2) != null ? m.group(2) : m.group(1);
                    if (!target.equals(own)) {
                        violations.add(file + " uses dev.billops." + m.group(1));
                    }
                }
            }
        }
        assertTrue(files > 20, "found only " + files + " source files");
        assertEquals(List.of(), violations);
    }
}
