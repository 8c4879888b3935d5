package dev.billops.core.payment;

import dev.billops.core.id.ClientId;
import java.util.Objects;

/**
 * One client's open balances in one currency, by age.
 *
 * @param clientId the client
 * @param buckets the balances
 */
public record ClientAging(ClientId clientId, AgingBuckets buckets) {

    public ClientAging {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(buckets, "buckets");
    }
}
