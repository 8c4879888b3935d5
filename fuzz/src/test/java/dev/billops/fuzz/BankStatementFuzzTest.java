package dev.billops.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.billops.bank.CamtReader;
import dev.billops.bank.CsvField;
import dev.billops.bank.CsvFormat;
import dev.billops.bank.CsvStatementReader;
import dev.billops.bank.Mt940Reader;
import dev.billops.bank.StatementReader;
import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.MatchingPolicy;
import dev.billops.core.bank.OpenInvoice;
import dev.billops.core.bank.OpenInvoices;
import dev.billops.core.bank.PayerDirectory;
import dev.billops.core.bank.StatementMatcher;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.Money;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The bank statement readers (camt XML with its hardening, MT940, CSV) with hostile files, and
 * the matcher over every transaction they return (remittance texts searched for references and
 * invoice numbers).
 */
class BankStatementFuzzTest {

    private static final CsvFormat CSV = CsvFormat.defaults().withDelimiter(';').withDecimalSeparator(',')
            .withGroupingSeparator('.').withDatePattern("dd.MM.yy").withCurrency("EUR")
            .withColumn(CsvField.BOOKING_DATE, "Buchungstag").withColumn(CsvField.AMOUNT, "Betrag")
            .withColumn(CsvField.REMITTANCE, "Verwendungszweck").withColumn(CsvField.PAYER_IBAN, "IBAN")
            .withColumn(CsvField.TRANSACTION_ID, "Id");

    private static final OpenInvoices OPEN = OpenInvoices.of(List.of(
            invoice("INV-2026-00001", "acme", "1190.00"), invoice("INV-2026-00012", "acme", "50.00"),
            invoice("INV-1", "globex", "10.00"), invoice("2612/001", "globex", "119.00")));

    private static final StatementMatcher MATCHER = new StatementMatcher(
            PayerDirectory.of(Map.of("DE02120300000000202051", ClientId.of("acme"))), MatchingPolicy.defaults());

    private static OpenInvoice invoice(String number, String client, String due) {
        return new OpenInvoice(InvoiceId.of("i-" + Math.abs(number.hashCode())), number, ClientId.of(client),
                Money.of("EUR", due), LocalDate.of(2026, 12, 31));
    }

    @FuzzTest(maxDuration = "5m")
    void camt_anyXml_statementsOrTypedRefusal(byte[] input) {
        readAndMatch(CamtReader.create().withMaxBytes(1 << 20), input);
    }

    @FuzzTest(maxDuration = "5m")
    void mt940_anyText_statementsOrTypedRefusal(byte[] input) {
        readAndMatch(Mt940Reader.create().withMaxBytes(1 << 20), input);
    }

    @FuzzTest(maxDuration = "5m")
    void csv_anyText_statementsOrTypedRefusal(byte[] input) {
        readAndMatch(CsvStatementReader.of(CSV).withMaxBytes(1 << 20), input);
    }

    private static void readAndMatch(StatementReader reader, byte[] input) {
        List<BankStatement> statements;
        try {
            statements = reader.read(new ByteArrayInputStream(input));
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
            return;
        }
        for (BankStatement statement : statements) {
            for (BankTransaction tx : statement.transactions()) {
                MATCHER.propose(tx, OPEN);
                statement.idempotencyKey(tx);
            }
        }
    }
}
