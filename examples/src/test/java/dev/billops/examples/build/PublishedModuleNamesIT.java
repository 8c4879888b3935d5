package dev.billops.examples.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * Every published jar carries a stable {@code Automatic-Module-Name}, so hosts on the module path can
 * {@code requires dev.billops.core;} today and keep that line when the jars get a {@code module-info}.
 *
 * <p>An integration test (failsafe, {@code integration-test} phase): only after {@code package} does the
 * reactor hand the other modules over as their built jars, which is what this reads.
 */
class PublishedModuleNamesIT {

    /** artifactId → expected module name, with one class that lives in that jar. */
    private static final Map<String, Map.Entry<String, String>> PUBLISHED = new LinkedHashMap<>();

    static {
        published("billing-core", "dev.billops.core", "dev.billops.core.Billing");
        published("billing-testkit", "dev.billops.testkit", "dev.billops.testkit.contract.StoreContractSuite");
        published("billing-testkit-base", "dev.billops.testkit.base", "dev.billops.testkit.clock.MutableClock");
        published("billing-jackson", "dev.billops.jackson", "dev.billops.jackson.BillOpsJacksonModule");
        published("billing-jackson3", "dev.billops.jackson3", "dev.billops.jackson3.BillOpsJackson3Module");
        published("billing-jdbc", "dev.billops.jdbc", "dev.billops.jdbc.JdbcStores");
        published("billing-pdf", "dev.billops.pdf", "dev.billops.pdf.InvoicePdfRenderer");
        published("billing-bank", "dev.billops.bank", "dev.billops.bank.CamtReader");
        published("billing-einvoice", "dev.billops.einvoice", "dev.billops.einvoice.EInvoiceWriter");
        published("billing-einvoice-validation", "dev.billops.einvoice.validation",
                "dev.billops.einvoice.validation.EInvoiceValidator");
        published("billing-integrations-spi", "dev.billops.spi", "dev.billops.spi.runtime.PluginRegistry");
        published("billing-ics-calendar", "dev.billops.integrations.ics", "dev.billops.integrations.ics.IcsCalendarSource");
        published("billing-caldav-calendar", "dev.billops.integrations.caldav",
                "dev.billops.integrations.caldav.CalDavCalendar");
        published("billing-slack-notifier", "dev.billops.integrations.slack", "dev.billops.integrations.slack.SlackNotifier");
        published("billing-smtp-notifier", "dev.billops.integrations.smtp", "dev.billops.integrations.smtp.SmtpNotifier");
        published("billing-filesystem-store", "dev.billops.integrations.filestore",
                "dev.billops.integrations.filestore.FileSystemDocumentStore");
    }

    private static void published(String artifactId, String moduleName, String className) {
        PUBLISHED.put(artifactId, Map.entry(moduleName, className));
    }

    @Test
    void manifest_everyPublishedJar_hasItsStableAutomaticModuleName() throws Exception {
        for (Map.Entry<String, Map.Entry<String, String>> module : PUBLISHED.entrySet()) {
            String artifactId = module.getKey();
            String expected = module.getValue().getKey();
            Path jar = locationOf(module.getValue().getValue());
            assertTrue(Files.isRegularFile(jar) && jar.getFileName().toString().startsWith(artifactId + "-"),
                    artifactId + " is not on the class path as its built jar but as " + jar
                            + " (run this test in the integration-test phase of a reactor build)");
            try (JarFile file = new JarFile(jar.toFile())) {
                assertEquals(expected, file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"),
                        "Automatic-Module-Name of " + jar.getFileName());
            }
            assertEquals(List.of(expected), moduleNames(jar), "module name the JDK derives for " + jar.getFileName());
        }
    }

    private static List<String> moduleNames(Path jar) {
        return ModuleFinder.of(jar).findAll().stream().map(ref -> ref.descriptor()).map(ModuleDescriptor::name).toList();
    }

    private static Path locationOf(String className) throws ClassNotFoundException, URISyntaxException, IOException {
        Class<?> type = Class.forName(className, false, PublishedModuleNamesIT.class.getClassLoader());
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toRealPath();
    }
}
