package dev.billops.jdbc;

import static com.tngtech.archunit.base.DescribedPredicate.anyElementThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * The exported surface of billing-jdbc (public members of public classes outside
 * {@code ..internal..}) neither declares {@link SQLException} nor hands out or takes Jdbi types:
 * database errors leave as {@code BillingException}s. Each rule is also shown failing on a fixture
 * that breaks it.
 */
class ExportedApiTest {

    private static final String JDBC = "dev.billops.jdbc";
    private static final String FIXTURE = "dev.billops.jdbc.archfixture";

    private static JavaClasses main() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(JDBC);
    }

    private static ArchRule noExportedThrowsSqlException(String root) {
        return noCodeUnits().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .should().declareThrowableOfType(SQLException.class)
                .because("database errors leave billing-jdbc as BillingExceptions");
    }

    private static ArchRule noExportedJdbiTypes(String root) {
        return noCodeUnits().that().arePublic()
                .and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage(root + "..")
                .and().areDeclaredInClassesThat().resideOutsideOfPackage("..internal..")
                .should().haveRawReturnType(resideInAPackage("org.jdbi.."))
                .orShould().haveRawParameterTypes(anyElementThat(resideInAPackage("org.jdbi..")))
                .because("Jdbi is an implementation detail of billing-jdbc");
    }

    @Test
    void exportedApi_declaresNoSqlException() {
        noExportedThrowsSqlException(JDBC).check(main());
    }

    @Test
    void exportedApi_mentionsNoJdbiType() {
        noExportedJdbiTypes(JDBC).check(main());
    }

    @Test
    void noExportedThrowsSqlException_fixtureDeclaringIt_fails() {
        assertThrows(AssertionError.class, () -> noExportedThrowsSqlException(FIXTURE)
                .check(new ClassFileImporter().importPackages(FIXTURE)));
    }

    @Test
    void noExportedJdbiTypes_fixtureReturningJdbi_fails() {
        assertThrows(AssertionError.class, () -> noExportedJdbiTypes(FIXTURE)
                .check(new ClassFileImporter().importPackages(FIXTURE)));
    }
}
