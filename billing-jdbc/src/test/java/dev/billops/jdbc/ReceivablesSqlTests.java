package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.payment.ScannedReceivables;
import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.payment.AgingBucket;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.InvoiceBalance;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.payment.PaymentStatus;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.ReceivablesQueries;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/**
 * The SQL receivables of the JDBC stores against the reference computation in the JVM
 * ({@link ScannedReceivables}) on the same data, and examples with figures worked out by hand.
 */
abstract class ReceivablesSqlTests {

    static final CurrencyUnit EUR = Currencies.of("EUR");
    static final CurrencyUnit JPY = Currencies.of("JPY");
    static final CurrencyUnit BHD = Currencies.of("BHD");
    static final Address ADDRESS = Address.of("Main St 1", "10115", "Berlin", "DE");
    static final LocalDate START = LocalDate.of(2026, 1, 5);

    abstract BillingStore store();

    /** How many random tenants the property builds (each a few dozen transactions). */
    abstract int tries();

    /** One tenant of the test: the facade on the store, with a clock the test moves. */
    final class Books {
        final TenantId tenant = TenantId.generate();
        final MutableClock clock = MutableClock.at(START);
        final TenantBilling billing = Billing.builder().stores(store()).clock(clock).build()
                .tenant(tenant, Actor.user("alice"));
        final List<ClientId> clients = new ArrayList<>();
        final List<InvoiceId> invoices = new ArrayList<>();
        final List<PaymentId> payments = new ArrayList<>();

        Books() {
            billing.profile().save(Tenant.of(tenant, "Acme", ADDRESS).withVatId("DE123456789")
                    .withDefaultVatRate(new BigDecimal("19")));
        }

        ClientId client(String id, CurrencyUnit currency, int terms) {
            ClientId created = billing.clients().create(Client.of(ClientId.of(id), "Client " + id, ADDRESS, currency)
                    .withTerms(terms)).id();
            clients.add(created);
            return created;
        }

        InvoiceId draft(ClientId client, Money amount, boolean vat) {
            InvoiceId id = billing.invoices().createDraft(client).id();
            billing.invoices().addLine(id, InvoiceLine.of("Work", BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(amount),
                    vat ? TaxTreatment.standard(new BigDecimal("19")) : TaxTreatment.zeroRated()));
            invoices.add(id);
            return id;
        }

        InvoiceId issue(ClientId client, Money amount, LocalDate issueDate) {
            return billing.invoices().issue(draft(client, amount, false), issueDate).id();
        }

        Payment pay(PaymentRequest request) {
            Payment p = billing.payments().record(request);
            payments.add(p.id());
            return p;
        }

        Invoice invoice(InvoiceId id) {
            return billing.invoices().get(id);
        }

        /** Every result of the port of the store and of the JVM computation, at {@code asOf}, compared. */
        void assertSqlMatchesJvm(LocalDate asOf) {
            store().inTransaction(tenant, s -> {
                ReceivablesQueries sql = s.get(ReceivablesQueries.class);
                ScannedReceivables jvm = new ScannedReceivables(s);
                String at = " at " + asOf;
                assertEquals(jvm.aging(null, asOf), sql.aging(null, asOf), "aging" + at);
                assertEquals(jvm.openBalances(null, asOf), sql.openBalances(null, asOf), "open balances" + at);
                assertEquals(jvm.overdue(null, asOf), sql.overdue(null, asOf), "overdue" + at);
                for (ClientId c : clients) {
                    assertEquals(jvm.aging(c, asOf), sql.aging(c, asOf), "aging of " + c + at);
                    assertEquals(jvm.openBalances(c, asOf), sql.openBalances(c, asOf), "open balances of " + c + at);
                    assertEquals(jvm.overdue(c, asOf), sql.overdue(c, asOf), "overdue of " + c + at);
                    assertEquals(jvm.clientBalance(c, asOf), sql.clientBalance(c, asOf), "balance of " + c + at);
                }
                for (Invoice inv : s.get(dev.billops.core.spi.InvoiceStore.class).list(InvoiceQuery.all())) {
                    assertEquals(jvm.balance(inv.id(), asOf), sql.balance(inv.id(), asOf),
                            "balance of " + inv.type() + " " + inv.status() + " " + inv.id() + at);
                }
                return null;
            });
        }
    }

    static final List<DocumentType> INVOICE_TYPES = List.of(DocumentType.INVOICE, DocumentType.PARTIAL,
            DocumentType.PREPAYMENT, DocumentType.SELF_BILLED);

    enum Kind { ADVANCE, DRAFT, ISSUE, ISSUE_PREPAID, VOID, CREDIT_AMOUNT, CREDIT_FULLY, PAY_PART, PAY_AUTO, PAY_CREDIT, PAY_FAILED,
        APPLY_CREDIT, REFUND }

    /** One operation on the books; {@code a}, {@code b} pick targets and amounts, {@code days} a date. */
    record Step(Kind kind, int a, int b, int days) {
    }

    private static final Gen<Step> STEPS = Gen.zip(Gen.enumValues(Kind.class), Gen.ints(0, 100_000),
            Gen.ints(0, 100_000), Gen.ints(0, 40), (k, a, b, d) -> new Step(k, a, b, d));

    @Test
    void sqlReceivables_randomBooksRandomDates_equalTheJvmComputation() {
        Property.forAll(Gen.listOf(STEPS, 0, 30), Gen.listOf(Gen.ints(-10, 200), 1, 4)).tries(tries())
                .verify((steps, asOfOffsets) -> {
                    Books books = new Books();
                    books.client("eur", EUR, 14);
                    books.client("jpy", JPY, 30);
                    books.client("bhd", BHD, 0);
                    books.client("eur-2", EUR, 45);
                    for (Step step : steps) {
                        apply(books, step);
                    }
                    TreeSet<LocalDate> dates = new TreeSet<>();
                    for (int offset : asOfOffsets) {
                        dates.add(START.plusDays(offset));
                    }
                    // the boundaries of every bucket for some invoice's due date
                    for (InvoiceId id : books.invoices.subList(0, Math.min(2, books.invoices.size()))) {
                        LocalDate due = books.invoice(id).dueDate();
                        if (due != null) {
                            for (AgingBucket b : AgingBucket.values()) {
                                if (b.maxDays() < 1000) {
                                    dates.add(due.plusDays(b.maxDays()));
                                    dates.add(due.plusDays(b.maxDays() + 1L));
                                }
                            }
                        }
                    }
                    dates.add(books.clock.today());
                    for (LocalDate asOf : dates) {
                        books.assertSqlMatchesJvm(asOf);
                    }
                    LocalDate last = dates.last();
                    store().inTransaction(books.tenant, s -> {
                        assertEquals(new ScannedReceivables(s).aging(null, last), books.billing.receivables().aging(last),
                                "the facade's aging");
                        return null;
                    });
                });
    }

    /** Performs {@code step} if it applies to the books as they are; every call made is one that must succeed. */
    private static void apply(Books books, Step step) {
        ClientId client = books.clients.get(step.a() % books.clients.size());
        CurrencyUnit currency = books.billing.clients().get(client).currency();
        LocalDate today = books.clock.today();
        switch (step.kind()) {
            case ADVANCE -> books.clock.setDate(today.plusDays(step.days()));
            case DRAFT -> books.draft(client, amount(currency, step.b()), step.days() % 2 == 0);
            case ISSUE -> {
                InvoiceId id = books.draft(client, amount(currency, step.b()), step.days() % 2 == 0);
                // every invoice type is a receivable like a commercial invoice
                books.billing.invoices().documentType(id, INVOICE_TYPES.get(step.a() % INVOICE_TYPES.size()));
                books.billing.invoices().issue(id, today.minusDays(step.days() % 20));
            }
            case ISSUE_PREPAID -> {
                // a declared prepaid of 0 to 2 times the tax-inclusive total: part of it, all of it,
                // or more (the rest becomes the client's credit)
                InvoiceId id = books.draft(client, amount(currency, step.b()), step.days() % 2 == 0);
                Money inclusive = books.invoice(id).totals().taxInclusive();
                Money declared = step.a() % 4 == 0 ? inclusive
                        : inclusive.times(BigDecimal.valueOf(step.b() % 2001, 3), java.math.RoundingMode.DOWN);
                books.billing.invoices().prepaid(id, declared);
                Invoice issued = books.billing.invoices().issue(id, today.minusDays(step.days() % 20));
                if (declared.isPositive()) {
                    books.payments.add(books.billing.receivables().history(client).stream()
                            .filter(p -> issued.number().equals(p.externalRef())).findFirst().orElseThrow().id());
                }
            }
            case VOID -> pick(books, step, inv -> inv.status() == InvoiceStatus.ISSUED && inv.paid().isZero()
                    && inv.credited().isZero()).ifPresent(inv -> books.billing.invoices().voidInvoice(inv.id()));
            case CREDIT_AMOUNT -> pick(books, step, ReceivablesSqlTests::owing).ifPresent(inv -> books.billing.invoices()
                    .creditAmount(inv.id(), part(inv.amountDue(), step.b()), "goodwill"));
            case CREDIT_FULLY -> pick(books, step, ReceivablesSqlTests::owing)
                    .ifPresent(inv -> books.billing.invoices().creditFully(inv.id()));
            case PAY_PART -> pick(books, step, ReceivablesSqlTests::owing).ifPresent(inv -> books.pay(
                    PaymentRequest.of(inv.clientId(), part(inv.amountDue(), step.b()))
                            .withReceivedOn(later(inv.issueDate(), today.minusDays(step.days() % 10)))
                            .toInvoice(inv.id())));
            case PAY_AUTO -> books.pay(PaymentRequest.of(client, amount(currency, step.b()))
                    .withReceivedOn(today.minusDays(step.days() % 10)).autoAllocated());
            case PAY_CREDIT -> books.pay(PaymentRequest.of(client, amount(step.days() % 5 == 0 ? JPY : currency,
                    step.b())).withReceivedOn(today.minusDays(step.days() % 10)).asCredit());
            case PAY_FAILED -> pick(books, step, ReceivablesSqlTests::owing).ifPresent(inv -> books.payments.add(
                    books.billing.payments().recordFailed(PaymentRequest.of(inv.clientId(), inv.amountDue()),
                            inv.id(), "card declined").id()));
            case APPLY_CREDIT -> books.billing.payments().applyCredit(client);
            case REFUND -> {
                List<Payment> refundable = new ArrayList<>();
                for (PaymentId id : books.payments) {
                    Payment p = books.billing.payments().find(id).orElseThrow();
                    if ((p.status() == PaymentStatus.SUCCEEDED || p.status() == PaymentStatus.PARTIALLY_REFUNDED)
                            && p.amount().isGreaterThan(p.refunded())) {
                        refundable.add(p);
                    }
                }
                if (!refundable.isEmpty()) {
                    Payment p = refundable.get(step.a() % refundable.size());
                    Payment after = books.billing.payments().refund(p.id(),
                            part(p.amount().minus(p.refunded()), step.b()));
                    assertInstanceOf(Payment.class, after);
                }
            }
        }
    }

    private static boolean owing(Invoice inv) {
        return inv.type() == DocumentType.INVOICE && (inv.status() == InvoiceStatus.ISSUED
                || inv.status() == InvoiceStatus.PARTIALLY_PAID) && inv.amountDue().isPositive();
    }

    private static java.util.Optional<Invoice> pick(Books books, Step step, java.util.function.Predicate<Invoice> ok) {
        List<Invoice> candidates = new ArrayList<>();
        for (InvoiceId id : books.invoices) {
            Invoice inv = books.invoice(id);
            if (ok.test(inv)) {
                candidates.add(inv);
            }
        }
        return candidates.isEmpty() ? java.util.Optional.empty()
                : java.util.Optional.of(candidates.get(step.a() % candidates.size()));
    }

    /** 1 to 100,000 minor units of the currency (JPY 1 to 100,000 yen, BHD up to 100.000). */
    private static Money amount(CurrencyUnit currency, int minor) {
        return Money.ofMinor(currency, 1L + minor);
    }

    /** Between one minor unit and all of {@code whole}. */
    private static Money part(Money whole, int pick) {
        long minor = whole.toMinor();
        return Money.ofMinor(whole.currency(), pick % 3 == 0 ? minor : 1L + pick % minor);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    @Test
    void sqlReceivables_datesAtTheEndsOfTime_equalTheJvmComputation() {
        Books books = new Books();
        ClientId eur = books.client("eur", EUR, 14);
        books.clock.setDate(LocalDate.of(2026, 3, 31));
        InvoiceId inv = books.issue(eur, Money.of(EUR, "100.00"), LocalDate.of(2026, 1, 10));
        books.pay(PaymentRequest.of(eur, Money.of(EUR, "30.00")).withReceivedOn(LocalDate.of(2026, 2, 1))
                .toInvoice(inv));
        books.pay(PaymentRequest.of(eur, Money.of(EUR, "5.00")).asCredit());
        // PostgreSQL dates end in 5874897 AD; LocalDate.MIN minus 90 days does not exist
        for (LocalDate asOf : List.of(LocalDate.MAX, LocalDate.MIN, LocalDate.MIN.plusDays(45),
                LocalDate.of(6_000_000, 1, 1), LocalDate.of(-5_000, 1, 1), LocalDate.of(1, 1, 1))) {
            books.assertSqlMatchesJvm(asOf);
        }
        assertEquals(Money.of(EUR, "70.00"), books.billing.receivables().aging(LocalDate.MAX).total(EUR)
                .amount(AgingBucket.OVER_90));
    }

    // ---- examples with hand-worked figures

    @Test
    void aging_eurJpyBhdBooks_handWorkedBucketsAndBalances() {
        Books books = new Books();
        ClientId eur = books.client("eur", EUR, 14);
        ClientId jpy = books.client("jpy", JPY, 30);
        ClientId bhd = books.client("bhd", BHD, 0);
        books.clock.setDate(LocalDate.of(2026, 3, 31));
        // EUR 100.00 issued Jan 10, due Jan 24; 30.00 paid Feb 1; 20.00 credited on Mar 1 (today then)
        InvoiceId inv1 = books.issue(eur, Money.of(EUR, "100.00"), LocalDate.of(2026, 1, 10));
        books.pay(PaymentRequest.of(eur, Money.of(EUR, "30.00")).withReceivedOn(LocalDate.of(2026, 2, 1))
                .toInvoice(inv1));
        // JPY 12,345 issued Jan 1, due Jan 31
        books.issue(jpy, Money.of(JPY, "12345"), LocalDate.of(2026, 1, 1));
        // BHD 1.234 issued and due Mar 20; 0.500 paid Mar 25
        InvoiceId inv3 = books.issue(bhd, Money.of(BHD, "1.234"), LocalDate.of(2026, 3, 20));
        books.pay(PaymentRequest.of(bhd, Money.of(BHD, "0.500")).withReceivedOn(LocalDate.of(2026, 3, 25))
                .toInvoice(inv3));
        // a draft and a void invoice that owe nothing, and EUR credit 10.00 received Mar 2
        books.draft(eur, Money.of(EUR, "999.00"), false);
        books.billing.invoices().voidInvoice(books.issue(eur, Money.of(EUR, "555.00"), LocalDate.of(2026, 1, 2)));
        books.pay(PaymentRequest.of(eur, Money.of(EUR, "10.00")).withReceivedOn(LocalDate.of(2026, 3, 2)).asCredit());
        books.clock.setDate(LocalDate.of(2026, 3, 1));
        books.billing.invoices().creditAmount(inv1, Money.of(EUR, "20.00"), "discount");
        books.clock.setDate(LocalDate.of(2026, 3, 31));

        // Feb 5: EUR 70.00 (12 days past due), JPY 12,345 (5 days); the credit note and BHD invoice are later
        AgingReport feb5 = books.billing.receivables().aging(LocalDate.of(2026, 2, 5));
        assertEquals(Map.of(AgingBucket.CURRENT, Money.of(EUR, "0"), AgingBucket.DAYS_1_30, Money.of(EUR, "70.00"),
                AgingBucket.DAYS_31_60, Money.of(EUR, "0"), AgingBucket.DAYS_61_90, Money.of(EUR, "0"),
                AgingBucket.OVER_90, Money.of(EUR, "0")), feb5.total(EUR).amounts());
        assertEquals(Money.of(JPY, "12345"), feb5.total(JPY).amount(AgingBucket.DAYS_1_30));
        assertEquals(Money.of(BHD, "0"), feb5.total(BHD).total());
        // Mar 31: EUR 50.00 is 66 days past due, JPY 59 days, BHD 0.734 11 days
        AgingReport mar31 = books.billing.receivables().aging(LocalDate.of(2026, 3, 31));
        assertEquals(Money.of(EUR, "50.00"), mar31.total(EUR).amount(AgingBucket.DAYS_61_90));
        assertEquals(Money.of(JPY, "12345"), mar31.total(JPY).amount(AgingBucket.DAYS_31_60));
        assertEquals(Money.of(BHD, "0.734"), mar31.total(BHD).amount(AgingBucket.DAYS_1_30));
        assertEquals(3, mar31.clients().size());
        // May 2: JPY 91 days past due, over 90; EUR 98 days
        AgingReport may2 = books.billing.receivables().aging(LocalDate.of(2026, 5, 2));
        assertEquals(Money.of(JPY, "12345"), may2.total(JPY).amount(AgingBucket.OVER_90));
        assertEquals(Money.of(EUR, "50.00"), may2.total(EUR).amount(AgingBucket.OVER_90));

        InvoiceBalance feb20 = books.billing.receivables().balance(inv1, LocalDate.of(2026, 2, 20));
        assertEquals(List.of(Money.of(EUR, "100.00"), Money.of(EUR, "30.00"), Money.of(EUR, "0.00"),
                Money.of(EUR, "70.00")), List.of(feb20.payable(), feb20.paid(), feb20.credited(), feb20.due()));
        assertEquals(List.of(new ClientBalance(eur, LocalDate.of(2026, 3, 31), Money.of(EUR, "50.00"),
                Money.of(EUR, "10.00"))), books.billing.receivables().clientBalance(eur, LocalDate.of(2026, 3, 31)));
        assertEquals(List.of(new ClientBalance(eur, LocalDate.of(2026, 3, 1), Money.of(EUR, "50.00"),
                Money.of(EUR, "0.00"))), books.billing.receivables().clientBalance(eur, LocalDate.of(2026, 3, 1)));
        assertEquals(List.of("eur", "jpy"), books.billing.receivables().overdue(LocalDate.of(2026, 3, 15)).stream()
                .map(b -> b.clientId().value()).toList(), "oldest due first; the BHD invoice is due Mar 20");
    }
}
