package dev.billops.core.bank;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One booking on the tenant's bank account, as a statement reader found it: for a batch booking
 * (several payments booked as one entry) one transaction per payment.
 *
 * <p>Immutable and thread-safe. Texts are checked as every stored text is
 * ({@link Text#require}); a refused value throws {@link InvalidInputException} naming the field.
 *
 * @param id the bank's id of the transaction (e.g. camt's account servicer reference, MT940's
 *     bank reference), or one the reader derived when the bank gave none; 1–200 characters, unique
 *     per account; what makes re-importing a statement safe
 * @param endToEndId the payer's end-to-end id, or null ({@code NOTPROVIDED} is null)
 * @param bookingDate when the bank booked it
 * @param valueDate when the money was available; the booking date when the bank gives none
 * @param amount the amount, positive
 * @param direction credit (received) or debit (paid out)
 * @param reversal whether the booking reverses an earlier one (a returned debit, a recalled
 *     transfer); a reversal never pays an invoice
 * @param remittance the unstructured remittance text, empty if none; at most 10,000 characters
 * @param structuredReference the structured creditor reference as given (an ISO 11649 {@code RF}
 *     reference or another scheme), or null
 * @param payerName the payer's (debtor's) name, or null
 * @param payerIban the payer's account, without spaces and upper-cased, or null
 */
public record BankTransaction(
        String id,
        @Nullable String endToEndId,
        LocalDate bookingDate,
        LocalDate valueDate,
        Money amount,
        CreditDebit direction,
        boolean reversal,
        String remittance,
        @Nullable String structuredReference,
        @Nullable String payerName,
        @Nullable String payerIban) {

    /** Longest transaction id. */
    public static final int MAX_ID_LENGTH = 200;
    /** Longest remittance text. */
    public static final int MAX_REMITTANCE_LENGTH = 10_000;

    public BankTransaction {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bookingDate, "bookingDate");
        Objects.requireNonNull(valueDate, "valueDate");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(remittance, "remittance");
        Text.require("bank transaction id", id, MAX_ID_LENGTH);
        if (id.isBlank()) {
            throw new InvalidInputException("bank transaction id is blank");
        }
        if (!amount.isPositive()) {
            throw new InvalidInputException("bank transaction " + Text.quote(id) + ": amount " + amount
                    + " must be positive (the direction says credit or debit)");
        }
        if ("NOTPROVIDED".equals(endToEndId) || (endToEndId != null && endToEndId.isBlank())) {
            endToEndId = null;
        }
        Text.optional("bank transaction end-to-end id", endToEndId, MAX_ID_LENGTH);
        Text.require("bank transaction remittance", remittance, MAX_REMITTANCE_LENGTH);
        if (structuredReference != null && structuredReference.isBlank()) {
            structuredReference = null;
        }
        Text.optional("bank transaction structured reference", structuredReference, MAX_ID_LENGTH);
        if (payerName != null && payerName.isBlank()) {
            payerName = null;
        }
        Text.optional("bank transaction payer name", payerName, MAX_ID_LENGTH);
        payerIban = Ibans.normalize(payerIban);
        if (payerIban != null && (payerIban.length() > Ibans.MAX_LENGTH || !payerIban.matches("[A-Z0-9]+"))) {
            throw new InvalidInputException("bank transaction " + Text.quote(id) + ": payer account "
                    + Text.quote(payerIban) + " is not 1-34 letters and digits");
        }
    }

    /** A credit of {@code amount} booked and valued on {@code date}, with no texts. */
    public static BankTransaction credit(String id, LocalDate date, Money amount) {
        return new BankTransaction(id, null, date, date, amount, CreditDebit.CREDIT, false, "", null, null, null);
    }

    public BankTransaction withValueDate(LocalDate date) {
        return new BankTransaction(id, endToEndId, bookingDate, date, amount, direction, reversal, remittance,
                structuredReference, payerName, payerIban);
    }

    public BankTransaction withRemittance(String text) {
        return new BankTransaction(id, endToEndId, bookingDate, valueDate, amount, direction, reversal, text,
                structuredReference, payerName, payerIban);
    }

    public BankTransaction withStructuredReference(@Nullable String reference) {
        return new BankTransaction(id, endToEndId, bookingDate, valueDate, amount, direction, reversal, remittance,
                reference, payerName, payerIban);
    }

    public BankTransaction withPayer(@Nullable String name, @Nullable String iban) {
        return new BankTransaction(id, endToEndId, bookingDate, valueDate, amount, direction, reversal, remittance,
                structuredReference, name, iban);
    }

    public BankTransaction withEndToEndId(@Nullable String endToEnd) {
        return new BankTransaction(id, endToEnd, bookingDate, valueDate, amount, direction, reversal, remittance,
                structuredReference, payerName, payerIban);
    }

    /** This booking as a debit (money paid out). */
    public BankTransaction asDebit() {
        return new BankTransaction(id, endToEndId, bookingDate, valueDate, amount, CreditDebit.DEBIT, reversal,
                remittance, structuredReference, payerName, payerIban);
    }

    /** This booking marked as the reversal of an earlier one. */
    public BankTransaction asReversal() {
        return new BankTransaction(id, endToEndId, bookingDate, valueDate, amount, direction, true, remittance,
                structuredReference, payerName, payerIban);
    }

    /** Whether this is money received that may pay an invoice: a credit that is no reversal. */
    public boolean isIncomingPayment() {
        return direction == CreditDebit.CREDIT && !reversal;
    }
}
