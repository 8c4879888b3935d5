package dev.billops.integrations.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import dev.billops.spi.PluginConfig;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.spi.runtime.notify.BillingNotifications;
import dev.billops.testkit.clock.MutableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/**
 * An invoice issued through the core, its {@code invoice.issued} event delivered (twice) to the
 * built-in notifications listener, and the Slack notifier discovered by the registry posting it
 * once to the webhook with the invoice's facts.
 */
class InvoicePostEndToEndTest {

    private static final TenantId FIRM = TenantId.of("firm");
    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final ClientId MUELLER = ClientId.of("mueller");
    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    @Test
    void invoiceIssued_isPostedOnceWithItsFactsAndThePdfNamed() throws Exception {
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
                TimeSpan.of(LocalDateTime.of(day, LocalTime.of(9, 0)), LocalDateTime.of(day, LocalTime.of(11, 0)),
                        ZoneId.of("Europe/Berlin")), "Relaunch"));

        try (WebhookServer server = new WebhookServer();
                PluginRegistry registry = PluginRegistry.builder()
                        .discover(InvoicePostEndToEndTest.class.getClassLoader())
                        .configure("slack", PluginConfig.empty().withSecret("webhookUrl",
                                server.webhookUrl().toString()))
                        .build()) {
            // a host's renderer; the PDF's content does not matter to Slack, only its name
            registry.add(new BillingNotifications(billing, registry,
                    inv -> ("%PDF-1.7 " + inv.number()).getBytes(StandardCharsets.US_ASCII)));
            EventDelivery delivery = new EventDelivery(registry);

            Invoice draft = firm.invoices().draft(MUELLER, LocalDateRange.ofDay(day)).orElseThrow();
            Invoice issued = firm.invoices().issue(draft.id());
            for (int round = 0; round < 2; round++) {
                for (BillingEvent e : store.events(FIRM)) {
                    delivery.deliver(FIRM, e);
                }
            }

            assertEquals(1, server.count(), "posted once although the events came twice");
            JsonNode blocks = new ObjectMapper().readTree(server.next().body()).path("blocks");
            assertEquals("Invoice " + issued.number() + " from Firm GmbH",
                    blocks.get(0).path("text").path("text").asText());
            assertTrue(blocks.get(1).path("text").path("text").asText().contains("Müller &amp; Söhne GmbH"),
                    blocks.toString());
            Map<String, String> fields = new HashMap<>();
            for (JsonNode field : blocks.get(2).path("fields")) {
                String[] kv = field.path("text").asText().split("\n", 2);
                fields.put(kv[0].replace("*", ""), kv[1]);
            }
            assertEquals(issued.number(), fields.get("Invoice"), fields.toString());
            assertEquals("EUR 238.00", fields.get("Amount"), fields.toString());
            assertEquals(issued.dueDate().toString(), fields.get("Due date"), fields.toString());
            assertTrue(blocks.get(3).path("elements").get(0).path("text").asText()
                    .contains(issued.number() + ".pdf"), blocks.toString());
        }
    }
}
