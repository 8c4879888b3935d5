package dev.billops.testkit.contract;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.EngagementStatus;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.engagement.PricingMode;
import dev.billops.core.engagement.ProrationPolicy;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceReferences;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.numbering.CounterReset;
import dev.billops.core.numbering.NumberPattern;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.TaxRepresentative;
import dev.billops.core.party.Payee;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Budget;
import dev.billops.core.project.Project;
import dev.billops.core.project.ProjectStatus;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.money.CurrencyUnit;

/**
 * Example values for the store contracts: "rich" ones with every optional field set (and a
 * caller-chosen text in every free-text field) and "sparse" ones with every optional field null.
 * Useful to any test that needs a valid record quickly.
 */
public final class Fixtures {

    public static final CurrencyUnit EUR = Currencies.of("EUR");
    public static final CurrencyUnit JPY = Currencies.of("JPY");
    public static final CurrencyUnit BHD = Currencies.of("BHD");
    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    public static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
    /** A Monday morning all fixtures are relative to. */
    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    public static final LocalDate D0 = LocalDate.of(2026, 3, 2);

    private Fixtures() {
    }

    public static Address address(String text) {
        return new Address(List.of(text, "Hinterhaus, 3. OG"), "10115", text, "DE");
    }

    /**
     * Every field set, with policies other than the defaults: Europe/Zurich, gross prices, per-line
     * tax rounding, cash increments for CHF (0.05) and SEK (1), an own invoice series with a start
     * offset and a per-client monthly series.
     */
    public static Tenant richTenant(TenantId id, String text) {
        return Tenant.of(id, text, address(text))
                .withVatId("DE123456789")
                .withEmail("billing@acme.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19.0"))
                .withZone(ZoneId.of("Europe/Zurich"))
                .withTax(new TaxPolicy(TaxRoundingPolicy.PER_LINE, PriceBasis.GROSS,
                        Map.of("CHF", new BigDecimal("0.05"), "SEK", new BigDecimal("1"))))
                .withNumbering(NumberingPolicy.defaults()
                        .withSeries("INV", SeriesNumbering.defaultFor("RE").withStartAfter("2026", 1041))
                        .withSeries("PKG", new SeriesNumbering(NumberPattern.of("{client}-{yyyy}{mm}-{seq:3}"), "P",
                                CounterReset.MONTHLY, true, Map.of("acme/2026-11", 7L))))
                .withDetails(richDetails(text));
    }

    /** Every e-invoice detail set, the free texts to {@code text}. */
    public static PartyDetails richDetails(String text) {
        return PartyDetails.none()
                .withTradingName("Trading " + text)
                .withIdentifier("4000001123452", "0088")
                .withLegalRegistration("HRB " + text, "0204")
                .withTaxRegistrationId("12/345/67890")
                .withLegalInfo("Share capital 25,000 EUR; " + text)
                .withElectronicAddress("billing+" + text + "@acme.test", "EM")
                .withContact("Contact " + text, "+49 30 1234567", "contact@acme.test")
                .withCountrySubdivision("Region " + text)
                .withBuyerReference("04011000-12345-" + text)
                .withExemptionReasonCode("VATEX-EU-132-1I")
                .withPayee(Payee.of("Factor " + text).withIdentifier("4000001987658", "0088")
                        .withLegalRegistration("HRB 9 " + text, null))
                .withTaxRepresentative(TaxRepresentative.of("Representative " + text, "DE123456789", address(text)))
                .withCreditorId("DE98ZZZ09999999999")
                .withDebitedAccount("DE89370400440532013000")
                .withDeliverTo(DeliverTo.party("Site " + text).withLocation("4000001000005", "0088")
                        .withAddress(address(text)));
    }

    public static Tenant sparseTenant(TenantId id) {
        return Tenant.of(id, "Acme", Address.of("Main St 1", "", "Berlin", "DE"))
                .withDefaultVatRate(new BigDecimal("19"));
    }

    /** Every field set: reverse charge with VAT id and exemption reason, autopay, Swiss German, BHD. */
    public static Client richClient(ClientId id, String text) {
        return Client.of(id, text, address(text), BHD)
                .withVatId("ATU12345678")
                .withEmail("ap+" + id.value() + "@client.test")
                .withTerms(14)
                .withLocale(Locale.forLanguageTag("de-CH"))
                .withTaxProfile(TaxProfile.REVERSE_CHARGE, text)
                .withAutopay("pm_" + text)
                .withActive(false)
                .withDetails(richDetails(text).withElectronicAddress("04011000-12345-03", "0204"));
    }

    public static Client sparseClient(ClientId id) {
        return Client.of(id, "Client " + id.value(), Address.of("Main St 1", "", "Berlin", "DE"), EUR);
    }

    public static Timekeeper richTimekeeper(TimekeeperId id, String text) {
        return new Timekeeper(id, text, "tk@acme.test", false);
    }

    public static Timekeeper sparseTimekeeper(TimekeeperId id) {
        return Timekeeper.of(id, "Timekeeper " + id.value());
    }

    public static Activity activity(ActivityId id, String text) {
        return new Activity(id, text, false);
    }

    /** Every field set: budget in hours and money, 15-minute rounding up with a minimum, a VAT rate of 7.70. */
    public static Project richProject(ProjectId id, ClientId client, String text) {
        return new Project(id, client, text, "ACME-" + text.length(), ProjectStatus.ON_HOLD,
                new Budget(Duration.ofMinutes(90 * 60 + 30), Money.of(BHD, "1234.567"), Budget.Period.MONTHLY),
                DurationRounding.of(Duration.ofMinutes(15), RoundingDirection.UP, Duration.ofMinutes(30)),
                RoundingScope.PER_DAY_AND_PROJECT, false, new BigDecimal("7.70"), 0);
    }

    public static Project sparseProject(ProjectId id, ClientId client) {
        return Project.of(id, client, "Project " + id.value());
    }

    /** Every field set: a closed range, a scope of all four ids, a price with 8 decimals. */
    public static RateRule richRule(RateRuleId id) {
        return new RateRule(id, new RateScope(ClientId.of("c"), ProjectId.of("p"), TimekeeperId.of("tk"),
                ActivityId.of("a")), UnitPrice.of(EUR, "87.33333333"), RateUnit.DAY, D0, D0.plusMonths(6));
    }

    public static RateRule sparseRule(RateRuleId id) {
        return new RateRule(id, RateScope.any(), UnitPrice.of(JPY, "12000"), RateUnit.HOUR, D0, null);
    }

    /** Every field set, in a +05:45 zone, with an explicit BHD rate and an external uid. */
    public static TimeEntry richEntry(TimeEntryId id, ProjectId project, TimekeeperId timekeeper, String text) {
        return new TimeEntry(id, project, timekeeper, ActivityId.of("act-1"),
                TimeSpan.of(T0, T0.plus(Duration.ofMinutes(95)), KATHMANDU), text, false,
                UnitPrice.of(BHD, "45.12345678"), RateUnit.HOUR, EntryState.OPEN, null, "uid-" + id.value() + "@cal",
                0);
    }

    /** An open billable entry without optional fields. */
    public static TimeEntry entry(TimeEntryId id, ProjectId project, TimekeeperId timekeeper, Instant start,
            Duration length, ZoneId zone) {
        return new TimeEntry(id, project, timekeeper, null, TimeSpan.of(start, start.plus(length), zone), "work", true,
                null, null, EntryState.OPEN, null, null, 0);
    }

    /** An open billable one-hour entry starting {@code hoursAfterT0} hours after {@link #T0}, in Berlin. */
    public static TimeEntry entry(String id, ProjectId project, TimekeeperId timekeeper, int hoursAfterT0) {
        return entry(TimeEntryId.of(id), project, timekeeper, T0.plus(Duration.ofHours(hoursAfterT0)),
                Duration.ofHours(1), BERLIN);
    }

    /** A LOCKED entry (state LOCKED, no invoice). */
    public static TimeEntry locked(TimeEntry entry) {
        return new TimeEntry(entry.id(), entry.projectId(), entry.timekeeperId(), entry.activityId(), entry.span(),
                entry.description(), entry.billable(), entry.explicitRate(), entry.explicitRateUnit(),
                EntryState.LOCKED, null, entry.externalUid(), entry.version());
    }

    /** An empty EUR draft. */
    public static Invoice draft(InvoiceId id, ClientId client) {
        return Invoice.draft(id, client, EUR, InvoiceSource.MANUAL);
    }

    /** A EUR draft with one line of 2 h at 100.00 (19 %). */
    public static Invoice draftWithLine(InvoiceId id, ClientId client) {
        return draft(id, client).withLines(List.of(InvoiceLine.of("Consulting", new BigDecimal("2"), UnitCode.HOUR,
                UnitPrice.of(EUR, "100.00"), TaxTreatment.standard(new BigDecimal("19")))));
    }

    /** A EUR invoice with one line of 2 h at 100.00 (19 %), issued as {@code number} in {@code series}. */
    public static Invoice issued(InvoiceId id, ClientId client, String series, String number, LocalDate issueDate) {
        return Transitions.issuedAs(draftWithLine(id, client).withSeries(series), number, issueDate,
                issueDate.plusDays(30));
    }

    /** A package invoice draft of {@code engagement} for the period starting {@code periodStart}. */
    public static Invoice packageDraft(InvoiceId id, ClientId client, EngagementId engagement, LocalDate periodStart) {
        return Invoice.draft(id, client, EUR, InvoiceSource.PACKAGE).forPackagePeriod(engagement, periodStart);
    }

    /** An issued credit note of {@code credited}. */
    public static Invoice creditNote(InvoiceId id, ClientId client, InvoiceId credited, String number,
            LocalDate issueDate) {
        return Transitions.issuedAs(draft(id, client)
                .withLines(List.of(InvoiceLine.of("Credit", BigDecimal.ONE, UnitCode.PIECE,
                        UnitPrice.of(EUR, "50.00"), TaxTreatment.standard(new BigDecimal("19")))))
                .asCreditNoteOf(credited), number, issueDate, issueDate);
    }

    /**
     * Every field set: BHD (3 decimals), three lines (time-based with entries, period, ids and
     * rule; a line with allowance and charge and base quantity; a negative exempt correction),
     * a document charge, gross prices, per-line rounding, metadata, engagement period, PO
     * references (BT-10 to BT-20), a VATEX code, settlement and an amount paid at issue; issued
     * and partially paid.
     */
    public static Invoice richInvoice(InvoiceId id, ClientId client, String text) {
        TaxTreatment vat = TaxTreatment.standard(new BigDecimal("10"));
        InvoiceLine time = new InvoiceLine(1, text, new BigDecimal("7.2500"), UnitCode.HOUR,
                UnitPrice.of(BHD, "45.12345678"), BigDecimal.ONE, List.of(), vat,
                LocalDateRange.of(D0, D0.plusDays(7)), List.of(TimeEntryId.of("e-1"), TimeEntryId.of("e-2")),
                ProjectId.of("p-1"), ActivityId.of("a-1"), TimekeeperId.of("tk-1"), RateRuleId.of("r-1"));
        InvoiceLine discounted = new InvoiceLine(2, "Licence " + text, new BigDecimal("3"), UnitCode.PIECE,
                UnitPrice.of(BHD, "100.000"), new BigDecimal("2"), List.of(
                        AllowanceCharge.allowancePercent(new BigDecimal("10"), Money.of(BHD, "150.000"), text),
                        AllowanceCharge.charge(Money.of(BHD, "1.250"), "Shipping")),
                vat, null, List.of(), null, null, null, null);
        InvoiceLine correction = InvoiceLine.of("Retainer deduction", new BigDecimal("-1.5"), UnitCode.DAY,
                UnitPrice.of(BHD, "8.000"), TaxTreatment.exempt("Exempt: " + text)
                        .withExemptionReasonCode("VATEX-EU-132-1I"));
        Invoice draft = Invoice.draft(id, client, BHD, InvoiceSource.TIME_ENTRIES)
                .withPricing(PriceBasis.GROSS, TaxRoundingPolicy.PER_LINE, null)
                .withLines(List.of(time, discounted, correction))
                .withAdjustments(List.of(AllowanceCharge.charge(Money.of(BHD, "2.500"), "Express " + text, vat)))
                .withNotes(text)
                .withMetadata(Map.of("autopay", "true", "origin", text))
                .withServicePeriod(LocalDateRange.ofMonth(java.time.YearMonth.of(2026, 2)))
                .withReferences(new InvoiceReferences("Buyer " + text, "PO " + text, "Project " + text,
                        "Contract " + text, "SO " + text, "Account " + text, "Terms: " + text))
                .withSeries("RICH")
                .forPackagePeriod(EngagementId.of("eng-" + id.value()), D0);
        draft = Transitions.withPrepayments(draft, List.of(new PrepaymentDeduction(InvoiceId.of("pre-" + id.value()),
                "ADV-" + text, D0.minusDays(30), Money.of(BHD, "5.000"))));
        Invoice issued = Transitions.issuedAs(draft, "RICH-" + id.value(), D0, D0.plusDays(14));
        return Transitions.withPrepaid(Transitions.withSettlement(issued, Money.of(BHD, "10.000"),
                Money.of(BHD, "1.000")), Money.of(BHD, "4.000"));
    }

    /** Every field set: two allocations, a partial refund, external reference, idempotency key. */
    public static Payment richPayment(PaymentId id, ClientId client, String text) {
        return new Payment(id, client, Money.of(BHD, "100.500"), D0, "bank-transfer", text, "key-" + id.value(),
                PaymentStatus.PARTIALLY_REFUNDED, Money.of(BHD, "0.500"), List.of(
                        new Allocation(InvoiceId.of("inv-1"), Money.of(BHD, "60.000"), D0, 1),
                        new Allocation(InvoiceId.of("inv-2"), Money.of(BHD, "20.000"), D0.plusDays(3), 2)),
                0);
    }

    /** A succeeded EUR payment without allocations, reference or key. */
    public static Payment payment(PaymentId id, ClientId client, LocalDate receivedOn, String amount) {
        return new Payment(id, client, Money.of(EUR, amount), receivedOn, "card", null, null, PaymentStatus.SUCCEEDED,
                Money.zero(EUR), List.of(), 0);
    }

    /** A payment with an idempotency key. */
    public static Payment keyedPayment(PaymentId id, ClientId client, String key) {
        return new Payment(id, client, Money.of(EUR, "10.00"), D0, "card", null, key, PaymentStatus.PENDING,
                Money.zero(EUR), List.of(), 0);
    }

    /** A payment allocated to {@code invoice}. */
    public static Payment allocatedPayment(PaymentId id, ClientId client, LocalDate receivedOn, InvoiceId invoice) {
        return new Payment(id, client, Money.of(EUR, "100.00"), receivedOn, "bank-transfer", null, null,
                PaymentStatus.SUCCEEDED, Money.zero(EUR), List.of(new Allocation(invoice, Money.of(EUR, "40.00"),
                        receivedOn, 1)), 0);
    }

    /** Every field set: MIXED retainer with project, end date, renewal, included hours and overage rate. */
    public static Engagement richEngagement(EngagementId id, ClientId client, String text) {
        return new Engagement(id, client, ProjectId.of("p-1"), text, PricingMode.MIXED, Money.of(JPY, "150000"),
                PackageSchedule.QUARTERLY, D0, D0.plusYears(1).minusDays(1), EngagementId.of("eng-old"),
                Duration.ofHours(40).plusMinutes(30), UnitPrice.of(JPY, "12000.5"), ProrationPolicy.FULL_PERIOD, true,
                EngagementStatus.RENEWED, 0);
    }

    /** An hourly engagement without any optional field. */
    public static Engagement sparseEngagement(EngagementId id, ClientId client) {
        return new Engagement(id, client, null, "Hourly", PricingMode.HOURLY, null, PackageSchedule.MONTHLY, D0, null,
                null, null, null, ProrationPolicy.PRORATE_BY_DAYS, false, EngagementStatus.ACTIVE, 0);
    }

    /** A monthly package engagement. */
    public static Engagement packageEngagement(EngagementId id, ClientId client) {
        return Engagement.ofPackage(id, client, "Package", Money.of(EUR, "1000.00"), PackageSchedule.MONTHLY, D0,
                null);
    }
}
