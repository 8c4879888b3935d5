package dev.billops.core.bank;

import dev.billops.core.error.Text;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The bookings of one account that one statement or notification reported, in the order of the
 * file. Immutable and thread-safe.
 *
 * @param format what it was read from, e.g. {@code camt.053.001.08}, {@code MT940}, {@code CSV}
 * @param id the statement's id in the file (camt {@code Stmt/Id}, MT940 {@code :20:}), or null
 * @param account the account's IBAN (or other number), without spaces and upper-cased, or null
 * @param transactions the bookings
 */
public record BankStatement(String format, @Nullable String id, @Nullable String account,
        List<BankTransaction> transactions) {

    public BankStatement {
        Text.require("bank statement format", format, 64);
        Text.optional("bank statement id", id, BankTransaction.MAX_ID_LENGTH);
        account = Ibans.normalize(account);
        Text.optional("bank statement account", account, BankTransaction.MAX_ID_LENGTH);
        transactions = List.copyOf(Objects.requireNonNull(transactions, "transactions"));
    }
}
