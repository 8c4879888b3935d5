package dev.billops.core.bank;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which client pays from which account: the host's knowledge (from earlier payments, a CRM, the
 * client's mandate) that lets {@link StatementMatcher} attribute a payment without a reference.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface PayerDirectory {

    /**
     * The client that pays from {@code iban} (without spaces, upper-cased), or empty.
     */
    Optional<ClientId> clientOf(String iban);

    /** A directory that knows no account. */
    static PayerDirectory none() {
        return iban -> Optional.empty();
    }

    /**
     * A fixed directory; keys are IBANs as printed or typed (spaces and case do not matter).
     *
     * @throws InvalidInputException if two keys are the same account
     */
    static PayerDirectory of(Map<String, ClientId> clientsByIban) {
        Objects.requireNonNull(clientsByIban, "clientsByIban");
        Map<String, ClientId> copy = new HashMap<>();
        for (Map.Entry<String, ClientId> e : clientsByIban.entrySet()) {
            String iban = Ibans.normalize(Objects.requireNonNull(e.getKey(), "iban"));
            if (iban == null) {
                throw new InvalidInputException("payer directory: a blank IBAN for client " + e.getValue());
            }
            ClientId before = copy.put(iban, Objects.requireNonNull(e.getValue(), "client"));
            if (before != null) {
                throw new InvalidInputException("payer directory: IBAN " + iban + " is given twice (clients "
                        + before + " and " + e.getValue() + ")");
            }
        }
        Map<String, ClientId> fixed = Map.copyOf(copy);
        return iban -> Optional.ofNullable(fixed.get(Ibans.normalize(iban)));
    }
}
