package dev.billops.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules of SPEC §1, parameterized by the root package so that each one can be
 * shown to fail on a deliberately bad fixture as well as to pass on the real code.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** Core stays pure: no JDBC, Jdbi, OpenPDF, Jackson, HTTP or mail. */
    static ArchRule noInfrastructureImports(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "org.jdbi..", "com.lowagie..", "org.openpdf..",
                        "com.fasterxml.jackson..", "java.net.http..", "jakarta.mail..", "javax.mail..",
                        "org.h2..", "org.postgresql..", "okhttp3..")
                .because("billing-core is the pure domain (SPEC §1)");
    }

    /** No cycles between the packages directly under {@code root}. */
    static ArchRule noPackageCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    /** Logging goes through slf4j only: no System.out/err, no java.util.logging. */
    static ArchRule onlySlf4jLogging(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().accessField(System.class, "out")
                .orShould().accessField(System.class, "err")
                .orShould().dependOnClassesThat().resideInAPackage("java.util.logging..")
                .because("library code logs through slf4j only");
    }

    /** A {@code x.internal} package is used only from {@code x} and its subpackages. */
    static ArchRule internalPackagesStayInternal(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should(useAnotherPackagesInternals())
                .because("*.internal packages are not API (SPEC §1)");
    }

    private static ArchCondition<JavaClass> useAnotherPackagesInternals() {
        return new ArchCondition<>("use classes of another package's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int at = innermostInternal(target);
                    if (at < 0) {
                        continue;
                    }
                    String owner = target.substring(0, at);
                    String from = origin.getPackageName();
                    boolean allowed = from.equals(owner) || from.startsWith(owner + ".");
                    if (!allowed) {
                        events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** Index of the last ".internal" segment of a package name, or -1. */
    private static int innermostInternal(String pkg) {
        int at = pkg.lastIndexOf(".internal");
        while (at >= 0) {
            int end = at + ".internal".length();
            if (end == pkg.length() || pkg.charAt(end) == '.') {
                return at;
            }
            at = pkg.lastIndexOf(".internal", at - 1);
        }
        return -1;
    }
}
