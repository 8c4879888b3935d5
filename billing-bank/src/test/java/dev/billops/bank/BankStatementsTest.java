package dev.billops.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.BankStatements;
import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.MatchOutcome;
import dev.billops.core.bank.MatchProposal;
import dev.billops.core.bank.StatementImportResult;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.core.money.Money;
import dev.billops.core.payment.Payment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Import behaviour beyond the sample files: conflicting ids, bad files, preview, concurrent imports. */
class BankStatementsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 15);
    private static final String ACCOUNT = "DE89370400440532013000";

    private static BankStatement statement(BankTransaction... txs) {
        return new BankStatement("test", "S1", ACCOUNT, List.of(txs));
    }

    @Test
    void importStatement_sameBankIdAgainWithAnotherAmount_recordsNothingAndAsksForReview() {
        BankFixture f = new BankFixture(new InMemoryBillingStore(), "acme");
        BankStatements bank = f.tenant.bankStatements();
        BankTransaction paid = BankTransaction.credit("B-1", DAY, Money.of("EUR", "1190.00"))
                .withStructuredReference("RF76INV202600001");
        bank.importStatement(statement(paid));
        List<Payment> before = f.payments();

        StatementImportResult again = bank.importStatement(statement(
                BankTransaction.credit("B-1", DAY, Money.of("EUR", "595.00")).withRemittance("INV-2026-00002")));

        assertEquals(List.of(), again.recorded());
        assertEquals(List.of(), again.alreadyRecorded());
        MatchProposal review = again.review().get(0);
        assertEquals(MatchOutcome.UNMATCHED, review.outcome());
        assertTrue(review.explanation().contains("bank transaction B-1 (key bank:" + ACCOUNT + ":B-1) was recorded"
                + " before as payment"), review.explanation());
        assertTrue(review.explanation().contains("of EUR 1190.00, but this booking is EUR 595.00"),
                review.explanation());
        assertEquals(before, f.payments());
        assertEquals(InvoiceStatus.ISSUED, f.invoice("INV-2026-00002").status());
    }

    @Test
    void importStatement_fileWithABadEntry_isRefusedBeforeAnythingIsRecorded() throws IOException {
        BankFixture f = new BankFixture(new InMemoryBillingStore(), "acme");
        String good;
        try (InputStream in = BankFixture.resource("camt053-december.xml")) {
            good = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // the fifth entry's amount has a decimal comma: the file is refused as a whole
        String bad = good.replace("<Amt Ccy=\"EUR\">83.30</Amt>", "<Amt Ccy=\"EUR\">83,30</Amt>");

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> f.tenant.bankStatements().importStatement(
                        CamtReader.create().read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))).get(0)));

        assertEquals("83,30", e.value());
        assertTrue(e.location().contains("element BkToCstmrStmt/Stmt/Ntry/Amt"), e.location());
        assertEquals(List.of(), f.payments());
        assertEquals(InvoiceStatus.ISSUED, f.invoice("INV-2026-00001").status());
    }

    @Test
    void preview_sampleStatement_proposesWithoutRecordingAndAgreesWithTheImport() {
        BankFixture f = new BankFixture(new InMemoryBillingStore(), "acme");
        BankStatements bank = f.tenant.bankStatements().withPayers(f.payers);
        BankStatement s = CamtReader.create().read(BankFixture.resource("camt053-december.xml")).get(0);

        List<MatchProposal> preview = bank.preview(s);

        assertEquals(List.of(), f.payments());
        StatementImportResult result = bank.importStatement(s);
        List<MatchProposal> imported = new ArrayList<>();
        result.recorded().forEach(r -> imported.add(r.proposal()));
        imported.addAll(result.review());
        assertEquals(preview.size(), imported.size());
        assertTrue(imported.containsAll(preview) && preview.containsAll(imported));
        assertEquals(result.review(), bank.preview(s), "after the import only the review list is proposed again");
    }

    @ParameterizedTest
    @EnumSource(value = TestStores.Kind.class, names = {"H2", "POSTGRES"})
    void importStatement_sameStatementFromFourThreadsAtOnce_recordsEachPaymentOnce(TestStores.Kind kind)
            throws Exception {
        try (TestStores stores = TestStores.open(kind)) {
            BankFixture f = new BankFixture(stores.store, "acme");
            BankStatement s = CamtReader.create().read(BankFixture.resource("camt053-december.xml")).get(0);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<StatementImportResult>> runs = new ArrayList<>();
            try {
                Callable<StatementImportResult> work = () -> f.tenant.bankStatements().withPayers(f.payers)
                        .importStatement(s);
                for (int i = 0; i < 4; i++) {
                    runs.add(pool.submit(work));
                }
                for (Future<StatementImportResult> run : runs) {
                    run.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }

            List<Payment> payments = f.payments();
            assertEquals(4, payments.size(), payments.toString());
            assertEquals(4, payments.stream().map(Payment::idempotencyKey).distinct().count());
            for (String paid : List.of("INV-2026-00001", "INV-2026-00002", "INV-2026-00004", "INV-2026-00006")) {
                assertEquals(InvoiceStatus.PAID, f.invoice(paid).status(), paid);
                assertEquals(f.invoice(paid).totals().payable(), f.invoice(paid).paid(), paid);
            }
        }
    }
}
