package dev.billops.testkit.gen;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.EventTypes;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.Payment;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.testkit.contract.Fixtures;
import dev.billops.testkit.property.Gen;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.money.CurrencyUnit;

/**
 * One or more sample of every public BillOps value type (money, ids, ranges, parties, projects,
 * rates, entries, invoices, payments, engagements, every core event), for serialization tests:
 * a JSON, XML or Protobuf mapping that writes and reads back each sample equal to itself covers the
 * public values. Generated from a seed (same seed, same samples), plus the hand-made "rich"
 * fixtures that fill every optional field and use hostile texts.
 */
public final class PublicValueSamples {

    /** A value and the type to read it back as. */
    public record Sample<T>(Class<T> type, T value) {
        public Sample {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(value, "value");
        }
    }

    /** The core event types, each sampled by {@link #of}. */
    public static final List<Class<? extends BillingEvent>> CORE_EVENT_TYPES = List.copyOf(EventTypes.core().values());

    private PublicValueSamples() {
    }

    /** The samples drawn with {@code seed}: {@code perType} generated values of each type plus the fixtures. */
    public static List<Sample<?>> of(long seed, int perType) {
        if (perType < 1) {
            throw new IllegalArgumentException("perType must be at least 1, was " + perType);
        }
        RandomGenerator random = new SplittableRandom(seed);
        List<Sample<?>> out = new ArrayList<>();
        ClientId c = ClientId.of("c-1");
        for (int i = 0; i < perType; i++) {
            CurrencyUnit cur = MoneyGens.currencies().generate(random);
            add(out, random, Money.class, MoneyGens.money());
            add(out, random, UnitPrice.class, MoneyGens.unitPrices());
            add(out, random, CurrencyUnit.class, MoneyGens.currencies());
            add(out, random, TenantId.class, DomainGens.tenantIds());
            add(out, random, ClientId.class, DomainGens.clientIds());
            add(out, random, ProjectId.class, DomainGens.projectIds());
            add(out, random, TimekeeperId.class, DomainGens.timekeeperIds());
            add(out, random, ActivityId.class, DomainGens.activityIds());
            add(out, random, RateRuleId.class, DomainGens.rateRuleIds());
            add(out, random, TimeEntryId.class, DomainGens.timeEntryIds());
            add(out, random, InvoiceId.class, DomainGens.invoiceIds());
            add(out, random, PaymentId.class, DomainGens.paymentIds());
            add(out, random, EngagementId.class, DomainGens.engagementIds());
            add(out, random, LocalDateRange.class, TimeGens.dateRanges());
            add(out, random, TimeSpan.class, TimeGens.timeSpans());
            add(out, random, DurationRounding.class, TimeGens.roundingRules());
            add(out, random, Address.class, DomainGens.addresses());
            add(out, random, Tenant.class, DomainGens.tenants(TenantId.of("t-1")));
            add(out, random, Client.class, DomainGens.clients());
            add(out, random, Timekeeper.class, DomainGens.timekeepers());
            add(out, random, Activity.class, DomainGens.activities());
            add(out, random, Project.class, DomainGens.projects(c, cur));
            add(out, random, RateRule.class, DomainGens.rateRules(cur));
            add(out, random, TimeEntry.class, DomainGens.timeEntries(ProjectId.of("p-1"), TimekeeperId.of("k-1"), cur));
            add(out, random, TaxTreatment.class, DomainGens.taxTreatments());
            add(out, random, InvoiceLine.class, DomainGens.invoiceLines(cur, 1));
            add(out, random, Invoice.class, DomainGens.draftInvoices(c, cur));
            add(out, random, Payment.class, DomainGens.payments(c, cur));
            add(out, random, Engagement.class, DomainGens.engagements(c, cur));
        }
        String text = DomainGens.HOSTILE_TEXTS.get(random.nextInt(DomainGens.HOSTILE_TEXTS.size()));
        out.add(new Sample<>(Money.class, Money.of("EUR", "12.50")));
        out.add(new Sample<>(Money.class, Money.of("JPY", "1200")));
        out.add(new Sample<>(Money.class, Money.of("BHD", "-1.250")));
        out.add(new Sample<>(Actor.class, Actor.user("alice@acme.test")));
        out.add(new Sample<>(Tenant.class, Fixtures.richTenant(TenantId.of("t-1"), text)));
        out.add(new Sample<>(Client.class, Fixtures.richClient(ClientId.of("c-2"), text)));
        out.add(new Sample<>(Project.class, Fixtures.richProject(ProjectId.of("p-2"), c, text)));
        out.add(new Sample<>(RateRule.class, Fixtures.richRule(RateRuleId.of("r-2"))));
        out.add(new Sample<>(TimeEntry.class, Fixtures.richEntry(TimeEntryId.of("e-2"), ProjectId.of("p-2"),
                TimekeeperId.of("k-2"), text)));
        Invoice rich = Fixtures.richInvoice(InvoiceId.of("i-2"), c, text);
        out.add(new Sample<>(Invoice.class, rich));
        out.add(new Sample<>(InvoiceLine.class, rich.lines().get(rich.lines().size() - 1)));
        out.add(new Sample<>(Invoice.class, Fixtures.creditNote(InvoiceId.of("cn-1"), c, InvoiceId.of("i-2"), "CN-1",
                Fixtures.D0)));
        out.add(new Sample<>(Payment.class, Fixtures.richPayment(PaymentId.of("pay-2"), c, text)));
        out.add(new Sample<>(Engagement.class, Fixtures.richEngagement(EngagementId.of("g-2"), c, text)));
        for (Class<? extends BillingEvent> type : CORE_EVENT_TYPES) {
            addEvent(out, type, text);
        }
        return List.copyOf(out);
    }

    private static <T> void add(List<Sample<?>> out, RandomGenerator random, Class<T> type, Gen<? extends T> gen) {
        out.add(new Sample<>(type, gen.generate(random)));
    }

    /** One instance of an event record with a plausible value for each component (texts end with {@code text}). */
    public static <E extends BillingEvent> E event(Class<E> type, String text) {
        List<Sample<?>> one = new java.util.ArrayList<>();
        addEvent(one, type, text);
        return type.cast(one.get(0).value());
    }

    private static <E extends BillingEvent> void addEvent(List<Sample<?>> out, Class<E> type, String text) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = eventComponent(types[i], components[i].getName(), text);
        }
        try {
            Constructor<E> constructor = type.getDeclaredConstructor(types);
            out.add(new Sample<>(type, constructor.newInstance(args)));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot sample event " + type.getName(), e);
        }
    }

    private static Object eventComponent(Class<?> type, String name, String text) {
        if (type == Instant.class) {
            return Instant.parse("2026-03-02T08:15:30.123456Z");
        } else if (type == LocalDate.class) {
            return LocalDate.of(2026, 4, 1);
        } else if (type == String.class) {
            return name + " " + text;
        } else if (type == Money.class) {
            return Money.of(Currencies.of("BHD"), new BigDecimal("12.345"));
        } else if (type == int.class || type == Integer.class) {
            return 7;
        } else if (type == long.class || type == Long.class) {
            return 7L;
        } else if (type == BigDecimal.class) {
            return new BigDecimal("1.50");
        } else if (type == EventId.class) {
            return EventId.of(name + "-1");
        } else if (type.isRecord() && type.getPackageName().equals("dev.billops.core.id")) {
            try {
                return type.getMethod("of", String.class).invoke(null, name + "-1");
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        throw new IllegalStateException("no sample for event component " + name + " of " + type);
    }
}
