package dev.billops.core.payment;

import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A client's position in one currency at a date.
 *
 * @param clientId the client
 * @param asOf the date
 * @param outstanding sum of what its invoices owed
 * @param credit its unallocated payments (credit balance)
 */
public record ClientBalance(ClientId clientId, LocalDate asOf, Money outstanding, Money credit) {

    public ClientBalance {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(outstanding, "outstanding");
        Objects.requireNonNull(credit, "credit");
        outstanding.requireSameCurrency(credit);
    }

    /** Outstanding minus credit: what the client owes net (negative when its credit is larger). */
    public Money net() {
        return outstanding.minus(credit);
    }
}
