package dev.billops.core.bank;

import dev.billops.core.error.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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

    /** Longest idempotency key a payment takes. */
    private static final int MAX_KEY_LENGTH = 200;

    /**
     * The idempotency key of the payment recorded for {@code tx} of this statement:
     * {@code bank:<account>:<transaction id>} ({@code bank:<transaction id>} without an account);
     * when that is longer than 200 characters, {@code bank:sha256:} and the SHA-256 of the two in
     * hex. The same booking in another statement of the same account has the same key.
     */
    public String idempotencyKey(BankTransaction tx) {
        Objects.requireNonNull(tx, "tx");
        String plain = account == null ? tx.id() : account + ":" + tx.id();
        String key = "bank:" + plain;
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(plain.getBytes(StandardCharsets.UTF_8));
            return "bank:sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
