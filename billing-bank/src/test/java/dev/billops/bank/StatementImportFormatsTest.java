package dev.billops.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.BankStatements;
import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.MatchOutcome;
import dev.billops.core.bank.MatchProposal;
import dev.billops.core.bank.OpenInvoice;
import dev.billops.core.bank.StatementImportResult;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.payment.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sample statement of each format imported into {@link BankFixture}'s tenant, with the
 * expected match of every incoming payment written out (outcome, rule, invoices), then imported
 * again: the second import records nothing. On every store: in memory, H2 and PostgreSQL through
 * {@code JdbcStores}.
 */
class StatementImportFormatsTest {

    /** What the import proposes for one incoming payment: {@code OUTCOME RULE invoice numbers}. */
    private static String row(MatchProposal p) {
        return p.outcome() + " " + p.rule() + " " + p.invoices().stream().map(OpenInvoice::number)
                .collect(Collectors.joining(","));
    }

    /** Every incoming payment of the import, in statement order: recorded ones, then review. */
    private static List<String> rows(StatementImportResult r) {
        List<String> rows = new ArrayList<>();
        r.recorded().forEach(x -> rows.add(x.proposal().transaction().id() + " " + row(x.proposal())));
        r.review().forEach(p -> rows.add(p.transaction().id() + " " + row(p)));
        return rows;
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void importStatement_camt053WithBatchBooking_matchesAsWrittenAndReimportRecordsNothing(TestStores.Kind kind) {
        try (TestStores stores = TestStores.open(kind)) {
            BankFixture f = new BankFixture(stores.store, "acme");
            List<BankStatement> statements = CamtReader.create().read(BankFixture.resource("camt053-december.xml"));
            assertEquals(1, statements.size());
            BankStatements importer = f.tenant.bankStatements().withPayers(f.payers);

            StatementImportResult first = importer.importStatement(statements.get(0));

            assertEquals(List.of(
                    "2026121500001 EXACT CREDITOR_REFERENCE INV-2026-00001",
                    "2026121500002-A EXACT INVOICE_NUMBER INV-2026-00002",
                    "2026121500003 EXACT PAYER_IBAN INV-2026-00004",
                    "2026121500005 EXACT AMOUNT_AND_DATE INV-2026-00006",
                    "2026121500002-B PARTIAL INVOICE_NUMBER INV-2026-00003",
                    "2026121500004 OVER INVOICE_NUMBER INV-2026-00005",
                    "2026121500006 AMBIGUOUS AMOUNT_AND_DATE INV-2026-00007,INV-2026-00008",
                    "2026121500008 UNMATCHED NONE "), rows(first));
            assertEquals(List.of("2026121500007"), first.ignored().stream().map(t -> t.id()).toList());
            for (String paid : List.of("INV-2026-00001", "INV-2026-00002", "INV-2026-00004", "INV-2026-00006")) {
                assertEquals(InvoiceStatus.PAID, f.invoice(paid).status(), paid);
            }
            for (String open : List.of("INV-2026-00003", "INV-2026-00005", "INV-2026-00007", "INV-2026-00008")) {
                assertEquals(InvoiceStatus.ISSUED, f.invoice(open).status(), open);
            }
            List<Payment> payments = f.payments();
            assertEquals(4, payments.size(), payments.toString());
            assertTrue(payments.stream().anyMatch(p -> "bank:DE89370400440532013000:2026121500002-A"
                    .equals(p.idempotencyKey()) && p.receivedOn().equals(java.time.LocalDate.of(2026, 12, 16))
                    && "2026121500002-A".equals(p.externalRef())), payments.toString());

            StatementImportResult again = importer.importStatement(
                    CamtReader.create().read(BankFixture.resource("camt053-december.xml")).get(0));

            assertEquals(List.of(), again.recorded());
            assertEquals(first.recorded().stream().map(StatementImportResult.Recorded::paymentId).toList(),
                    again.alreadyRecorded().stream().map(StatementImportResult.AlreadyRecorded::paymentId).toList());
            assertEquals(first.review(), again.review());
            assertEquals(payments, f.payments());
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void importStatement_camt054Notification_matchesAsWrittenAndReimportRecordsNothing(TestStores.Kind kind) {
        try (TestStores stores = TestStores.open(kind)) {
            BankFixture f = new BankFixture(stores.store, "acme");
            BankStatements importer = f.tenant.bankStatements().withPayers(f.payers);
            BankStatement statement = CamtReader.create().read(BankFixture.resource("camt054-notification.xml")).get(0);

            StatementImportResult first = importer.importStatement(statement);

            assertEquals("camt.054.001.02", statement.format());
            assertEquals(List.of(
                    "N2026121700011-1 EXACT CREDITOR_REFERENCE INV-2026-00007",
                    "N2026121700012-1 EXACT PAYER_IBAN INV-2026-00003"), rows(first));
            assertTrue(first.recorded().get(1).proposal().explanation().contains(
                    "of them only INV-2026-00003 owes exactly EUR 476.00"), first.recorded().get(1).proposal()
                    .explanation());
            int count = f.payments().size();

            StatementImportResult again = importer.importStatement(statement);

            assertEquals(2, again.alreadyRecorded().size());
            assertEquals(count, f.payments().size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void importStatement_mt940_matchesAsWrittenAndReimportRecordsNothing(TestStores.Kind kind) {
        try (TestStores stores = TestStores.open(kind)) {
            BankFixture f = new BankFixture(stores.store, "acme");
            BankStatements importer = f.tenant.bankStatements().withPayers(f.payers);
            BankStatement statement = Mt940Reader.create().read(BankFixture.resource("mt940-december.sta")).get(0);

            StatementImportResult first = importer.importStatement(statement);

            assertEquals(List.of(
                    "2026121500101 EXACT INVOICE_NUMBER INV-2026-00002",
                    "2026121500102 EXACT CREDITOR_REFERENCE INV-2026-00005",
                    "derived EXACT AMOUNT_AND_DATE INV-2026-00004"), rows(first).stream()
                    .map(r -> r.startsWith("derived:") ? "derived" + r.substring(r.indexOf(' ')) : r).toList());
            assertEquals(1, first.ignored().size());
            int count = f.payments().size();
            assertEquals(3, count);

            StatementImportResult again = importer.importStatement(
                    Mt940Reader.create().read(BankFixture.resource("mt940-december.sta")).get(0));

            assertEquals(3, again.alreadyRecorded().size());
            assertEquals(List.of(), again.recorded());
            assertEquals(count, f.payments().size());
        }
    }

    @ParameterizedTest
    @EnumSource(TestStores.Kind.class)
    void importStatement_sparkasseCsv_matchesAsWrittenAndReimportRecordsNothing(TestStores.Kind kind) {
        try (TestStores stores = TestStores.open(kind)) {
            BankFixture f = new BankFixture(stores.store, "acme");
            BankStatements importer = f.tenant.bankStatements().withPayers(f.payers);
            CsvStatementReader reader = CsvStatementReader.of(CsvStatementReaderTest.SPARKASSE);
            BankStatement statement = reader.read(BankFixture.resource("sparkasse-december.csv")).get(0);

            StatementImportResult first = importer.importStatement(statement);

            assertEquals(List.of(
                    "EXACT CREDITOR_REFERENCE INV-2026-00001",
                    "EXACT INVOICE_NUMBER INV-2026-00002,INV-2026-00008",
                    "EXACT PAYER_IBAN INV-2026-00004",
                    "UNMATCHED NONE "), rows(first).stream().map(r -> r.substring(r.indexOf(' ') + 1)).toList());
            assertEquals(InvoiceStatus.PAID, f.invoice("INV-2026-00008").status());
            assertEquals(3, f.payments().size());

            StatementImportResult again = importer.importStatement(
                    reader.read(BankFixture.resource("sparkasse-december.csv")).get(0));

            assertEquals(3, again.alreadyRecorded().size());
            assertEquals(3, f.payments().size());
            assertEquals(MatchOutcome.UNMATCHED, again.review().get(0).outcome());
        }
    }
}
