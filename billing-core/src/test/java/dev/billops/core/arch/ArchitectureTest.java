package dev.billops.core.arch;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks billing-core's architecture rules, and shows each rule failing on a fixture that breaks
 * it (a rule that cannot fail proves nothing).
 */
class ArchitectureTest {

    private static final String CORE = "dev.billops.core";
    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(CORE);
    }

    private static JavaClasses fixture(String name) {
        return new ClassFileImporter().importPackages("dev.billops.archfixture." + name);
    }

    @Test
    void core_importsNoInfrastructure() {
        ArchitectureRules.noInfrastructureImports(CORE).check(core);
    }

    @Test
    void core_hasNoPackageCycles() {
        ArchitectureRules.noPackageCycles(CORE).check(core);
    }

    @Test
    void core_logsOnlyThroughSlf4j() {
        ArchitectureRules.onlySlf4jLogging(CORE).check(core);
    }

    @Test
    void core_usesNoForeignInternals() {
        ArchitectureRules.internalPackagesStayInternal(CORE).check(core);
    }

    @Test
    void core_exportedSignaturesHideInternals() {
        ArchitectureRules.exportedSignaturesHideInternals(CORE).check(core);
    }

    @Test
    void core_layersDependDownwardsOnly() {
        ArchitectureRules.layers(CORE).check(core);
    }

    @Test
    void core_facadeHasNoPublicConstructors() {
        ArchitectureRules.facadeHasNoPublicConstructors(CORE).check(core);
    }

    @Test
    void exportedSignaturesHideInternals_fixtureReturningInternalType_fails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules
                .exportedSignaturesHideInternals("dev.billops.archfixture.exported").check(fixture("exported")));
    }

    @Test
    void layers_fixtureValueCallingEngine_fails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules
                .layers("dev.billops.archfixture.layers").check(fixture("layers")));
    }

    @Test
    void facadeHasNoPublicConstructors_fixtureWithPublicConstructor_fails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules
                .facadeHasNoPublicConstructors("dev.billops.archfixture.facade").check(fixture("facade")));
    }

    @Test
    void noInfrastructureImports_fixtureUsingJdbc_fails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules
                .noInfrastructureImports("dev.billops.archfixture.imports").check(fixture("imports")));
    }

    @Test
    void noPackageCycles_fixtureWithCycle_fails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules
                .noPackageCycles("dev.billops.archfixture.cycle").check(fixture("cycle")));
    }

    @Test
    void onlySlf4jLogging_fixturePrintingToStdout_fails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules
                .onlySlf4jLogging("dev.billops.archfixture.logging").check(fixture("logging")));
    }

    @Test
    void internalPackagesStayInternal_fixtureUsingForeignInternal_fails() {
        assertThrows(AssertionError.class, () -> ArchitectureRules
                .internalPackagesStayInternal("dev.billops.archfixture.internal").check(fixture("internal")));
    }

    @Test
    void internalPackagesStayInternal_ownerUsingItsInternal_passes() {
        ArchitectureRules.internalPackagesStayInternal("dev.billops.archfixture.internal")
                .check(new ClassFileImporter().importPackages("dev.billops.archfixture.internal.owner"));
    }
}
