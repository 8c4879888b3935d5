package dev.billops.bank;

import dev.billops.core.bank.BankTransaction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

/**
 * Ids for transactions whose bank gave none: {@code derived:} and a digest of what the booking
 * says (dates, amount, direction, texts, payer), plus {@code #n} for the n-th identical booking of
 * one statement. The same file read again gives the same ids; so does another export of the same
 * bookings, as long as the bank reports them identically. Not thread-safe; one per statement.
 */
final class DerivedIds {

    /** The placeholder id of a transaction that gets a derived one. */
    static final String PENDING = "derived:pending";

    private final Map<String, Integer> seen = new HashMap<>();

    /** {@code tx} with a derived id when its id is {@link #PENDING}. */
    BankTransaction assign(BankTransaction tx) {
        if (!tx.id().equals(PENDING)) {
            return tx;
        }
        String content = String.join("|", tx.bookingDate().toString(), tx.valueDate().toString(),
                tx.amount().toString(), tx.direction().name(), Boolean.toString(tx.reversal()), tx.remittance(),
                Objects.toString(tx.structuredReference(), ""), Objects.toString(tx.payerName(), ""),
                Objects.toString(tx.payerIban(), ""), Objects.toString(tx.endToEndId(), ""));
        String digest = "derived:" + sha256(content).substring(0, 32);
        int n = seen.merge(digest, 1, Integer::sum);
        String id = n == 1 ? digest : digest + "#" + n;
        return new BankTransaction(id, tx.endToEndId(), tx.bookingDate(), tx.valueDate(), tx.amount(), tx.direction(),
                tx.reversal(), tx.remittance(), tx.structuredReference(), tx.payerName(), tx.payerIban());
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
