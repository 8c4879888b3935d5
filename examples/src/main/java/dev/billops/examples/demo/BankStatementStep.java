package dev.billops.examples.demo;

import dev.billops.bank.CamtReader;
import dev.billops.core.BankStatements;
import dev.billops.core.TenantBilling;
import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.CreditorReference;
import dev.billops.core.bank.MatchProposal;
import dev.billops.core.bank.OpenInvoice;
import dev.billops.core.bank.PayerDirectory;
import dev.billops.core.bank.StatementImportResult;
import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import dev.billops.core.payment.InvoiceBalance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * January's bank statement of the demo: the consultancy's bank sends a camt.053 of the payments
 * on its euro account, which the demo writes (as the bank would) from the invoices still open,
 * then imports with {@link BankStatements}: exact matches become payments, the rest is listed
 * for review. The statement is imported twice; the second import records nothing.
 *
 * <p>The open euro invoices, by number, are paid in turn with the RF creditor reference their
 * PDF and QR code show, with their number in the remittance text, and with half their amount from
 * the client's known account (a partial payment, for review); a donation nobody invoiced and the
 * account fee complete the statement. Not thread-safe; one run per instance.
 */
public final class BankStatementStep {

    /** The file the statement is written to, in the demo's output folder. */
    public static final String FILE = "bank-statement-2027-01.xml";
    /** The demo's bank account (the seller's IBAN). */
    static final String ACCOUNT = "DE89370400440532013000";
    /** The accounts the clients pay from, as the consultancy knows them. */
    static final Map<ClientId, String> CLIENT_ACCOUNTS = Map.of(
            Consultancy.ACME, "DE02120300000000202051",
            Consultancy.INITECH, "NL91ABNA0417164300",
            Consultancy.UMBRELLA, "FR1420041010050500013M02606");
    private static final LocalDate FIRST_BOOKING = LocalDate.of(2027, 1, 5);

    private final TenantBilling tenant;
    private final Path outDir;

    public BankStatementStep(TenantBilling tenant, Path outDir) {
        this.tenant = Objects.requireNonNull(tenant, "tenant");
        this.outDir = Objects.requireNonNull(outDir, "outDir");
    }

    /** Writes January's statement, imports it twice and says what each import did. */
    public DemoReport.BankImport run() {
        List<Booking> bookings = bookings();
        Path file = outDir.resolve(FILE);
        try {
            Files.createDirectories(outDir);
            DemoRun.writeAtomically(file, camt053(bookings).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the bank statement " + file + ": " + e.getMessage(), e);
        }
        BankStatements importer = tenant.bankStatements().withPayers(payers());
        BankStatement statement = CamtReader.create().read(file).get(0);
        StatementImportResult first = importer.importStatement(statement);
        StatementImportResult again = importer.importStatement(CamtReader.create().read(file).get(0));

        List<DemoReport.BankMatch> matches = new ArrayList<>();
        for (StatementImportResult.Recorded r : first.recorded()) {
            matches.add(match(r.proposal(), true));
        }
        for (MatchProposal p : first.review()) {
            matches.add(match(p, false));
        }
        matches.sort(Comparator.comparing(DemoReport.BankMatch::date).thenComparing(DemoReport.BankMatch::payer));
        return new DemoReport.BankImport(FILE, statement.format(), statement.transactions().size(), matches,
                first.ignored().size(), again.recorded().size(), again.alreadyRecorded().size());
    }

    /** The clients' known accounts, as the host's payer directory. */
    static PayerDirectory payers() {
        Map<String, ClientId> byIban = new java.util.HashMap<>();
        CLIENT_ACCOUNTS.forEach((client, iban) -> byIban.put(iban, client));
        return PayerDirectory.of(byIban);
    }

    private static DemoReport.BankMatch match(MatchProposal p, boolean recorded) {
        List<String> numbers = p.invoices().stream().map(OpenInvoice::number).toList();
        String payer = p.transaction().payerName() == null ? "-" : p.transaction().payerName();
        return new DemoReport.BankMatch(p.transaction().bookingDate(), p.transaction().amount(), payer,
                p.outcome().name(), p.rule().name(), String.join(",", numbers), recorded, p.explanation());
    }

    /** One booking of the statement. */
    private record Booking(String ref, LocalDate date, Money amount, boolean credit, String payer,
            String payerIban, String structured, String text) {
    }

    private List<Booking> bookings() {
        List<InvoiceBalance> open = new ArrayList<>();
        for (InvoiceBalance b : tenant.receivables().openBalances(null, FIRST_BOOKING)) {
            if (b.due().currencyCode().equals("EUR") && b.number() != null) {
                open.add(b);
            }
        }
        open.sort(Comparator.comparing(b -> Objects.requireNonNull(b.number())));
        List<Booking> bookings = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            InvoiceBalance b = open.get(i);
            String number = Objects.requireNonNull(b.number());
            String payer = tenant.clients().get(b.clientId()).name();
            String iban = CLIENT_ACCOUNTS.getOrDefault(b.clientId(), "");
            LocalDate date = FIRST_BOOKING.plusDays(3L * i);
            String ref = "2027" + String.format(java.util.Locale.ROOT, "%02d%02d%05d", date.getMonthValue(),
                    date.getDayOfMonth(), i + 1);
            switch (i % 3) {
                case 0 -> bookings.add(new Booking(ref, date, b.due(), true, payer, iban,
                        CreditorReference.forInvoiceNumber(number).value(), ""));
                case 1 -> bookings.add(new Booking(ref, date, b.due(), true, payer, "", "",
                        "Payment of invoice " + number + ", thank you"));
                default -> bookings.add(new Booking(ref, date, b.due().dividedBy(BigDecimal.valueOf(2),
                        RoundingMode.DOWN), true, payer, iban, "", "Abschlag"));
            }
        }
        LocalDate last = FIRST_BOOKING.plusDays(3L * open.size());
        bookings.add(new Booking("20270110D0001", last, Money.of(Consultancy.EUR, "50.00"), true,
                "Jane Doe", "DE75512108001245126199", "", "Spende Weihnachtsfeier"));
        bookings.add(new Booking("20270131F0001", last, Money.of(Consultancy.EUR, "9.90"), false, "", "", "",
                "Kontofuehrung Januar"));
        return bookings;
    }

    /** A camt.053.001.08 statement of {@code bookings}, as a bank writes it. */
    private static String camt053(List<Booking> bookings) {
        StringBuilder x = new StringBuilder(4096);
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n")
                .append(" <BkToCstmrStmt>\n  <GrpHdr><MsgId>NORTHWIND-2027-01</MsgId>")
                .append("<CreDtTm>2027-01-31T20:00:00+01:00</CreDtTm></GrpHdr>\n")
                .append("  <Stmt>\n   <Id>2027-01-EUR</Id>\n   <Acct><Id><IBAN>").append(ACCOUNT)
                .append("</IBAN></Id><Ccy>EUR</Ccy></Acct>\n");
        for (Booking b : bookings) {
            String cd = b.credit() ? "CRDT" : "DBIT";
            x.append("   <Ntry>\n    <Amt Ccy=\"EUR\">").append(b.amount().amount().toPlainString())
                    .append("</Amt><CdtDbtInd>").append(cd).append("</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\n")
                    .append("    <BookgDt><Dt>").append(b.date()).append("</Dt></BookgDt><ValDt><Dt>").append(b.date())
                    .append("</Dt></ValDt><AcctSvcrRef>").append(b.ref()).append("</AcctSvcrRef>\n")
                    .append("    <NtryDtls><TxDtls>\n     <Refs><AcctSvcrRef>").append(b.ref())
                    .append("</AcctSvcrRef></Refs>\n     <Amt Ccy=\"EUR\">").append(b.amount().amount().toPlainString())
                    .append("</Amt><CdtDbtInd>").append(cd).append("</CdtDbtInd>\n");
            if (!b.payer().isEmpty()) {
                x.append("     <RltdPties><Dbtr><Pty><Nm>").append(escape(b.payer())).append("</Nm></Pty></Dbtr>");
                if (!b.payerIban().isEmpty()) {
                    x.append("<DbtrAcct><Id><IBAN>").append(b.payerIban()).append("</IBAN></Id></DbtrAcct>");
                }
                x.append("</RltdPties>\n");
            }
            x.append("     <RmtInf>");
            if (!b.structured().isEmpty()) {
                x.append("<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>").append(b.structured())
                        .append("</Ref></CdtrRefInf></Strd>");
            } else {
                x.append("<Ustrd>").append(escape(b.text())).append("</Ustrd>");
            }
            x.append("</RmtInf>\n    </TxDtls></NtryDtls>\n   </Ntry>\n");
        }
        x.append("  </Stmt>\n </BkToCstmrStmt>\n</Document>\n");
        return x.toString();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
