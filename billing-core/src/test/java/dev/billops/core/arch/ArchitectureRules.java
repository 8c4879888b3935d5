package dev.billops.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import java.util.ArrayList;
import java.util.List;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture rules of billing-core, parameterized by the root package so that each one can be
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
                .because("billing-core is the pure domain: infrastructure lives in the modules that implement its ports");
    }

    /**
     * No cycles between the packages directly under {@code root}. The one edge left out is the use
     * of the transitions bridge {@code root.internal.Transitions}: the aggregates register with it
     * and the services call it, while it names the aggregates' types.
     */
    static ArchRule noPackageCycles(String root) {
        String bridge = root + ".internal.Transitions";
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .ignoreDependency(DescribedPredicate.alwaysTrue(), DescribedPredicate.describe("the transitions bridge",
                        (JavaClass c) -> c.getName().equals(bridge) || c.getName().startsWith(bridge + "$")));
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
                .because("*.internal packages are not API");
    }

    /**
     * No public or protected member of a public type outside the {@code internal} packages names an
     * internal type (parameter, return, exception, field, type argument, supertype): what a host
     * can call is expressed in exported types only.
     */
    static ArchRule exportedSignaturesHideInternals(String root) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
                .that().resideInAPackage(root + "..").and().arePublic()
                .and().resideOutsideOfPackage("..internal..")
                .should(new ArchCondition<>("name only exported types in their public signatures") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        List<JavaType> involved = new ArrayList<>();
                        type.getRawSuperclass().ifPresent(involved::add);
                        involved.addAll(type.getRawInterfaces());
                        for (JavaMember member : type.getMembers()) {
                            if (!member.getModifiers().contains(JavaModifier.PUBLIC)
                                    && !member.getModifiers().contains(JavaModifier.PROTECTED)) {
                                continue;
                            }
                            if (member instanceof JavaCodeUnit unit) {
                                involved.add(unit.getReturnType());
                                involved.addAll(unit.getParameterTypes());
                                involved.addAll(unit.getExceptionTypes());
                            } else if (member instanceof JavaField field) {
                                involved.add(field.getType());
                            }
                            for (JavaType t : involved) {
                                for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                                    if (innermostInternal(raw.getPackageName()) >= 0) {
                                        events.add(SimpleConditionEvent.violated(member, member.getFullName()
                                                + " names internal type " + raw.getName()));
                                    }
                                }
                            }
                            involved.clear();
                        }
                    }
                });
    }

    /**
     * The layers of core: values, policies, events and exceptions ({@code root.x} for any x but
     * {@code internal}, {@code spi} and {@code memory}) depend on nothing above them; the store
     * ports ({@code spi}) only on values; the engines ({@code internal}) not on the facade (but
     * for the accessor that reaches behind it); the facade ({@code root} itself) on all. The
     * aggregates' registration with the transitions bridge ({@code root.internal.Transitions}) is
     * the one upward edge of the values.
     */
    static ArchRule layers(String root) {
        String bridge = root + ".internal.Transitions";
        return com.tngtech.archunit.library.Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("facade").definedBy(com.tngtech.archunit.base.DescribedPredicate.describe("in " + root,
                        (JavaClass c) -> c.getPackageName().equals(root)))
                .layer("memory").definedBy(root + ".memory..")
                .layer("internal").definedBy(root + ".internal..")
                .layer("spi").definedBy(root + ".spi..")
                .layer("values").definedBy(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "in the value packages of " + root, (JavaClass c) -> c.getPackageName().startsWith(root + ".")
                                && !c.getPackageName().startsWith(root + ".internal")
                                && !c.getPackageName().startsWith(root + ".spi")
                                && !c.getPackageName().startsWith(root + ".memory")))
                .whereLayer("facade").mayNotBeAccessedByAnyLayer()
                .whereLayer("memory").mayNotBeAccessedByAnyLayer()
                .whereLayer("internal").mayOnlyBeAccessedByLayers("facade")
                .whereLayer("spi").mayOnlyBeAccessedByLayers("facade", "internal", "memory")
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.describe("the internal accessor",
                        (JavaClass c) -> c.getSimpleName().equals("Internals")),
                        com.tngtech.archunit.base.DescribedPredicate.alwaysTrue())
                .ignoreDependency(DescribedPredicate.alwaysTrue(), DescribedPredicate.describe("the transitions bridge",
                        (JavaClass c) -> c.getName().equals(bridge) || c.getName().startsWith(bridge + "$")));
    }

    /** The facade's workflow types are obtained from the facade, never constructed by a host. */
    static ArchRule facadeHasNoPublicConstructors(String root) {
        return com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors()
                .that().areDeclaredInClassesThat().resideInAPackage(root)
                .and().areDeclaredInClassesThat().areNotRecords()
                .should().notBePublic()
                .because("hosts obtain the workflows from Billing and TenantBilling");
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
