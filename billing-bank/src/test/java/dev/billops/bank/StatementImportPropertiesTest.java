package dev.billops.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.CreditorReference;
import dev.billops.core.bank.MatchOutcome;
import dev.billops.core.bank.MatchRule;
import dev.billops.core.bank.OpenInvoice;
import dev.billops.core.bank.StatementImportResult;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.ManualLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.numbering.CounterReset;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.testkit.clock.MutableClock;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * For random invoices (numbered by one of several numbering patterns, some of whose numbers are
 * prefixes of others, some too long for a readable RF body) and payments of exactly what they owe
 * that carry the invoice's reference as the library prints it (the ISO 11649 reference in the
 * structured field or in the text, printed or electronic, any case) or its number written with
 * other spacing, case and punctuation, every payment matches its own invoice, by the rule its
 * reference calls for, and is recorded against it; invoices nobody paid stay open.
 */
class StatementImportPropertiesTest {

    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 1);
    private static final List<ClientId> CLIENTS = List.of(ClientId.of("acme"), ClientId.of("globex"),
            ClientId.of("initech"));

    /** How a payer refers to the invoice it pays. */
    enum Style { STRUCTURED_RF, PRINTED_RF_IN_TEXT, ELECTRONIC_RF_IN_TEXT, NUMBER_IN_TEXT, UNPAID }

    /** The numbering patterns tried: default, short numbers that are prefixes of others, digits only, per client, too long for an RF body. */
    private static final List<SeriesNumbering> PATTERNS = List.of(
            SeriesNumbering.defaultFor("INV"),
            SeriesNumbering.of("{prefix}-{seq}", "INV"),
            SeriesNumbering.of("{yy}{mm}/{seq:3}", "INV").withReset(CounterReset.MONTHLY),
            SeriesNumbering.of("{client}-{seq:2}", "INV").withPerClientCounters(true),
            SeriesNumbering.of("RE {yyyy}.{seq}", "INV").withReset(CounterReset.YEARLY),
            SeriesNumbering.of("{prefix}-{client}-{yyyy}{mm}-{seq:6}", "INV"));

    record Spec(int client, long netCents, Style style, long textSeed) {
    }

    record Case(int pattern, List<Spec> invoices) {
    }

    private static final Gen<Spec> SPECS = Gen.compose(d -> new Spec(d.nextInt(CLIENTS.size()),
            d.draw(Gen.longs(1, 2_000_000)), d.draw(Gen.enumValues(Style.class)), d.draw(Gen.longs(0, 1L << 40))));

    private static final Gen<Case> CASES = Gen.compose(d -> new Case(d.nextInt(PATTERNS.size()),
            d.draw(Gen.listOf(SPECS, 1, 14))));

    @Test
    void importStatement_paymentsCarryingPrintedReferences_eachMatchesAndPaysItsOwnInvoice() {
        Property.forAll(CASES)
                .tries(60)
                .maxShrinkSteps(200)
                .label("pattern", c -> PATTERNS.get(c.pattern()).pattern().text())
                .label("invoices", c -> c.invoices().size() > 7 ? "8-14" : "1-7")
                .verify(this::check);
    }

    private void check(Case c) {
        MutableClock clock = MutableClock.at(ISSUED);
        TenantBilling t = Billing.builder().stores(new InMemoryBillingStore()).clock(clock).build()
                .tenant(TenantId.of("acme"), Actor.user("office@acme.test"));
        Address berlin = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");
        t.profile().save(Tenant.of(TenantId.of("acme"), "Acme GmbH", berlin).withVatId("DE123456789")
                .withBankAccount("DE89370400440532013000", null).withDefaultVatRate(new BigDecimal("19"))
                .withNumbering(NumberingPolicy.defaults()
                        .withSeries(NumberingPolicy.INVOICE_SERIES, PATTERNS.get(c.pattern()))));
        for (ClientId id : CLIENTS) {
            t.clients().create(Client.of(id, "Client " + id.value(), berlin, Currencies.of("EUR")));
        }
        List<BankTransaction> txs = new ArrayList<>();
        Map<String, Invoice> paidBy = new HashMap<>();
        Map<String, Style> styleOf = new HashMap<>();
        List<Invoice> unpaid = new ArrayList<>();
        for (Spec s : c.invoices()) {
            Invoice draft = t.invoices().createDraft(CLIENTS.get(s.client()));
            t.invoices().addLine(draft.id(), ManualLine.of("Work", BigDecimal.ONE, UnitCode.PIECE,
                    UnitPrice.of(Currencies.of("EUR"), BigDecimal.valueOf(s.netCents(), 2))));
            Invoice inv = t.invoices().issue(draft.id());
            if (s.style() == Style.UNPAID) {
                unpaid.add(inv);
                continue;
            }
            Random r = new Random(s.textSeed());
            String txId = "TX-" + txs.size();
            BankTransaction tx = BankTransaction.credit(txId, ISSUED.plusDays(r.nextInt(40)), inv.totals().payable());
            txs.add(referring(tx, inv.number(), s.style(), r));
            paidBy.put(txId, inv);
            styleOf.put(txId, s.style());
        }
        java.util.Collections.shuffle(txs, new Random(c.invoices().size()));

        StatementImportResult result = t.bankStatements()
                .importStatement(new BankStatement("test", "S", "DE89370400440532013000", txs));

        assertEquals(List.of(), result.review(), "every payment matched exactly");
        assertEquals(txs.size(), result.recorded().size());
        for (StatementImportResult.Recorded rec : result.recorded()) {
            String txId = rec.proposal().transaction().id();
            Invoice own = paidBy.get(txId);
            assertEquals(MatchOutcome.EXACT, rec.proposal().outcome(), rec.proposal().explanation());
            assertEquals(List.of(own.number()), rec.proposal().invoices().stream().map(OpenInvoice::number).toList(),
                    rec.proposal().transaction() + ": " + rec.proposal().explanation());
            assertEquals(styleOf.get(txId) == Style.NUMBER_IN_TEXT ? MatchRule.INVOICE_NUMBER
                    : MatchRule.CREDITOR_REFERENCE, rec.proposal().rule(), rec.proposal().explanation());
            assertEquals(InvoiceStatus.PAID, t.invoices().get(own.id()).status(), own.number());
        }
        for (Invoice inv : unpaid) {
            assertEquals(InvoiceStatus.ISSUED, t.invoices().get(inv.id()).status(), inv.number());
        }
    }

    /** {@code tx} carrying the reference of invoice {@code number} in {@code style}, with some words around it. */
    private static BankTransaction referring(BankTransaction tx, String number, Style style, Random r) {
        CreditorReference rf = CreditorReference.forInvoiceNumber(number);
        String before = pick(r, "", "Rechnung ", "Invoice: ", "Zahlung zu ", "(", "Payment for invoice ");
        String after = pick(r, "", " danke", ", thanks!", ")", " - Kundennummer folgt");
        return switch (style) {
            case STRUCTURED_RF -> tx.withStructuredReference(r.nextBoolean() ? rf.value() : rf.printed())
                    .withRemittance(r.nextBoolean() ? "" : before + "Dezember" + after);
            case PRINTED_RF_IN_TEXT -> tx.withRemittance(before + cased(rf.printed(), r) + after);
            case ELECTRONIC_RF_IN_TEXT -> tx.withRemittance(before + cased(rf.value(), r) + after);
            case NUMBER_IN_TEXT -> tx.withRemittance(before + rewritten(number, r) + after);
            case UNPAID -> throw new IllegalArgumentException("an unpaid invoice has no payment");
        };
    }

    /** The number with its punctuation and spaces replaced at random and its letters in random case. */
    private static String rewritten(String number, Random r) {
        StringBuilder sb = new StringBuilder();
        for (char ch : number.toCharArray()) {
            if (Character.isLetterOrDigit(ch)) {
                sb.append(r.nextBoolean() ? Character.toLowerCase(ch) : Character.toUpperCase(ch));
            } else {
                sb.append(pick(r, "-", " ", "/", ".", "", " - "));
            }
        }
        return sb.toString();
    }

    private static String cased(String s, Random r) {
        return r.nextBoolean() ? s.toLowerCase(Locale.ROOT) : s;
    }

    private static String pick(Random r, String... options) {
        return options[r.nextInt(options.length)];
    }
}
