package dev.billops.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.jdbc.OutboxDispatcher;
import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.PluginRegistry;
import dev.billops.testkit.clock.MutableClock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The meters fed by a real store's outbox: issue, credit, pay, refund, fail a payment, run packages
 * and call a plugin, then read each meter of a {@link SimpleMeterRegistry}.
 */
class BillingMetersTest {

    private static final TenantId ACME = TenantId.of("acme");
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final CurrencyUnit JPY = Currencies.of("JPY");

    private final MutableClock clock = MutableClock.at(TODAY);
    private JdbcBillingStore store;
    private Billing billing;
    private BillingMeters meters;
    private MeterRegistry registry;
    private PluginRegistry plugins;
    private OutboxDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        store = JdbcStores.h2InMemory("meters-" + UUID.randomUUID());
        billing = Billing.builder().stores(store).clock(clock).build();
        meters = BillingMeters.builder().clock(clock).billing(billing).outboxBacklog(store.outbox()::pendingCount).build();
        registry = new SimpleMeterRegistry();
        meters.bindTo(registry);
        Notifier mailer = new Notifier() {
            @Override
            public String id() {
                return "mailer";
            }

            @Override
            public void send(Notification notification) {
            }
        };
        plugins = PluginRegistry.builder().register(meters).register(mailer).callListener(meters).build();
        EventDelivery delivery = new EventDelivery(plugins);
        dispatcher = new OutboxDispatcher(store.outbox(clock), m -> delivery.deliver(m.tenant(), m.event()));
    }

    @AfterEach
    void tearDown() {
        plugins.close();
        store.close();
    }

    @Test
    void meters_issuePayRunPackagesCallPlugin_eachMeterCounts() {
        TenantBilling acme = billing.tenant(ACME, Actor.user("alice@acme.test"));
        Address berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
        acme.profile().save(Tenant.of(ACME, "Acme Consulting GmbH", berlin).withVatId("DE123456789")
                .withEmail("billing@acme.test").withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19")));
        ClientId globex = acme.clients().create(Client.of(ClientId.generate(), "Globex GmbH", berlin, EUR)).id();
        ClientId tokyo = acme.clients().create(Client.of(ClientId.generate(), "Tokyo KK",
                Address.of("1-1 Chiyoda", "100-0001", "Tokyo", "JP"), JPY)).id();
        ProjectId website = acme.projects().create(Project.of(ProjectId.generate(), globex, "Website")).id();
        TimekeeperId alice = acme.timekeepers().create(Timekeeper.of(TimekeeperId.generate(), "Alice")).id();
        acme.rates().create(new RateRule(RateRuleId.generate(), RateScope.project(website), UnitPrice.of(EUR, "120"),
                RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));
        LocalDateTime start = LocalDateTime.of(2026, 11, 3, 9, 0);
        acme.timeEntries().log(TimeEntry.of(website, alice, null, TimeSpan.of(start, start.plusHours(3),
                ZoneId.of("Europe/Berlin")), "Sprint planning"));

        // 3 h x 120.00 = 360.00 + 19 % VAT = 428.40 EUR
        Invoice issued = acme.invoices().issue(acme.invoices().draft(globex,
                LocalDateRange.ofMonth(YearMonth.of(2026, 11))).orElseThrow().id());
        assertEquals(Money.of(EUR, new BigDecimal("428.40")), issued.totals().payable());
        acme.invoices().creditAmount(issued.id(), Money.of(EUR, new BigDecimal("20.00")), "goodwill");
        Payment paid = acme.payments().record(PaymentRequest.of(globex, Money.of(EUR, new BigDecimal("200.00"))));
        acme.payments().refund(paid.id(), Money.of(EUR, new BigDecimal("50.00")));
        acme.payments().recordFailed(PaymentRequest.of(globex, Money.of(EUR, new BigDecimal("10.05"))), issued.id(),
                "card declined");

        acme.engagements().create(Engagement.ofPackage(EngagementId.of("E1"), tokyo, "Retainer",
                Money.of(JPY, new BigDecimal("50000")), PackageSchedule.MONTHLY, LocalDate.of(2026, 12, 1), null));
        PackageRunOptions options = PackageRunOptions.all();
        PackageRunResult dry = meters.timePackageRun(true,
                () -> billing.packages(Actor.system("scheduler")).run(TODAY, options.dryRun(true)));
        PackageRunResult real = meters.timePackageRun(
                () -> billing.packages(Actor.system("scheduler")).run(TODAY, options));
        PackageRunResult again = meters.timePackageRun(
                () -> billing.packages(Actor.system("scheduler")).run(TODAY, options));
        assertEquals(1, dry.created().size(), dry.toString());
        assertEquals(1, real.created().size(), real.toString());
        assertEquals(1, again.skipped().size(), again.toString());
        assertThrows(IllegalStateException.class, () -> meters.timePackageRun(() -> {
            throw new IllegalStateException("database gone");
        }));

        plugins.notifier("mailer").send(Notification.of(Notification.Kind.OTHER, ACME, "hello", "body"));

        long pending = store.outbox().pendingCount();
        assertTrue(pending >= 7, "events written: " + pending);
        assertEquals(pending, registry.get(BillingMeters.OUTBOX_BACKLOG).gauge().value());
        clock.advance(Duration.ofSeconds(5));
        int delivered = 0;
        for (int n = dispatcher.dispatchOnce(100); n > 0; n = dispatcher.dispatchOnce(100)) {
            delivered += n;
        }
        assertEquals(pending, delivered);
        assertEquals(0.0, registry.get(BillingMeters.OUTBOX_BACKLOG).gauge().value());

        // documents and payments: counts, and amounts in minor units per currency
        assertEquals(2.0, count(BillingMeters.INVOICES_ISSUED), "the hourly invoice and the package invoice");
        assertAmount(BillingMeters.INVOICES_ISSUED, "EUR", 1, 42840);
        assertAmount(BillingMeters.INVOICES_ISSUED, "JPY", 1, real.created().get(0).total().toMinor());
        assertEquals(1.0, count(BillingMeters.CREDIT_NOTES));
        assertAmount(BillingMeters.CREDIT_NOTES, "EUR", 1, 2000);
        assertEquals(1.0, count(BillingMeters.PAYMENTS_RECORDED));
        assertAmount(BillingMeters.PAYMENTS_RECORDED, "EUR", 1, 20000);
        assertEquals(1.0, count(BillingMeters.PAYMENTS_REFUNDED));
        assertAmount(BillingMeters.PAYMENTS_REFUNDED, "EUR", 1, 5000);
        assertEquals(1.0, count(BillingMeters.PAYMENTS_FAILED));
        assertAmount(BillingMeters.PAYMENTS_FAILED, "EUR", 1, 1005);
        assertNull(registry.find(BillingMeters.PAYMENTS_RECORDED + BillingMeters.AMOUNT_SUFFIX).tag("currency", "JPY")
                .summary());

        // package runs: duration by outcome, periods by outcome
        assertEquals(1, packageRuns("succeeded", "true").count());
        assertEquals(2, packageRuns("succeeded", "false").count());
        assertEquals(1, packageRuns("error", "false").count());
        assertTrue(packageRuns("succeeded", "false").totalTime(TimeUnit.NANOSECONDS) > 0);
        assertEquals(1.0, periods("created", "true"));
        assertEquals(1.0, periods("created", "false"));
        assertEquals(1.0, periods("skipped", "false"));
        assertEquals(0.0, periods("failed", "false"));

        // plugin calls, the meters' own listener included
        assertEquals(1, pluginCalls("mailer", "send", "success").count());
        assertEquals(pending, pluginCalls(BillingMeters.ID, "onEvent", "success").count());

        // delivery lag: every event was delivered 5 s after it was written
        Timer lag = registry.get(BillingMeters.OUTBOX_DELIVERY_LAG).timer();
        assertEquals(pending, lag.count());
        assertEquals(5.0, lag.max(TimeUnit.SECONDS));
        assertEquals(5.0 * pending, lag.totalTime(TimeUnit.SECONDS), 1e-9);
    }

    @Test
    void bindTo_beforeAnyEvent_countersAtZeroAndBindingTwiceIsHarmless() {
        meters.bindTo(registry);
        assertEquals(0.0, count(BillingMeters.INVOICES_ISSUED));
        assertEquals(0.0, count(BillingMeters.PAYMENTS_FAILED));
        assertEquals(1, registry.find(BillingMeters.INVOICES_ISSUED).counters().size());
        assertNotNull(registry.find(BillingMeters.OUTBOX_BACKLOG).gauge());
    }

    @Test
    void outboxBacklog_sourceFails_gaugeIsNaN() {
        BillingMeters broken = BillingMeters.builder().outboxBacklog(() -> {
            throw new IllegalStateException("no database");
        }).build();
        MeterRegistry r = new SimpleMeterRegistry();
        broken.bindTo(r);
        assertTrue(Double.isNaN(r.get(BillingMeters.OUTBOX_BACKLOG).gauge().value()));
    }

    private double count(String name) {
        return registry.get(name).counter().count();
    }

    private void assertAmount(String name, String currency, long count, long totalMinor) {
        DistributionSummary s = registry.get(name + BillingMeters.AMOUNT_SUFFIX).tag("currency", currency).summary();
        assertEquals(count, s.count(), name + " " + currency);
        assertEquals((double) totalMinor, s.totalAmount(), name + " " + currency);
        assertEquals(BillingMeters.AMOUNT_UNIT, s.getId().getBaseUnit());
    }

    private Timer packageRuns(String outcome, String dryRun) {
        return registry.get(BillingMeters.PACKAGE_RUNS).tag("outcome", outcome).tag("dry.run", dryRun).timer();
    }

    private double periods(String outcome, String dryRun) {
        return registry.get(BillingMeters.PACKAGE_RUN_PERIODS).tag("outcome", outcome).tag("dry.run", dryRun)
                .counter().count();
    }

    private Timer pluginCalls(String plugin, String operation, String outcome) {
        return registry.get(BillingMeters.PLUGIN_CALLS).tag("plugin", plugin).tag("operation", operation)
                .tag("outcome", outcome).timer();
    }
}
