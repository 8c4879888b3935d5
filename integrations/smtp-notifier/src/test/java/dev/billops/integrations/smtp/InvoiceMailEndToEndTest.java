package dev.billops.integrations.smtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.pdf.InvoiceDocument;
import dev.billops.pdf.InvoicePdfRenderer;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.notify.BillingNotifications;
import dev.billops.testkit.clock.MutableClock;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole path a host wires up: an invoice issued through the core, its {@code invoice.issued}
 * event delivered to the built-in notifications listener, and the SMTP notifier, discovered by
 * the registry, mailing the client the invoice PDF rendered by billing-pdf.
 */
class InvoiceMailEndToEndTest {

    private static final TenantId FIRM = TenantId.of("firm");
    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final ClientId MUELLER = ClientId.of("mueller");
    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(LoopbackMail.setup("smtp"))
            .withPerMethodLifecycle(true);

    @Test
    void invoiceIssued_isMailedToTheClientWithItsRenderedPdf_onceEvenWhenTheEventComesAgain() throws Exception {
        InMemoryBillingStore store = new InMemoryBillingStore();
        Billing billing = Billing.builder().stores(store).clock(MutableClock.at(LocalDate.of(2026, 12, 1))).build();
        TenantBilling firm = billing.tenant(FIRM, Actor.user("owner@firm.test"));
        firm.profile().save(Tenant.of(FIRM, "Firm GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withEmail("office@firm.test")
                .withDefaultVatRate(new BigDecimal("19")));
        firm.clients().create(Client.of(MUELLER, "Müller & Söhne GmbH", ADDRESS, EUR)
                .withEmail("buchhaltung@mueller.example"));
        firm.projects().create(Project.of(ProjectId.of("web"), MUELLER, "Website"));
        firm.timekeepers().create(Timekeeper.of(TimekeeperId.of("alice"), "Alice"));
        firm.rates().create(new RateRule(RateRuleId.of("std"), RateScope.any(), UnitPrice.of(EUR, "100"),
                RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));
        LocalDate day = LocalDate.of(2026, 11, 16);
        firm.timeEntries().log(TimeEntry.of(ProjectId.of("web"), TimekeeperId.of("alice"), null,
                TimeSpan.of(LocalDateTime.of(day, LocalTime.of(9, 0)), LocalDateTime.of(day, LocalTime.of(12, 0)),
                        ZoneId.of("Europe/Berlin")), "Relaunch: Übersetzung ins Japanische (日本語)"));

        InvoicePdfRenderer renderer = InvoicePdfRenderer.create();
        Function<Invoice, byte[]> pdf = inv -> renderer.render(
                InvoiceDocument.of(firm.profile().get(), firm.clients().get(inv.clientId()), inv));

        try (PluginRegistry registry = PluginRegistry.builder()
                .discover(InvoiceMailEndToEndTest.class.getClassLoader())
                .configure("smtp", PluginConfig.of("smtp", Map.of("host", "127.0.0.1",
                        "port", Integer.toString(MAIL.getSmtp().getPort()), "from", "Firm GmbH <office@firm.test>")))
                .build()) {
            registry.add(new BillingNotifications(billing, registry, pdf));
            EventDelivery delivery = new EventDelivery(registry);

            Invoice draft = firm.invoices().draft(MUELLER, LocalDateRange.ofDay(day)).orElseThrow();
            Invoice issued = firm.invoices().issue(draft.id());
            for (int round = 0; round < 2; round++) {
                for (BillingEvent e : store.events(FIRM)) {
                    delivery.deliver(FIRM, e);
                }
            }

            assertTrue(MAIL.waitForIncomingEmail(5_000, 1));
            MimeMessage[] received = MAIL.getReceivedMessages();
            assertEquals(1, received.length, "delivered once although the events came twice");
            MimeMessage m = received[0];
            assertEquals("buchhaltung@mueller.example", m.getAllRecipients()[0].toString());
            assertEquals("Invoice " + issued.number() + " from Firm GmbH", m.getSubject());
            MimeMultipart mixed = (MimeMultipart) m.getContent();
            String text = ((String) mixed.getBodyPart(0).getContent()).replace("\r\n", "\n");
            assertTrue(text.contains("Müller & Söhne GmbH"), text);
            assertTrue(text.contains("Invoice: " + issued.number() + "\n"), text);
            BodyPart attachment = mixed.getBodyPart(1);
            assertEquals(issued.number() + ".pdf", attachment.getFileName());
            assertTrue(attachment.isMimeType("application/pdf"), attachment.getContentType());
            byte[] mailed;
            try (InputStream in = attachment.getInputStream()) {
                mailed = in.readAllBytes();
            }
            // billing-pdf renders byte-identical output for the same input: render again and compare
            assertArrayEquals(pdf.apply(firm.invoices().get(issued.id())), mailed);
        }
    }
}
