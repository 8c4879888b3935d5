package dev.billops.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.CreditDebit;
import dev.billops.core.money.Money;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvStatementReaderTest {

    /** The layout of a German savings bank's CSV-CAMT export. */
    static final CsvFormat SPARKASSE = CsvFormat.defaults()
            .withCharset(Charset.forName("windows-1252")).withDelimiter(';').withDecimalSeparator(',')
            .withGroupingSeparator('.').withDatePattern("dd.MM.yy").withAccount("DE89370400440532013000")
            .withColumn(CsvField.BOOKING_DATE, "Buchungstag").withColumn(CsvField.VALUE_DATE, "Valutadatum")
            .withColumn(CsvField.AMOUNT, "Betrag").withColumn(CsvField.CURRENCY, "Waehrung")
            .withColumn(CsvField.REMITTANCE, "Verwendungszweck")
            .withColumn(CsvField.PAYER_NAME, "Beguenstigter/Zahlungspflichtiger")
            .withColumn(CsvField.PAYER_IBAN, "Kontonummer/IBAN");

    private static final CsvFormat SIMPLE = CsvFormat.defaults().withCurrency("EUR")
            .withColumn(CsvField.BOOKING_DATE, "date").withColumn(CsvField.AMOUNT, "amount")
            .withColumn(CsvField.REMITTANCE, "text").withColumn(CsvField.TRANSACTION_ID, "id");

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_sparkasseSample_givesEveryRowWithQuotedLineBreaks() {
        BankStatement s = CsvStatementReader.of(SPARKASSE).read(BankFixture.resource("sparkasse-december.csv")).get(0);

        assertEquals("CSV", s.format());
        assertEquals("DE89370400440532013000", s.account());
        List<BankTransaction> txs = s.transactions();
        assertEquals(5, txs.size());
        assertEquals(Money.of("EUR", "1190.00"), txs.get(0).amount());
        assertEquals("RF76 INV2 0260 0001", txs.get(0).remittance());
        assertEquals(LocalDate.of(2026, 12, 15), txs.get(1).bookingDate());
        assertEquals(LocalDate.of(2026, 12, 16), txs.get(1).valueDate());
        assertEquals(CreditDebit.DEBIT, txs.get(2).direction());
        assertEquals(Money.of("EUR", "12.50"), txs.get(2).amount());
        assertEquals("Umbrella Corp; Beratung\r\nDezember \"Projekt Nord\"", txs.get(3).remittance());
        assertEquals("DE02120300000000202051", txs.get(3).payerIban());
        assertEquals("Müller, Jörg", txs.get(4).payerName());
        assertTrue(txs.stream().allMatch(t -> t.id().startsWith("derived:")));
    }

    @Test
    void read_directionColumnAndNoHeader_usesPositionsAndMarks() {
        CsvFormat format = CsvFormat.defaults().withHeader(false).withCurrency("EUR").withDatePattern("yyyyMMdd")
                .withColumn(CsvField.BOOKING_DATE, "1").withColumn(CsvField.AMOUNT, "2")
                .withDirection("3", "H", "S").withColumn(CsvField.REMITTANCE, "4").withColumn(CsvField.REMITTANCE, "5");

        List<BankTransaction> txs = CsvStatementReader.of(format)
                .read(csv("20261201,10.00,H,Invoice,INV-2026-00001\n20261202,3.50,s,Fee,\n")).get(0).transactions();

        assertEquals(CreditDebit.CREDIT, txs.get(0).direction());
        assertEquals("Invoice INV-2026-00001", txs.get(0).remittance());
        assertEquals(CreditDebit.DEBIT, txs.get(1).direction());
    }

    @Test
    void read_zeroAndBlankRows_areSkipped() {
        List<BankTransaction> txs = CsvStatementReader.of(SIMPLE)
                .read(csv("date,amount,text,id\n2026-12-01,0.00,x,1\n,,,\n\n2026-12-01,1.00,y,2\n")).get(0)
                .transactions();

        assertEquals(List.of("2"), txs.stream().map(BankTransaction::id).toList());
    }

    @Test
    void read_badAmount_throwsNamingLineColumnAndValue() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> CsvStatementReader.of(SIMPLE).read(csv("date,amount,text,id\n2026-12-01,1.00,a,1\n"
                        + "2026-12-02,12.5x,b,2\n")));

        assertEquals("line 3, column amount", e.location());
        assertEquals("12.5x", e.value());
    }

    @Test
    void read_amountWithTheOtherDecimalSeparator_isRefusedNotMisread() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> CsvStatementReader.of(SPARKASSE.withCharset(StandardCharsets.UTF_8)).read(csv(
                        "Buchungstag;Valutadatum;Betrag;Waehrung;Verwendungszweck;Beguenstigter/Zahlungspflichtiger;"
                        + "Kontonummer/IBAN\n01.12.26;01.12.26;1190.00;EUR;x;y;\n")));

        assertEquals("1190.00", e.value());
    }

    @Test
    void read_badDate_throwsNamingThePattern() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> CsvStatementReader.of(SIMPLE).read(csv("date,amount,text,id\n01.12.2026,1.00,a,1\n")));

        assertEquals("01.12.2026", e.value());
        assertTrue(e.getMessage().contains("yyyy-MM-dd"), e.getMessage());
    }

    @Test
    void read_missingHeaderColumn_throwsNamingIt() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> CsvStatementReader.of(SIMPLE).read(csv("date,amount,text\n2026-12-01,1.00,a\n")));

        assertEquals("id", e.value());
        assertEquals("line 1 (header)", e.location());
    }

    @Test
    void read_unclosedQuote_throwsNamingTheLine() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> CsvStatementReader.of(SIMPLE).read(csv("date,amount,text,id\n2026-12-01,1.00,\"open,1\n")));

        assertEquals("line 2", e.location());
    }

    @Test
    void read_shortRow_throwsNamingTheMissingColumn() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> CsvStatementReader.of(SIMPLE).read(csv("date,amount,text,id\n2026-12-01,1.00\n")));

        assertTrue(e.getMessage().contains("has 2 cells"), e.getMessage());
    }

    @Test
    void read_badDirectionMark_throwsNamingIt() {
        CsvFormat format = SIMPLE.withDirection("dc", "C", "D");

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> CsvStatementReader.of(format).read(csv("date,amount,text,id,dc\n2026-12-01,1.00,a,1,X\n")));

        assertEquals("X", e.value());
    }

    @Test
    void of_withoutAmountColumn_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> CsvStatementReader.of(CsvFormat.defaults()
                .withCurrency("EUR").withColumn(CsvField.BOOKING_DATE, "d")));
    }
}
