package dev.billops.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementMatcherTest {

    private static final ClientId ACME = ClientId.of("acme");
    private static final ClientId GLOBEX = ClientId.of("globex");
    private static final LocalDate BOOKED = LocalDate.of(2026, 12, 10);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 15);

    private final StatementMatcher matcher = new StatementMatcher(
            PayerDirectory.of(Map.of("DE02 1203 0000 0000 2020 51", ACME)), MatchingPolicy.defaults());

    private static OpenInvoice invoice(String number, ClientId client, String due) {
        return new OpenInvoice(InvoiceId.of("id-" + number), number, client, Money.of("EUR", due), DUE);
    }

    private static BankTransaction credit(String amount) {
        return BankTransaction.credit("tx-1", BOOKED, Money.of("EUR", amount));
    }

    private static List<String> numbers(MatchProposal p) {
        return p.invoices().stream().map(OpenInvoice::number).toList();
    }

    @Test
    void propose_structuredCreditorReference_exactMatchByRuleOne() {
        OpenInvoice inv = invoice("INV-2026-00042", ACME, "1190.00");
        BankTransaction tx = credit("1190.00").withStructuredReference("RF36INV202600042");

        MatchProposal p = matcher.propose(tx, OpenInvoices.of(List.of(inv, invoice("INV-2026-00043", ACME, "1190.00"))));

        assertEquals(MatchOutcome.EXACT, p.outcome());
        assertEquals(MatchRule.CREDITOR_REFERENCE, p.rule());
        assertEquals(List.of("INV-2026-00042"), numbers(p));
        assertEquals(ACME, p.clientId());
        assertTrue(p.explanation().startsWith("creditor reference RF36 INV2 0260 0042 is the reference of invoice"
                + " INV-2026-00042 (owes EUR 1190.00); it owes exactly EUR 1190.00"), p.explanation());
    }

    @Test
    void propose_printedReferenceInRemittanceText_foundInGroupsOfFour() {
        OpenInvoice inv = invoice("INV-2026-00042", ACME, "1190.00");
        BankTransaction tx = credit("1000.00").withRemittance("Payment rf36 inv2 0260 0042 thanks a lot");

        MatchProposal p = matcher.propose(tx, OpenInvoices.of(List.of(inv)));

        assertEquals(MatchRule.CREDITOR_REFERENCE, p.rule());
        assertEquals(MatchOutcome.PARTIAL, p.outcome());
        assertTrue(p.explanation().contains("EUR 1000.00 is EUR 190.00 less than the EUR 1190.00 it owes"),
                p.explanation());
    }

    @Test
    void propose_printedReferenceFollowedByShortWords_stillFound() {
        OpenInvoice inv = invoice("5390-0754-7034", ACME, "10.00");
        BankTransaction tx = credit("10.00").withRemittance("paid RF18 5390 0754 7034 from ACME Ltd ok");

        MatchProposal p = matcher.propose(tx, OpenInvoices.of(List.of(inv)));

        assertEquals(MatchRule.CREDITOR_REFERENCE, p.rule());
        assertEquals(MatchOutcome.EXACT, p.outcome());
        assertTrue(p.explanation().startsWith("creditor reference RF18 5390 0754 7034 is the reference of"),
                p.explanation());
    }

    @Test
    void propose_referenceOfNoOpenInvoice_fallsThroughAndSaysSo() {
        OpenInvoice inv = invoice("INV-2026-00042", ACME, "100.00");
        BankTransaction tx = credit("100.00").withStructuredReference("RF18 5390 0754 7034")
                .withRemittance("INV 2026 00042");

        MatchProposal p = matcher.propose(tx, OpenInvoices.of(List.of(inv)));

        assertEquals(MatchRule.INVOICE_NUMBER, p.rule());
        assertEquals(MatchOutcome.EXACT, p.outcome());
        assertTrue(p.explanation().endsWith("creditor reference RF18 5390 0754 7034 is no open invoice's"),
                p.explanation());
    }

    @Test
    void propose_invoiceNumberWithOtherSpacingCaseAndPunctuation_matches() {
        OpenInvoice inv = invoice("INV-2026-0001", ACME, "50.00");
        for (String text : List.of("inv-2026-0001", "INV 2026 0001", "Rechnung:INV/2026/0001.", "(inv2026-0001)",
                "INV-2026-0001,INV-2026-0777")) {
            MatchProposal p = matcher.propose(credit("50.00").withRemittance(text), OpenInvoices.of(List.of(inv)));

            assertEquals(MatchOutcome.EXACT, p.outcome(), text);
            assertEquals(MatchRule.INVOICE_NUMBER, p.rule(), text);
        }
    }

    @Test
    void propose_numberInsideALongerNumber_neverMatches() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-0001", ACME, "50.00")));
        for (String text : List.of("INV-2026-00012", "XINV-2026-0001", "INV-2026-0001A", "INV-2026-00010 paid")) {
            MatchProposal p = matcher.propose(credit("50.00").withRemittance(text), open);

            assertEquals(MatchRule.AMOUNT_AND_DATE, p.rule(), text + ": " + p.explanation());
        }
    }

    @Test
    void propose_bothNumbersOpenAndTheLongerOneWritten_choosesTheLongerOne() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-0001", ACME, "50.00"),
                invoice("INV-2026-00012", ACME, "70.00")));

        MatchProposal split = matcher.propose(credit("70.00").withRemittance("INV-2026-0001 2"), open);
        MatchProposal plain = matcher.propose(credit("70.00").withRemittance("INV-2026-00012"), open);

        assertEquals(List.of("INV-2026-00012"), numbers(split));
        assertEquals(List.of("INV-2026-00012"), numbers(plain));
        assertEquals(MatchOutcome.EXACT, plain.outcome());
    }

    @Test
    void propose_twoNumbersWhoseDuesAddUp_paysBothTogether() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00007", ACME, "30.00"),
                invoice("INV-2026-00008", ACME, "20.00"), invoice("INV-2026-00009", ACME, "50.00")));

        MatchProposal p = matcher.propose(credit("50.00").withRemittance("INV-2026-00008 + INV-2026-00007"), open);

        assertEquals(MatchOutcome.EXACT, p.outcome());
        assertEquals(List.of("INV-2026-00007", "INV-2026-00008"), numbers(p));
        assertTrue(p.explanation().contains("together they owe exactly EUR 50.00"), p.explanation());
    }

    @Test
    void propose_twoNumbersOfTwoClientsAddingUp_isAmbiguous() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00007", ACME, "30.00"),
                invoice("INV-2026-00008", GLOBEX, "20.00")));

        MatchProposal p = matcher.propose(credit("50.00").withRemittance("INV-2026-00007 INV-2026-00008"), open);

        assertEquals(MatchOutcome.AMBIGUOUS, p.outcome());
        assertNull(p.clientId());
        assertEquals(2, p.invoices().size());
    }

    @Test
    void propose_twoNumbersAndMoreThanBoth_isOver() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00007", ACME, "30.00"),
                invoice("INV-2026-00008", ACME, "20.00")));

        MatchProposal p = matcher.propose(credit("60.00").withRemittance("INV-2026-00007 INV-2026-00008"), open);

        assertEquals(MatchOutcome.OVER, p.outcome());
        assertTrue(p.explanation().contains("EUR 60.00 is EUR 10.00 more than the EUR 50.00 they owe together"),
                p.explanation());
    }

    @Test
    void propose_knownPayerIbanWithOneOpenInvoice_matchesByRuleThree() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00007", ACME, "30.00"),
                invoice("INV-2026-00008", GLOBEX, "30.00")));
        BankTransaction tx = credit("30.00").withPayer("ACME GmbH", "de02120300000000202051")
                .withRemittance("November");

        MatchProposal p = matcher.propose(tx, open);

        assertEquals(MatchRule.PAYER_IBAN, p.rule());
        assertEquals(MatchOutcome.EXACT, p.outcome());
        assertEquals(List.of("INV-2026-00007"), numbers(p));
        assertTrue(p.explanation().startsWith("payer account DE02120300000000202051 is client acme's, who owes"),
                p.explanation());
    }

    @Test
    void propose_knownPayerWhoOwesNothing_isUnmatchedForThatClientWithoutTryingTheAmount() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00008", GLOBEX, "30.00")));
        BankTransaction tx = credit("30.00").withPayer(null, "DE02120300000000202051");

        MatchProposal p = matcher.propose(tx, open);

        assertEquals(MatchOutcome.UNMATCHED, p.outcome());
        assertEquals(MatchRule.PAYER_IBAN, p.rule());
        assertEquals(ACME, p.clientId());
        assertEquals(List.of(), p.invoices());
    }

    @Test
    void propose_referenceOfOtherClientThanThePayer_followsTheReferenceAndNotesThePayer() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00008", GLOBEX, "30.00")));
        BankTransaction tx = credit("30.00").withPayer(null, "DE02120300000000202051")
                .withStructuredReference(CreditorReference.forInvoiceNumber("INV-2026-00008").value());

        MatchProposal p = matcher.propose(tx, open);

        assertEquals(MatchOutcome.EXACT, p.outcome());
        assertEquals(GLOBEX, p.clientId());
        assertTrue(p.explanation().contains("the payer account DE02120300000000202051 is client acme's, not globex's"),
                p.explanation());
    }

    @Test
    void propose_onlyTheAmountWithinTheWindow_exactByRuleFour() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00007", ACME, "30.00"),
                invoice("INV-2026-00008", GLOBEX, "45.50")));

        MatchProposal p = matcher.propose(credit("45.50"), open);

        assertEquals(MatchRule.AMOUNT_AND_DATE, p.rule());
        assertEquals(MatchOutcome.EXACT, p.outcome());
        assertEquals(GLOBEX, p.clientId());
    }

    @Test
    void propose_amountOutsideTheWindow_isUnmatched() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00008", GLOBEX, "45.50")));
        BankTransaction late = BankTransaction.credit("tx-9", DUE.plusDays(91), Money.of("EUR", "45.50"));
        BankTransaction lastDay = BankTransaction.credit("tx-9", DUE.plusDays(90), Money.of("EUR", "45.50"));

        assertEquals(MatchOutcome.UNMATCHED, matcher.propose(late, open).outcome());
        assertEquals(MatchRule.NONE, matcher.propose(late, open).rule());
        assertEquals(MatchOutcome.EXACT, matcher.propose(lastDay, open).outcome());
    }

    @Test
    void propose_twoInvoicesOfTheAmount_isAmbiguousWithBoth() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00008", GLOBEX, "45.50"),
                invoice("INV-2026-00003", ACME, "45.50")));

        MatchProposal p = matcher.propose(credit("45.50"), open);

        assertEquals(MatchOutcome.AMBIGUOUS, p.outcome());
        assertEquals(List.of("INV-2026-00003", "INV-2026-00008"), numbers(p));
    }

    @Test
    void propose_otherCurrency_neverMatchesAndSaysSo() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00008", GLOBEX, "45.50")));
        BankTransaction usd = BankTransaction.credit("tx-2", BOOKED, Money.of("USD", "45.50"))
                .withRemittance("INV-2026-00008");

        MatchProposal p = matcher.propose(usd, open);

        assertEquals(MatchOutcome.UNMATCHED, p.outcome());
        assertTrue(p.explanation().contains("invoice INV-2026-00008 (owes EUR 45.50) named but not in USD"),
                p.explanation());
    }

    @Test
    void propose_debitOrReversal_isUnmatched() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00008", GLOBEX, "45.50")));

        assertEquals(MatchOutcome.UNMATCHED, matcher.propose(credit("45.50").asDebit(), open).outcome());
        assertEquals(MatchOutcome.UNMATCHED, matcher.propose(credit("45.50").asReversal(), open).outcome());
    }

    @Test
    void propose_sameInputTwice_sameProposal() {
        OpenInvoices open = OpenInvoices.of(List.of(invoice("INV-2026-00008", GLOBEX, "45.50"),
                invoice("INV-2026-00003", ACME, "45.50")));
        OpenInvoices reversed = OpenInvoices.of(List.of(invoice("INV-2026-00003", ACME, "45.50"),
                invoice("INV-2026-00008", GLOBEX, "45.50")));

        assertEquals(matcher.propose(credit("45.50"), open), matcher.propose(credit("45.50"), reversed));
    }

    @Test
    void propose_shortInvoiceNumbers_areNotSearchedInText() {
        OpenInvoices open = OpenInvoices.of(List.of(new OpenInvoice(InvoiceId.of("i-42"), "42", ACME,
                Money.of("EUR", "10.00"), null)));

        MatchProposal p = matcher.propose(credit("10.00").withRemittance("order 42"), open);

        assertEquals(MatchOutcome.UNMATCHED, p.outcome());
    }
}
