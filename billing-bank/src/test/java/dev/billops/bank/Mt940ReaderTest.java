package dev.billops.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.CreditDebit;
import dev.billops.core.money.Money;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class Mt940ReaderTest {

    private static final Mt940Reader READER = Mt940Reader.create();

    private static InputStream mt(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String statement(String lines) {
        return ":20:REF1\n:25:DE89370400440532013000\n:28C:1/1\n:60F:C261130EUR0,00\n" + lines + ":62F:C261231EUR0,00\n";
    }

    @Test
    void read_sample_givesEveryBookingWithItsDetails() {
        BankStatement s = READER.read(BankFixture.resource("mt940-december.sta")).get(0);

        assertEquals("MT940", s.format());
        assertEquals("STARTUMSE", s.id());
        assertEquals("DE89370400440532013000", s.account());
        List<BankTransaction> txs = s.transactions();
        assertEquals(4, txs.size());

        BankTransaction german = txs.get(0);
        assertEquals("2026121500101", german.id());
        assertEquals(Money.of("EUR", "595.00"), german.amount());
        assertEquals(CreditDebit.CREDIT, german.direction());
        assertEquals(LocalDate.of(2026, 12, 15), german.valueDate());
        assertEquals("Rechnung INV-2026-00002 Danke", german.remittance(), "?21 and ?22 join without a space");
        assertEquals("INITECH-2026-12", german.endToEndId());
        assertEquals("GB29NWBK60161331926819", german.payerIban());
        assertEquals("Initech LLC", german.payerName());

        BankTransaction slashes = txs.get(1);
        assertEquals("2026121500102", slashes.id());
        assertEquals("Payment RF65 INV2 0260 0005", slashes.remittance(), "65-character lines join without a space");
        assertEquals("Globex Corporation", slashes.payerName());
        assertEquals("FR7630006000011234567890189", slashes.payerIban());
        assertEquals("GLOBEX-E2E-5", slashes.endToEndId());

        assertEquals(CreditDebit.DEBIT, txs.get(2).direction());
        assertEquals(Money.of("EUR", "12.50"), txs.get(2).amount());

        BankTransaction plain = txs.get(3);
        assertTrue(plain.id().startsWith("derived:"), plain.id());
        assertEquals("Umbrella Corp Beratung Dezember  und Januar", plain.remittance());
        assertNull(plain.payerIban());
        assertEquals(LocalDate.of(2026, 12, 16), plain.bookingDate());
    }

    @Test
    void read_sameFileTwice_derivesTheSameIds() {
        List<String> first = READER.read(BankFixture.resource("mt940-december.sta")).get(0).transactions().stream()
                .map(BankTransaction::id).toList();
        List<String> second = READER.read(BankFixture.resource("mt940-december.sta")).get(0).transactions().stream()
                .map(BankTransaction::id).toList();

        assertEquals(first, second);
    }

    @Test
    void read_twoIdenticalBookingsWithoutReference_keepTwoIds() {
        String line = ":61:2612011201C10,00NTRFNONREF\n:86:Spende\n";

        List<BankTransaction> txs = READER.read(mt(statement(line + line))).get(0).transactions();

        assertEquals(2, txs.size());
        assertEquals(txs.get(0).id() + "#2", txs.get(1).id());
    }

    @Test
    void read_reversalsAndBookingDateAcrossNewYear_areRead() {
        String lines = ":61:2612311231RD5,00NTRFNONREF//B1\n:86:Ruecklastschrift\n"
                + ":61:2612310102C7,00NTRFNONREF//B2\n:86:x\n";

        List<BankTransaction> txs = READER.read(mt(statement(lines))).get(0).transactions();

        assertEquals(CreditDebit.CREDIT, txs.get(0).direction());
        assertTrue(txs.get(0).reversal());
        assertEquals(LocalDate.of(2027, 1, 2), txs.get(1).bookingDate());
        assertEquals(LocalDate.of(2026, 12, 31), txs.get(1).valueDate());
    }

    @Test
    void read_swiftBlocksAndTwoStatements_readsBoth() {
        String file = "{1:F01COBADEFFAXXX0000000000}{2:O9401200261201COBADEFFAXXX00000000002612011200N}{4:\n"
                + statement(":61:2612011201C1,00NTRFNONREF//A\n") + "-}\n"
                + "{1:F01COBADEFFAXXX0000000000}{4:\n"
                + statement(":61:2612021202C2,00NTRFNONREF//B\n").replace(":20:REF1", ":20:REF2") + "-}\n";

        List<BankStatement> statements = READER.read(mt(file));

        assertEquals(List.of("REF1", "REF2"), statements.stream().map(BankStatement::id).toList());
        assertEquals("B", statements.get(1).transactions().get(0).id());
    }

    @Test
    void read_badStatementLine_throwsNamingLineAndValue() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(mt(statement(":61:2612011201X10,00NTRFNONREF\n"))));

        assertEquals("line 5, field :61:", e.location());
        assertEquals("2612011201X10,00NTRFNONREF", e.value());
    }

    @Test
    void read_impossibleDate_throwsNamingIt() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(mt(statement(":61:2613011201C10,00NTRFNONREF\n"))));

        assertEquals("261301", e.value());
    }

    @Test
    void read_bookingBeforeOpeningBalance_throws() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(mt(":20:X\n:61:2612011201C10,00NTRFNONREF\n")));

        assertTrue(e.getMessage().contains("comes before an opening balance"), e.getMessage());
    }

    @Test
    void read_textOutsideAnyField_throwsNamingTheLine() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(mt("hello\n:20:X\n")));

        assertEquals("line 1", e.location());
        assertEquals("hello", e.value());
    }

    @Test
    void read_noStatement_throws() {
        assertThrows(InvalidBankStatementException.class, () -> READER.read(mt("")));
    }

    @Test
    void read_invalidUtf8WhenUtf8IsConfigured_throwsNamingLineAndByte() {
        byte[] bytes = statement(":61:2612011201C10,00NTRFNONREF\n:86:M\u00fcller\n").getBytes(StandardCharsets.ISO_8859_1);

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.withCharset(StandardCharsets.UTF_8).read(new ByteArrayInputStream(bytes)));

        assertTrue(e.location().startsWith("line 6 (byte "), e.location());
        assertEquals("0xFC", e.value());
    }
}
