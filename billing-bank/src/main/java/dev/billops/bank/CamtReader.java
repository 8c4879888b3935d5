package dev.billops.bank;

import dev.billops.core.bank.BankStatement;
import dev.billops.core.bank.BankTransaction;
import dev.billops.core.bank.CreditDebit;
import dev.billops.core.error.BillingException;
import dev.billops.core.money.Money;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads ISO 20022 bank-to-customer cash management messages: camt.053 statements
 * ({@code BkToCstmrStmt/Stmt}), camt.054 debit/credit notifications
 * ({@code BkToCstmrDbtCdtNtfctn/Ntfctn}) and camt.052 account reports ({@code BkToCstmrAcctRpt/Rpt}),
 * in the common versions (.001.02 to .001.08 and later), by element local names whatever the
 * namespace.
 *
 * <p>Each booked entry ({@code Ntry} with status {@code BOOK}, or without a status) becomes one
 * transaction per {@code TxDtls}, so a batch booking of several payments gives several
 * transactions; an entry without details gives one. Pending and informational entries are
 * skipped. A transaction's id is, in this order, its {@code Refs/AcctSvcrRef}, the entry's
 * {@code AcctSvcrRef} (with {@code /n} for the n-th detail of a batch), its {@code Refs/TxId}, the
 * entry's {@code NtryRef}, or one derived from its content. The payer is the debtor of a credit
 * (the creditor of a debit); the remittance is the {@code RmtInf/Ustrd} lines joined by spaces and
 * any referred document numbers; the structured reference is {@code RmtInf/Strd/CdtrRefInf/Ref}.
 *
 * <p>The XML is read safely: no DTD, no entities, at most {@link #maxBytes()} bytes and 64 levels
 * of nesting. Immutable and thread-safe.
 */
public final class CamtReader implements StatementReader {

    /** Default limit: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    private static final int MAX_DEPTH = 64;
    private static final int MAX_TEXT = 20_000;
    private static final String FORMAT = "camt";

    private final long maxBytes;

    private CamtReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** A reader with the default byte limit. */
    public static CamtReader create() {
        return new CamtReader(DEFAULT_MAX_BYTES);
    }

    /** This reader with another byte limit (at least 1). */
    public CamtReader withMaxBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("byte limit " + bytes + " must be positive");
        }
        return new CamtReader(bytes);
    }

    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public List<BankStatement> read(InputStream in) {
        Objects.requireNonNull(in, "in");
        XmlNode document = SafeXml.parse(in, FORMAT, maxBytes, MAX_DEPTH, MAX_TEXT);
        XmlNode message = null;
        String kind = null;
        for (String[] m : new String[][] {{"BkToCstmrStmt", "Stmt"}, {"BkToCstmrDbtCdtNtfctn", "Ntfctn"},
            {"BkToCstmrAcctRpt", "Rpt"}}) {
            XmlNode found = document.name.equals(m[0]) ? document : document.child(m[0]);
            if (found != null) {
                message = found;
                kind = m[1];
                break;
            }
        }
        if (message == null) {
            throw new InvalidBankStatementException(FORMAT, document.where(), document.name,
                    "holds no BkToCstmrStmt, BkToCstmrDbtCdtNtfctn or BkToCstmrAcctRpt");
        }
        String format = formatOf(document, kind);
        List<BankStatement> statements = new ArrayList<>();
        for (XmlNode stmt : message.all(kind)) {
            statements.add(statement(format, stmt));
        }
        return List.copyOf(statements);
    }

    /** {@code camt.053.001.08} from the namespace, else {@code camt.053} by the message kind. */
    private static String formatOf(XmlNode document, String kind) {
        String ns = document.namespace;
        int at = ns.indexOf("camt.");
        if (at >= 0 && ns.substring(at).matches("camt\\.[0-9]{3}\\.[0-9]{3}\\.[0-9]{2}")) {
            return ns.substring(at);
        }
        return switch (kind) {
            case "Stmt" -> "camt.053";
            case "Ntfctn" -> "camt.054";
            default -> "camt.052";
        };
    }

    private static BankStatement statement(String format, XmlNode stmt) {
        String id = stmt.text("Id");
        String account = stmt.firstText("Acct/Id/IBAN", "Acct/Id/Othr/Id");
        DerivedIds ids = new DerivedIds();
        List<BankTransaction> txs = new ArrayList<>();
        for (XmlNode entry : stmt.all("Ntry")) {
            String status = entry.firstText("Sts/Cd", "Sts");
            if (status != null && !status.equals("BOOK")) {
                continue;
            }
            for (BankTransaction tx : entry(format, entry)) {
                txs.add(ids.assign(tx));
            }
        }
        try {
            return new BankStatement(format, id, account, txs);
        } catch (BillingException e) {
            throw new InvalidBankStatementException(format, stmt.where(), String.valueOf(account),
                    "is no usable statement: " + e.getMessage(), e);
        }
    }

    private static List<BankTransaction> entry(String format, XmlNode entry) {
        Money entryAmount = amount(format, entry, "Amt");
        if (entryAmount == null) {
            throw new InvalidBankStatementException(format, entry.where(), "", "has no Amt");
        }
        CreditDebit entryDirection = direction(format, entry);
        if (entryDirection == null) {
            throw new InvalidBankStatementException(format, entry.where(), "", "has no CdtDbtInd");
        }
        boolean reversal = "true".equals(entry.text("RvslInd"));
        LocalDate booked = date(format, entry, "BookgDt");
        LocalDate valued = date(format, entry, "ValDt");
        if (booked == null) {
            booked = valued;
        }
        if (booked == null) {
            throw new InvalidBankStatementException(format, entry.where(), "", "has neither BookgDt nor ValDt");
        }
        if (valued == null) {
            valued = booked;
        }
        String entryRef = entry.text("AcctSvcrRef");
        String entryNtryRef = entry.text("NtryRef");
        List<XmlNode> details = new ArrayList<>();
        for (XmlNode d : entry.all("NtryDtls")) {
            details.addAll(d.all("TxDtls"));
        }
        List<BankTransaction> out = new ArrayList<>();
        if (details.isEmpty()) {
            String remittance = Objects.requireNonNullElse(entry.text("AddtlNtryInf"), "");
            String id = entryRef != null ? entryRef : entryNtryRef != null ? entryNtryRef : DerivedIds.PENDING;
            out.add(transaction(format, entry, id, null, booked, valued, entryAmount, entryDirection, reversal,
                    remittance, null, null, null));
            return out;
        }
        boolean batch = details.size() > 1;
        for (int i = 0; i < details.size(); i++) {
            XmlNode d = details.get(i);
            Money amount = amount(format, d, "AmtDtls/TxAmt/Amt");
            if (amount == null) {
                amount = amount(format, d, "Amt");
            }
            if (amount == null) {
                if (batch) {
                    throw new InvalidBankStatementException(format, d.where(), "", "is one of " + details.size()
                            + " transactions of a batch booking and has no amount (Amt or AmtDtls/TxAmt/Amt)");
                }
                amount = entryAmount;
            }
            CreditDebit direction = direction(format, d);
            if (direction == null) {
                direction = entryDirection;
            }
            String id = d.text("Refs", "AcctSvcrRef");
            if (id == null && entryRef != null) {
                id = batch ? entryRef + "/" + (i + 1) : entryRef;
            }
            if (id == null) {
                id = d.text("Refs", "TxId");
            }
            if (id == null && entryNtryRef != null) {
                id = batch ? entryNtryRef + "/" + (i + 1) : entryNtryRef;
            }
            if (id == null) {
                id = DerivedIds.PENDING;
            }
            String party = direction == CreditDebit.CREDIT ? "Dbtr" : "Cdtr";
            String name = d.firstText("RltdPties/" + party + "/Nm", "RltdPties/" + party + "/Pty/Nm");
            String iban = d.firstText("RltdPties/" + party + "Acct/Id/IBAN", "RltdPties/" + party + "Acct/Id/Othr/Id");
            XmlNode rmt = d.child("RmtInf");
            List<String> lines = new ArrayList<>();
            String structured = null;
            if (rmt != null) {
                for (XmlNode u : rmt.all("Ustrd")) {
                    String t = u.text.toString().strip();
                    if (!t.isEmpty()) {
                        lines.add(t);
                    }
                }
                for (XmlNode s : rmt.all("Strd")) {
                    if (structured == null) {
                        structured = s.text("CdtrRefInf", "Ref");
                    }
                    for (XmlNode doc : s.all("RfrdDocInf")) {
                        String nb = doc.text("Nb");
                        if (nb != null) {
                            lines.add(nb);
                        }
                    }
                    String addtl = s.text("AddtlRmtInf");
                    if (addtl != null) {
                        lines.add(addtl);
                    }
                }
            }
            if (lines.isEmpty() && d.text("AddtlTxInf") != null) {
                lines.add(d.text("AddtlTxInf"));
            }
            out.add(transaction(format, d, id, d.text("Refs", "EndToEndId"), booked, valued, amount, direction,
                    reversal, String.join(" ", lines), structured, name, iban));
        }
        return out;
    }

    private static BankTransaction transaction(String format, XmlNode where, String id, @Nullable String endToEnd,
            LocalDate booked, LocalDate valued, Money amount, CreditDebit direction, boolean reversal,
            String remittance, @Nullable String structured, @Nullable String name, @Nullable String iban) {
        try {
            return new BankTransaction(id, endToEnd, booked, valued, amount, direction, reversal, remittance,
                    structured, name, iban);
        } catch (BillingException e) {
            throw new InvalidBankStatementException(format, where.where(), id, "is no usable transaction: "
                    + e.getMessage(), e);
        }
    }

    private static @Nullable Money amount(String format, XmlNode parent, String path) {
        XmlNode amt = parent.at(path.split("/"));
        if (amt == null) {
            return null;
        }
        String currency = amt.attributes.get("Ccy");
        if (currency == null) {
            throw new InvalidBankStatementException(format, amt.where(), "", "has no Ccy attribute");
        }
        String value = amt.text.toString().strip();
        Money m = Amounts.of(format, amt.where(), currency, value);
        if (!m.isPositive()) {
            throw new InvalidBankStatementException(format, amt.where(), value, "must be positive (CdtDbtInd"
                    + " gives the direction)");
        }
        return m;
    }

    private static @Nullable CreditDebit direction(String format, XmlNode parent) {
        String ind = parent.text("CdtDbtInd");
        if (ind == null) {
            return null;
        }
        return switch (ind) {
            case "CRDT" -> CreditDebit.CREDIT;
            case "DBIT" -> CreditDebit.DEBIT;
            default -> throw new InvalidBankStatementException(format, parent.child("CdtDbtInd").where(), ind,
                    "is neither CRDT nor DBIT");
        };
    }

    /** {@code <name><Dt>} or the date of {@code <name><DtTm>}, or null. */
    private static @Nullable LocalDate date(String format, XmlNode parent, String name) {
        XmlNode d = parent.child(name);
        if (d == null) {
            return null;
        }
        XmlNode field = d.child("Dt") != null ? d.child("Dt") : d.child("DtTm");
        if (field == null) {
            throw new InvalidBankStatementException(format, d.where(), "", "has neither Dt nor DtTm");
        }
        String text = field.text.toString().strip();
        try {
            return LocalDate.parse(text.length() >= 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new InvalidBankStatementException(format, field.where(), text, "is no ISO date (YYYY-MM-DD)", e);
        }
    }
}
