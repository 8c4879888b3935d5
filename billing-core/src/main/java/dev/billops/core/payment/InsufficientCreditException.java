package dev.billops.core.payment;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import java.util.Objects;

/**
 * More was to be allocated than is available: more than a payment's unallocated rest, or more
 * than the client's credit balance in that currency.
 */
public final class InsufficientCreditException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final ClientId clientId;
    private final Money requested;
    private final Money available;

    public InsufficientCreditException(ClientId clientId, String source, Money requested, Money available) {
        super("cannot allocate " + requested + " from " + source + ": only " + available + " is unallocated");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.requested = Objects.requireNonNull(requested, "requested");
        this.available = Objects.requireNonNull(available, "available");
    }

    public ClientId clientId() {
        return clientId;
    }

    public Money requested() {
        return requested;
    }

    public Money available() {
        return available;
    }
}
