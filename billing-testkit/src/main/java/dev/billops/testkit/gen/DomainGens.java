package dev.billops.testkit.gen;

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
import dev.billops.core.invoice.AllowanceCharge;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.DocumentTerms;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceSource;
import dev.billops.core.invoice.PrepaymentDeduction;
import dev.billops.core.invoice.LineDetails;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.Payee;
import dev.billops.core.party.TaxRepresentative;
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
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxRoundingPolicy;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.testkit.property.Gen;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * Generators of valid BillOps domain values: ids, texts that break naive storage and rendering,
 * parties, projects, rate rules, time entries, invoice lines, invoices, payments and engagements.
 *
 * <p>Every value satisfies its record's validation, so a property can use it without filtering.
 * Optional fields are null about one time in three; texts are a mix of plain words and the
 * {@link #HOSTILE_TEXTS}. Instants are whole seconds (what calendars and databases keep).
 * Id and text generators shrink (toward short ids and plain words); the generators of whole
 * records are built with {@link Gen#compose}, so a failing record shrinks part by part (an
 * invoice drops lines, a number moves toward zero, an optional field toward null).
 *
 * <p>All generators are stateless and thread-safe, and are pure functions of the random source.
 */
public final class DomainGens {

    /**
     * Texts that break naive code: non-Latin scripts, emoji (including joined sequences),
     * right-to-left text and a bidi override, combining marks, quotes of every kind, backslashes,
     * SQL wildcards and injection attempts, HTML, line breaks and tabs, leading/trailing spaces.
     * None is blank and none contains a NUL character.
     */
    public static final List<String> HOSTILE_TEXTS = List.of(
            "'; DROP TABLE x; --",
            "Robert'); DROP TABLE clients;--",
            "O'Brien & \"Sons\" `Ltd`",
            "Zoë Müller GmbH & Co. KG",
            "株式会社テスト",
            "😀 Emoji 👩‍💻 Ltd 🇩🇪",
            "שלום עולם",
            "مرحبا بالعالم",
            "\u202Eevil bidi override",
            "e\u0301 combining + ẞ + ǅ",
            "back\\slash 100% _under_ %s {0}",
            "<script>alert('x')</script>",
            "line one\nline two\r\n\ttabbed",
            "  padded  ",
            "null");

    private static final List<String> WORDS = List.of("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne",
            "Consulting", "Design", "Web", "Audit", "Support", "Retainer", "Workshop", "Review", "Backend");
    private static final char[] ID_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-".toCharArray();
    private static final List<String> COUNTRIES = List.of("DE", "AT", "FR", "NL", "GB", "US", "CH", "JP", "BH");
    private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.GERMANY, Locale.FRANCE,
            Locale.forLanguageTag("de-CH"), Locale.JAPAN, Locale.forLanguageTag("ar-BH"));

    private DomainGens() {
    }

    // ---- ids and texts ----------------------------------------------------------------------

    /** Valid id strings: 1 to 64 characters of {@code [A-Za-z0-9._:-]}, mostly 8 to 26; shrink toward shorter. */
    public static Gen<String> idStrings() {
        Gen<Integer> lengths = Gen.frequency(Gen.weighted(1, Gen.ints(1, 64)), Gen.weighted(4, Gen.ints(8, 26)));
        return Gen.listOf(Gen.ints(0, ID_CHARS.length - 1), 1, 64)
                .flatMap(chars -> lengths.map(len -> {
                    StringBuilder sb = new StringBuilder(len);
                    for (int i = 0; i < len; i++) {
                        sb.append(ID_CHARS[chars.get(i % chars.size())]);
                    }
                    return sb.toString();
                }));
    }

    public static Gen<TenantId> tenantIds() {
        return idStrings().map(TenantId::of);
    }

    public static Gen<ClientId> clientIds() {
        return idStrings().map(ClientId::of);
    }

    public static Gen<ProjectId> projectIds() {
        return idStrings().map(ProjectId::of);
    }

    public static Gen<TimekeeperId> timekeeperIds() {
        return idStrings().map(TimekeeperId::of);
    }

    public static Gen<ActivityId> activityIds() {
        return idStrings().map(ActivityId::of);
    }

    public static Gen<RateRuleId> rateRuleIds() {
        return idStrings().map(RateRuleId::of);
    }

    public static Gen<TimeEntryId> timeEntryIds() {
        return idStrings().map(TimeEntryId::of);
    }

    public static Gen<InvoiceId> invoiceIds() {
        return idStrings().map(InvoiceId::of);
    }

    public static Gen<PaymentId> paymentIds() {
        return idStrings().map(PaymentId::of);
    }

    public static Gen<EngagementId> engagementIds() {
        return idStrings().map(EngagementId::of);
    }

    /** Non-blank texts: one to three plain words (shrinking toward one), or one of {@link #HOSTILE_TEXTS}. */
    public static Gen<String> texts() {
        Gen<String> plain = Gen.listOf(Gen.oneOf(WORDS), 1, 3).map(words -> String.join(" ", words));
        return Gen.frequency(Gen.weighted(2, plain), Gen.weighted(1, Gen.oneOf(HOSTILE_TEXTS)));
    }

    /** Addresses with one to three lines in a handful of countries. */
    public static Gen<Address> addresses() {
        return Gen.compose(random -> new Address(draw(Gen.listOf(texts(), 1, 3), random), pick(List.of("10115", "", "1010",
                "SW1A 1AA", "100-0001"), random), draw(texts(), random), pick(COUNTRIES, random)));
    }

    // ---- parties, projects, rates ------------------------------------------------------------

    /** The seller record of {@code tenant}, with or without VAT id, e-mail and bank details. */
    public static Gen<Tenant> tenants(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return Gen.compose(random -> Tenant.of(tenant, draw(texts(), random), draw(addresses(), random))
                .withVatId(maybe(random, "DE123456789"))
                .withEmail(maybe(random, "billing@example.test"))
                .withBankAccount(maybe(random, "DE89370400440532013000"), maybe(random, "COBADEFFXXX"))
                .withDefaultVatRate(draw(MoneyGens.vatRates(), random))
                .withDetails(random.nextBoolean() ? PartyDetails.none() : draw(partyDetails(), random)));
    }

    /** Clients in any of {@link MoneyGens#currencies()}. */
    public static Gen<Client> clients() {
        return MoneyGens.currencies().flatMap(DomainGens::clients);
    }

    /** Clients invoiced in {@code currency}, with every tax profile, with and without autopay. */
    public static Gen<Client> clients(CurrencyUnit currency) {
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            TaxProfile profile = draw(Gen.enumValues(TaxProfile.class), random);
            boolean needsVat = profile == TaxProfile.REVERSE_CHARGE || profile == TaxProfile.INTRA_COMMUNITY;
            boolean autopay = random.nextInt(4) == 0;
            Client client = Client.of(draw(clientIds(), random), draw(texts(), random), draw(addresses(), random),
                    currency)
                    .withVatId(needsVat ? "ATU12345678" : maybe(random, "FR40303265045"))
                    .withEmail(maybe(random, draw(texts(), random)))
                    .withTerms(random.nextInt(4) == 0 ? random.nextInt(366) : 30)
                    .withLocale(pick(LOCALES, random))
                    .withTaxProfile(profile,
                            profile == TaxProfile.STANDARD ? null : maybe(random, draw(texts(), random)));
            client = autopay ? client.withAutopay("pm_" + draw(idStrings(), random))
                    : client.withPaymentMethod(maybe(random, "pm_card_visa"));
            client = client.withActive(random.nextInt(5) != 0).withVersion(random.nextInt(3));
            return random.nextBoolean() ? client : client.withDetails(draw(partyDetails(), random));
        });
    }

    /** E-invoice details of a seller or buyer, each part present or not, codes from their lists. */
    public static Gen<PartyDetails> partyDetails() {
        return Gen.compose(random -> {
            String id = draw(idStrings(), random);
            String identifier = maybe(random, "ID-" + id);
            String legal = maybe(random, "HRB " + random.nextInt(100_000));
            boolean address = random.nextBoolean();
            return new PartyDetails(maybe(random, "Trading " + id), identifier,
                    identifier == null ? null : maybe(random, pick(List.of("0088", "0060", "0204"), random)), legal,
                    legal == null ? null : maybe(random, "0204"), maybe(random, "12/345/" + random.nextInt(100_000)),
                    maybe(random, "Share capital " + random.nextInt(100_000) + " EUR"),
                    address ? "ep-" + id : null, address ? pick(List.of("EM", "0088", "9930", "0204"), random) : null,
                    maybe(random, "Contact " + id), maybe(random, "+49 30 " + random.nextInt(1_000_000)),
                    maybe(random, "c@" + id.toLowerCase(java.util.Locale.ROOT) + ".test"),
                    maybe(random, "Region " + id), maybe(random, "BR-" + id),
                    maybe(random, pick(List.of("VATEX-EU-132-1I", "VATEX-EU-G", "VATEX-EU-O"), random)),
                    random.nextBoolean() ? null : Payee.of("Factor " + id).withIdentifier(maybe(random, "F-" + id),
                            null),
                    random.nextBoolean() ? null : TaxRepresentative.of("Rep " + id, "DE123456789",
                            Address.of("Rep street 1", "10115", "Berlin", "DE")),
                    maybe(random, "DE98ZZZ09999999999"), maybe(random, "DE89370400440532013000"),
                    random.nextBoolean() ? null : DeliverTo.party("Site " + id).withLocation(maybe(random, "LOC-" + id),
                            null));
        });
    }

    public static Gen<Timekeeper> timekeepers() {
        return Gen.compose(random -> new Timekeeper(draw(timekeeperIds(), random), draw(texts(), random),
                maybe(random, "someone@example.test"), random.nextInt(5) != 0));
    }

    public static Gen<Activity> activities() {
        return Gen.compose(random -> new Activity(draw(activityIds(), random), draw(texts(), random), random.nextBoolean()));
    }

    /** Budgets in hours, money or both, total or monthly. */
    public static Gen<Budget> budgets(CurrencyUnit currency) {
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            int kind = random.nextInt(3);
            Duration hours = kind == 1 ? null : Duration.ofMinutes(1 + random.nextInt(100_000));
            Money amount = kind == 0 ? null : draw(MoneyGens.positiveMoney(currency), random);
            return new Budget(hours, amount, draw(Gen.enumValues(Budget.Period.class), random));
        });
    }

    /** Projects of {@code client} with any status, rounding rule, budget and VAT rate. */
    public static Gen<Project> projects(ClientId client, CurrencyUnit currency) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> new Project(draw(projectIds(), random), client, draw(texts(), random),
                maybe(random, "PRJ-" + random.nextInt(1000)), draw(Gen.enumValues(ProjectStatus.class), random),
                random.nextBoolean() ? null : draw(budgets(currency), random), draw(TimeGens.roundingRules(), random),
                draw(Gen.enumValues(RoundingScope.class), random), random.nextInt(4) != 0,
                random.nextBoolean() ? null : draw(MoneyGens.vatRates(), random), random.nextInt(3)));
    }

    /** Rate scopes with any combination of client, project, timekeeper and activity. */
    public static Gen<RateScope> rateScopes() {
        return Gen.compose(random -> new RateScope(random.nextBoolean() ? draw(clientIds(), random) : null,
                random.nextBoolean() ? draw(projectIds(), random) : null,
                random.nextBoolean() ? draw(timekeeperIds(), random) : null,
                random.nextBoolean() ? draw(activityIds(), random) : null));
    }

    /** Rate rules in {@code currency}, open-ended or closed, in any unit. */
    public static Gen<RateRule> rateRules(CurrencyUnit currency) {
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            LocalDate from = draw(TimeGens.dates(), random);
            return new RateRule(draw(rateRuleIds(), random), draw(rateScopes(), random),
                    draw(MoneyGens.unitPrices(currency), random), draw(Gen.enumValues(RateUnit.class), random), from,
                    random.nextBoolean() ? null : from.plusDays(1 + random.nextInt(1000)));
        });
    }

    // ---- time ---------------------------------------------------------------------------------

    /**
     * Spans of whole seconds lasting one second to 24 hours (what a time entry accepts), in any
     * of {@link TimeGens#zoneIds()}, many of them across midnight or a DST change.
     */
    public static Gen<TimeSpan> entrySpans() {
        Gen<Long> seconds = Gen.frequency(Gen.weighted(1, Gen.longs(1, 59)), Gen.weighted(6, Gen.longs(60, 10 * 3600)),
                Gen.weighted(3, Gen.longs(1, 24 * 3600)));
        return Gen.zip(TimeGens.zonedDateTimes(), seconds, DomainGens::span);
    }

    /**
     * Open time entries on {@code project} by {@code timekeeper}: billable or not, with or without
     * activity, explicit rate (in {@code currency}) and external uid.
     */
    public static Gen<TimeEntry> timeEntries(ProjectId project, TimekeeperId timekeeper, CurrencyUnit currency) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(timekeeper, "timekeeper");
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            boolean rated = random.nextInt(4) == 0;
            return new TimeEntry(draw(timeEntryIds(), random), project, timekeeper,
                    random.nextBoolean() ? draw(activityIds(), random) : null, draw(entrySpans(), random),
                    random.nextInt(10) == 0 ? "" : draw(texts(), random), random.nextInt(5) != 0,
                    rated ? draw(MoneyGens.unitPrices(currency), random) : null,
                    rated ? draw(Gen.enumValues(RateUnit.class), random) : null, EntryState.OPEN, null,
                    random.nextInt(3) == 0 ? draw(idStrings(), random) + "@calendar.test" : null, 0);
        });
    }

    // ---- invoices -------------------------------------------------------------------------------

    /** Tax treatments of every category except O (which may not be mixed with others). */
    public static Gen<TaxTreatment> taxTreatments() {
        return Gen.frequency(
                Gen.weighted(6, MoneyGens.positiveVatRates().map(TaxTreatment::standard)),
                Gen.weighted(1, Gen.constant(TaxTreatment.zeroRated())),
                Gen.weighted(1, texts().map(TaxTreatment::exempt)),
                Gen.weighted(1, Gen.constant(TaxTreatment.reverseCharge())),
                Gen.weighted(1, Gen.constant(TaxTreatment.intraCommunity())),
                Gen.weighted(1, Gen.constant(TaxTreatment.export())));
    }

    /**
     * Line-level (tax null) or document-level (with {@code tax}) allowances and charges, some as
     * percentages, one in eight of a negative amount (EN 16931 does not bound their sign).
     */
    public static Gen<AllowanceCharge> allowanceCharges(CurrencyUnit currency, @Nullable TaxTreatment tax) {
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            Money amount = draw(MoneyGens.money(currency, BigDecimal.ZERO, new BigDecimal("500")), random);
            if (random.nextInt(8) == 0) {
                amount = amount.negate();
            }
            boolean percent = random.nextBoolean();
            boolean charge = random.nextBoolean();
            String reason = draw(texts(), random);
            String code = random.nextInt(3) > 0 ? null : charge ? pick(List.of("FC", "ABL", "ZZZ"), random)
                    : pick(List.of("95", "100", "41"), random);
            AllowanceCharge ac;
            if (percent) {
                // 10 % of ten times the amount is the amount, exactly
                ac = percentOf(charge, amount.times(10), reason, tax);
            } else if (tax == null) {
                ac = charge ? AllowanceCharge.charge(amount, reason) : AllowanceCharge.allowance(amount, reason);
            } else {
                ac = charge ? AllowanceCharge.charge(amount, reason, tax) : AllowanceCharge.allowance(amount, reason, tax);
            }
            return ac.withReasonCode(code);
        });
    }

    private static AllowanceCharge percentOf(boolean charge, Money base, String reason, @Nullable TaxTreatment tax) {
        BigDecimal ten = BigDecimal.TEN;
        if (tax == null) {
            return charge ? AllowanceCharge.chargePercent(ten, base, reason)
                    : AllowanceCharge.allowancePercent(ten, base, reason);
        }
        return charge ? AllowanceCharge.chargePercent(ten, base, reason, tax)
                : AllowanceCharge.allowancePercent(ten, base, reason, tax);
    }

    /** Invoice lines in {@code currency} with position {@code position}. */
    public static Gen<InvoiceLine> invoiceLines(CurrencyUnit currency, int position) {
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            LocalDate start = draw(TimeGens.dates(), random);
            List<AllowanceCharge> acs = random.nextInt(4) == 0
                    ? draw(Gen.listOf(allowanceCharges(currency, null), 1, 2), random) : List.of();
            boolean fromTime = random.nextBoolean();
            UnitPrice price = draw(MoneyGens.unitPrices(currency), random);
            LineDetails details = random.nextInt(4) == 0 ? lineDetails(price, random) : LineDetails.NONE;
            return new InvoiceLine(position, draw(texts(), random),
                    random.nextInt(8) == 0 ? draw(MoneyGens.quantities(), random).negate()
                            : draw(MoneyGens.quantities(), random),
                    draw(Gen.oneOf(UnitCode.HOUR, UnitCode.DAY, UnitCode.MONTH, UnitCode.PIECE, UnitCode.MINUTE,
                            UnitCode.KILOGRAM, UnitCode.LUMP_SUM, UnitCode.of("E48")), random),
                    price,
                    random.nextInt(6) == 0 ? new BigDecimal(1 + random.nextInt(100)) : BigDecimal.ONE, acs,
                    draw(taxTreatments(), random),
                    random.nextBoolean() ? LocalDateRange.of(start, start.plusDays(random.nextInt(40))) : null,
                    fromTime ? draw(Gen.listOf(timeEntryIds(), 1, 5), random) : List.of(),
                    fromTime ? draw(projectIds(), random) : null,
                    fromTime && random.nextBoolean() ? draw(activityIds(), random) : null,
                    fromTime ? draw(timekeeperIds(), random) : null,
                    fromTime && random.nextBoolean() ? draw(rateRuleIds(), random) : null, details);
        });
    }

    /** Some e-invoice details of a line priced {@code price}, each part present or not. */
    private static LineDetails lineDetails(UnitPrice price, Gen.Draws random) {
        LineDetails d = LineDetails.NONE;
        if (random.nextBoolean()) {
            d = d.withNote(draw(texts(), random));
        }
        if (random.nextBoolean()) {
            d = d.withObjectId("OBJ-" + random.nextInt(1000), random.nextBoolean() ? "AAJ" : null);
        }
        if (random.nextBoolean()) {
            d = d.withOrderLineReference(Integer.toString(1 + random.nextInt(99)))
                    .withAccountingReference("ACC-" + random.nextInt(100));
        }
        if (random.nextBoolean()) {
            d = d.withItemIds("S-" + random.nextInt(1000), random.nextBoolean() ? "B-" + random.nextInt(1000) : null)
                    .withStandardItemId("4000862141404", "0160");
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            d = d.withClassification(Integer.toString(10_000_000 + random.nextInt(90_000_000)), "STI",
                    random.nextBoolean() ? "2.1" : null);
        }
        for (int i = random.nextInt(3); i > 0; i--) {
            d = d.withAttribute("colour " + i, draw(texts(), random));
        }
        if (random.nextBoolean()) {
            d = d.withOriginCountry(random.nextBoolean() ? "DE" : "JP");
        }
        if (random.nextBoolean()) {
            d = d.withPriceBeforeDiscount(UnitPrice.of(price.currency(),
                    price.amount().add(new BigDecimal(random.nextInt(1000)).movePointLeft(2))));
        }
        return d;
    }

    /** One to {@code maxLines} lines at positions 1..n; shrinks by dropping lines (renumbered) and simplifying them. */
    public static Gen<List<InvoiceLine>> invoiceLineLists(CurrencyUnit currency, int maxLines) {
        Objects.requireNonNull(currency, "currency");
        return Gen.listOf(invoiceLines(currency, 1), 1, Math.max(1, maxLines)).map(lines -> {
            List<InvoiceLine> numbered = new ArrayList<>(lines.size());
            for (InvoiceLine l : lines) {
                numbered.add(new InvoiceLine(numbered.size() + 1, l.description(), l.quantity(), l.unit(), l.price(),
                        l.baseQuantity(), l.allowancesCharges(), l.tax(), l.period(), l.entryIds(), l.projectId(),
                        l.activityId(), l.timekeeperId(), l.rateRuleId(), l.details()));
            }
            return numbered;
        });
    }

    /**
     * An explicit rounding amount (BT-114) of {@code currency}: any number of minor units of either
     * sign below one currency unit, e.g. EUR -0.99 to 0.99, JPY 0.
     */
    private static PayableRounding explicitRounding(CurrencyUnit currency, Gen.Draws random) {
        long units = (long) Math.pow(10, currency.getDefaultFractionDigits());
        long minor = units <= 1 ? 0 : random.draw(Gen.longs(-(units - 1), units - 1));
        return PayableRounding.amount(Money.ofMinor(currency, minor));
    }

    /**
     * Draft invoices of {@code client} in {@code currency} with computed totals: up to eight lines,
     * sometimes document-level allowances or charges, net or gross prices, either tax rounding
     * policy, a cash increment now and then, notes, metadata, a purchase order reference, a
     * package period and now and then a deducted prepayment invoice.
     */
    public static Gen<Invoice> draftInvoices(ClientId client, CurrencyUnit currency) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            // the lines first: shrinking tries the parts in the order they were drawn
            List<InvoiceLine> lines = draw(invoiceLineLists(currency, 8), random);
            Invoice draft = Invoice.draft(draw(invoiceIds(), random), client, currency,
                    draw(Gen.enumValues(InvoiceSource.class).filter(s -> s != InvoiceSource.CREDIT), random));
            List<AllowanceCharge> adjustments = random.nextInt(4) == 0
                    ? List.of(draw(allowanceCharges(currency, lines.get(0).tax()), random)) : List.of();
            Map<String, String> metadata = new LinkedHashMap<>();
            if (random.nextBoolean()) {
                metadata.put("autopay", "true");
                metadata.put("note", draw(texts(), random));
            }
            LocalDate start = draw(TimeGens.dates(), random);
            Invoice invoice = draft
                    .withPricing(draw(Gen.enumValues(PriceBasis.class), random),
                            draw(Gen.enumValues(TaxRoundingPolicy.class), random),
                            random.nextInt(6) == 0 && currency.getDefaultFractionDigits() >= 2
                                    ? new BigDecimal("0.05") : null)
                    .withLines(lines)
                    .withAdjustments(adjustments)
                    .withPayableRounding(random.nextInt(8) == 0 ? explicitRounding(currency, random) : null)
                    .withNotes(random.nextBoolean() ? "" : draw(texts(), random))
                    .withMetadata(metadata)
                    .withServicePeriod(random.nextBoolean() ? LocalDateRange.ofClosed(start, start.plusDays(29)) : null)
                    .withPurchaseOrderRef(maybe(random, "PO-" + random.nextInt(100_000)));
            if (random.nextInt(4) == 0) {
                invoice = invoice.forPackagePeriod(draw(engagementIds(), random), start);
            }
            if (random.nextBoolean()) {
                invoice = invoice.withReferences(invoice.references().withBuyerReference(maybe(random, "BR-1"))
                        .withProject(maybe(random, "PRJ-2")).withContract(maybe(random, "CT-3"))
                        .withSalesOrder(maybe(random, "SO-4")).withBuyerAccounting(maybe(random, "4711"))
                        .withPaymentTerms(maybe(random, "Net " + random.nextInt(90) + " days")));
            }
            if (random.nextBoolean()) {
                invoice = invoice.withTerms(draw(documentTerms(), random));
                DocumentType type = pick(List.of(DocumentType.INVOICE, DocumentType.PARTIAL, DocumentType.PREPAYMENT,
                        DocumentType.SELF_BILLED, DocumentType.CORRECTED), random);
                if (type != DocumentType.CORRECTED || invoice.terms().precedingInvoice() != null) {
                    invoice = Transitions.withType(invoice, type);
                }
            }
            if (random.nextInt(6) == 0 && invoice.type() != DocumentType.PREPAYMENT) {
                invoice = Transitions.withPrepayments(invoice, List.of(new PrepaymentDeduction(
                        draw(invoiceIds(), random), "ADV-" + random.nextInt(100_000),
                        draw(TimeGens.dates(), random), Money.of(currency, "1"))));
            }
            return invoice;
        });
    }

    /**
     * Document terms (VAT point date or code, coded and plain notes, deliver-to and delivery date,
     * payee, card or direct debit, preceding invoice), each part present or not, codes from their lists.
     */
    public static Gen<DocumentTerms> documentTerms() {
        return Gen.compose(random -> {
            DocumentTerms t = DocumentTerms.none();
            int point = random.nextInt(3);
            if (point == 1) {
                t = t.withTaxPointDate(draw(TimeGens.dates(), random));
            } else if (point == 2) {
                t = t.withTaxPointCode(pick(List.of("3", "35", "432"), random));
            }
            int notes = random.nextInt(4);
            for (int i = 0; i < notes; i++) {
                t = t.withNote(random.nextBoolean() ? null : pick(List.of("AAI", "REG", "SUR", "ABL", "TXD"), random),
                        draw(texts(), random) + "x");
            }
            if (random.nextBoolean()) {
                t = t.withDelivery(random.nextBoolean() ? null
                        : DeliverTo.at(Address.of("Dock " + random.nextInt(100), "10115", "Berlin", "DE"))
                                .withPartyName(maybe(random, "Site")).withLocation(maybe(random, "4000001000005"),
                                        null),
                        random.nextBoolean() ? null : draw(TimeGens.dates(), random));
            }
            if (random.nextInt(4) == 0) {
                t = t.withPayee(Payee.of("Factor " + random.nextInt(1000)).withLegalRegistration(maybe(random, "HRB 1"),
                        null));
            }
            int pay = random.nextInt(3);
            if (pay == 1) {
                t = t.withCard(new DocumentTerms.Card(pick(List.of("48", "54", "55"), random),
                        String.valueOf(1000 + random.nextInt(9000)), maybe(random, "Holder")));
            } else if (pay == 2) {
                t = t.withDirectDebit(new DocumentTerms.DirectDebit(pick(List.of("49", "59"), random),
                        "M-" + random.nextInt(100_000)));
            }
            if (random.nextBoolean()) {
                t = t.withPrecedingInvoice(new DocumentTerms.PrecedingInvoice("INV-" + random.nextInt(100_000),
                        random.nextBoolean() ? null : draw(TimeGens.dates(), random)));
            }
            return t;
        });
    }

    // ---- payments and engagements -------------------------------------------------------------

    /**
     * Succeeded payments of {@code client} with zero to three allocations (to random invoices)
     * and sometimes a refund, an external reference or an idempotency key.
     */
    public static Gen<Payment> payments(ClientId client, CurrencyUnit currency) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            Money amount = draw(MoneyGens.positiveMoney(currency), random);
            int parts = random.nextInt(4);
            List<Allocation> allocations = new ArrayList<>();
            Money refunded = Money.zero(currency);
            LocalDate date = draw(TimeGens.dates(), random);
            if (parts > 0) {
                long[] ratios = new long[parts + 1];
                for (int i = 0; i < ratios.length; i++) {
                    ratios[i] = 1 + random.nextInt(5);
                }
                List<Money> shares = amount.allocate(ratios);
                for (int i = 0; i < parts; i++) {
                    if (shares.get(i).isPositive()) {
                        allocations.add(new Allocation(draw(invoiceIds(), random), shares.get(i),
                                date.plusDays(i), allocations.size() + 1));
                    }
                }
                if (random.nextBoolean()) {
                    refunded = shares.get(parts);
                }
            }
            PaymentStatus status = refunded.isPositive() ? PaymentStatus.PARTIALLY_REFUNDED : PaymentStatus.SUCCEEDED;
            return new Payment(draw(paymentIds(), random), client, amount, date,
                    pick(List.of("bank-transfer", "card", "cash", "sepa-debit"), random),
                    maybe(random, draw(texts(), random)),
                    random.nextBoolean() ? "idem-" + draw(idStrings(), random) : null, status, refunded, allocations,
                    random.nextInt(3));
        });
    }

    /** Engagements of {@code client} in every mode and schedule, with or without included hours and overage rate. */
    public static Gen<Engagement> engagements(ClientId client, CurrencyUnit currency) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(currency, "currency");
        return Gen.compose(random -> {
            PricingMode mode = draw(Gen.enumValues(PricingMode.class), random);
            PackageSchedule schedule = draw(Gen.enumValues(PackageSchedule.class), random);
            LocalDate start = draw(TimeGens.dates(), random);
            LocalDate end = schedule == PackageSchedule.ONE_TIME || random.nextBoolean()
                    ? start.plusDays(random.nextInt(800)) : null;
            boolean retainer = mode == PricingMode.MIXED || random.nextInt(4) == 0;
            return new Engagement(draw(engagementIds(), random), client,
                    random.nextBoolean() ? draw(projectIds(), random) : null, draw(texts(), random), mode,
                    mode == PricingMode.HOURLY && random.nextBoolean() ? null
                            : draw(MoneyGens.positiveMoney(currency), random),
                    schedule, start, end, random.nextInt(4) == 0 ? draw(engagementIds(), random) : null,
                    retainer ? Duration.ofMinutes(30L * random.nextInt(200)) : null,
                    retainer && random.nextBoolean() ? draw(MoneyGens.unitPrices(currency), random) : null,
                    draw(Gen.enumValues(ProrationPolicy.class), random), random.nextBoolean(),
                    draw(Gen.enumValues(EngagementStatus.class), random), random.nextInt(3));
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static TimeSpan span(ZonedDateTime start, long seconds) {
        Instant from = start.toInstant();
        return TimeSpan.of(from, from.plusSeconds(seconds), start.getZone());
    }

    private static <T> T draw(Gen<T> gen, Gen.Draws random) {
        return random.draw(gen);
    }

    private static <T> T pick(List<T> values, Gen.Draws random) {
        return random.draw(Gen.oneOf(values));
    }

    /** {@code value} two times in three, else null (shrinking toward null). */
    private static @Nullable String maybe(Gen.Draws random, String value) {
        return random.nextInt(3) == 0 ? null : value;
    }
}
