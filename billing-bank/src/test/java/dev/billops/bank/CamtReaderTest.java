package dev.billops.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.CreditDebit;
import dev.billops.core.money.Money;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CamtReaderTest {

    private static final CamtReader READER = CamtReader.create();

    private static InputStream xml(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A camt.053.001.02 statement with the given entries. */
    private static String camt053(String entries) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                    <GrpHdr><MsgId>M1</MsgId></GrpHdr>
                    <Stmt>
                      <Id>S1</Id>
                      <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>
                """ + entries + """
                    </Stmt>
                  </BkToCstmrStmt>
                </Document>
                """;
    }

    private static final String ENTRY = """
            <Ntry>
              <Amt Ccy="EUR">%s</Amt>
              <CdtDbtInd>CRDT</CdtDbtInd>
              <Sts>BOOK</Sts>
              <BookgDt><Dt>%s</Dt></BookgDt>
              <AcctSvcrRef>R1</AcctSvcrRef>
            </Ntry>
            """;

    @Test
    void read_sampleStatement_givesEveryBookedTransactionBatchSplit() {
        List<BankStatement> statements = READER.read(BankFixture.resource("camt053-december.xml"));

        assertEquals(1, statements.size());
        BankStatement s = statements.get(0);
        assertEquals("camt.053.001.08", s.format());
        assertEquals("2026-12-15-ACME-EUR", s.id());
        assertEquals("DE89370400440532013000", s.account());
        assertEquals(List.of("2026121500001", "2026121500002-A", "2026121500002-B", "2026121500003",
                "2026121500004", "2026121500005", "2026121500006", "2026121500007", "2026121500008"),
                s.transactions().stream().map(BankTransaction::id).toList());

        BankTransaction rf = s.transactions().get(0);
        assertEquals(Money.of("EUR", "1190.00"), rf.amount());
        assertEquals(CreditDebit.CREDIT, rf.direction());
        assertEquals("RF76INV202600001", rf.structuredReference());
        assertEquals("Globex Corporation", rf.payerName());
        assertEquals("FR7630006000011234567890189", rf.payerIban());
        assertEquals("GLOBEX-PAY-7781", rf.endToEndId());

        BankTransaction batchA = s.transactions().get(1);
        BankTransaction batchB = s.transactions().get(2);
        assertEquals(Money.of("EUR", "595.00"), batchA.amount());
        assertEquals(Money.of("EUR", "300.00"), batchB.amount());
        assertEquals(LocalDate.of(2026, 12, 15), batchA.bookingDate());
        assertEquals(LocalDate.of(2026, 12, 16), batchA.valueDate());
        assertNull(batchA.endToEndId(), "NOTPROVIDED is no end-to-end id");
        assertEquals("Rechnung inv 2026 00002 vom 01.12.2026", batchA.remittance());
        assertEquals("Teilzahlung INV-2026-00003, Rest folgt im Januar", batchB.remittance());

        BankTransaction noDetails = s.transactions().get(6);
        assertEquals("GUTSCHRIFT UEBERWEISUNG", noDetails.remittance());
        assertEquals(CreditDebit.DEBIT, s.transactions().get(7).direction());
    }

    @Test
    void read_camt054Version02_readsAmountDetailsPartiesAndDateTimes() {
        BankStatement s = READER.read(BankFixture.resource("camt054-notification.xml")).get(0);

        assertEquals("camt.054.001.02", s.format());
        assertEquals("DE89370400440532013000", s.account());
        BankTransaction second = s.transactions().get(1);
        assertEquals("N2026121700012-1", second.id());
        assertEquals(LocalDate.of(2026, 12, 17), second.bookingDate());
        assertEquals(LocalDate.of(2026, 12, 18), second.valueDate());
        assertEquals("Initech LLC", second.payerName());
        assertEquals("DE02500105170137075030", second.payerIban());
        assertEquals("", second.remittance());
    }

    @Test
    void read_noNamespaceAndOtherPrefix_readByLocalNames() {
        String plain = camt053(ENTRY.formatted("10.00", "2026-12-01")).replace(
                " xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"", "");
        String prefixed = camt053(ENTRY.formatted("10.00", "2026-12-01"))
                .replace("<Document xmlns=", "<c:Document xmlns:c=").replace("</Document>", "</c:Document>")
                .replaceAll("<(/?)(?!c:|\\?)([A-Za-z])", "<$1c:$2");

        BankStatement a = READER.read(xml(plain)).get(0);
        BankStatement b = READER.read(xml(prefixed)).get(0);

        assertEquals("camt.053", a.format());
        assertEquals("camt.053.001.02", b.format());
        assertEquals(a.transactions(), b.transactions());
        assertEquals(Money.of("EUR", "10.00"), a.transactions().get(0).amount());
    }

    @Test
    void read_batchDetailWithoutAmount_throwsNamingTheElement() {
        String entry = """
                <Ntry><Amt Ccy="EUR">20.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-01</Dt></BookgDt>
                <NtryDtls><TxDtls><Amt Ccy="EUR">10.00</Amt></TxDtls>
                <TxDtls><RmtInf><Ustrd>x</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """;

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(camt053(entry))));

        assertTrue(e.getMessage().contains("element Stmt/Ntry/NtryDtls/TxDtls"), e.getMessage());
        assertTrue(e.getMessage().contains("batch booking and has no amount"), e.getMessage());
    }

    @Test
    void read_badAmount_throwsNamingLineElementAndValue() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(camt053(ENTRY.formatted("12,50", "2026-12-01")))));

        assertEquals("12,50", e.value());
        assertTrue(e.location().matches("line \\d+, element BkToCstmrStmt/Stmt/Ntry/Amt"), e.location());
        assertTrue(e.getMessage().startsWith("camt.053.001.02: line "), e.getMessage());
    }

    @Test
    void read_tooManyDecimalsOrHugeAmount_throwsNamingTheValue() {
        InvalidBankStatementException decimals = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(camt053(ENTRY.formatted("1.005", "2026-12-01")))));
        InvalidBankStatementException huge = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(camt053(ENTRY.formatted("1e999999999", "2026-12-01")))));

        assertTrue(decimals.getMessage().contains("EUR 1.005"), decimals.getMessage());
        assertEquals("1e999999999", huge.value());
    }

    @Test
    void read_badDate_throwsNamingTheValue() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(camt053(ENTRY.formatted("1.00", "2026-02-30")))));

        assertEquals("2026-02-30", e.value());
        assertTrue(e.location().endsWith("element Stmt/Ntry/BookgDt/Dt"), e.location());
    }

    @Test
    void read_unknownCurrency_throwsNamingTheCode() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(camt053(ENTRY.formatted("1.00", "2026-12-01").replace("EUR", "XYZ")))));

        assertTrue(e.getMessage().contains("XYZ"), e.getMessage());
    }

    @Test
    void read_otherMessage_throwsNamingIt() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml("<Document><CstmrCdtTrfInitn/></Document>")));

        assertTrue(e.getMessage().contains("holds no BkToCstmrStmt"), e.getMessage());
    }

    @Test
    void read_externalEntity_isRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"" + secret.toUri()
                + "\">]>\n" + camt053(ENTRY.formatted("1.00", "2026-12-01")).replace("<Id>S1</Id>", "<Id>&xxe;</Id>")
                .replaceFirst("<\\?xml[^>]*>\n", "");

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(xxe)));

        assertTrue(e.getMessage().contains("DTDs and entities are refused"), e.getMessage());
        assertEquals("line 2", e.location());
        assertFalse(e.getMessage().contains("TOP-SECRET"));
    }

    @Test
    void read_externalDtd_isRefusedWithoutFetchingIt() {
        String dtd = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document SYSTEM \"http://127.0.0.1:1/evil.dtd\">\n"
                + camt053(ENTRY.formatted("1.00", "2026-12-01")).replaceFirst("<\\?xml[^>]*>\n", "");

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(dtd)));

        assertTrue(e.getMessage().contains("declares a document type"), e.getMessage());
    }

    @Test
    void read_billionLaughs_isRefusedAtTheDoctype() {
        StringBuilder bomb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i < 10; i++) {
            bomb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        bomb.append("]>\n<Document>&lol9;</Document>");

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(bomb.toString())));

        assertTrue(e.getMessage().contains("DTDs and entities are refused"), e.getMessage());
    }

    @Test
    void read_nulInsideTheDoctype_isRefusedAsBadXmlNotAJdkError() {
        String doc = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;\u0000&lol;\">]>"
                + "\n<Document/>";

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(doc)));

        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }

    @Test
    void read_undeclaredEntityWithoutDoctype_isRefused() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(camt053(ENTRY.formatted("1.00", "2026-12-01"))
                        .replace("<Id>S1</Id>", "<Id>&xxe;</Id>"))));

        assertTrue(e.getMessage().contains("xxe"), e.getMessage());
    }

    @Test
    void read_largerThanTheLimit_isRefused() {
        String big = camt053(ENTRY.formatted("1.00", "2026-12-01").repeat(200));

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.withMaxBytes(10_000).read(xml(big)));

        assertTrue(e.getMessage().contains("larger than the limit of 10000 bytes"), e.getMessage());
    }

    @Test
    void read_nestedDeeperThan64_isRefused() {
        String deep = "<Document>" + "<a>".repeat(100) + "</a>".repeat(100) + "</Document>";

        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml(deep)));

        assertTrue(e.getMessage().contains("nested deeper than 64"), e.getMessage());
    }

    @Test
    void read_malformedXml_throwsWithTheLine() {
        InvalidBankStatementException e = assertThrows(InvalidBankStatementException.class,
                () -> READER.read(xml("<Document>\n<BkToCstmrStmt>\n</Document>")));

        assertEquals("line 3", e.location());
        assertTrue(e.getMessage().contains("not well-formed XML"), e.getMessage());
    }
}
