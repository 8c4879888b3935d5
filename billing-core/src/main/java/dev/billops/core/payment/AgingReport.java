package dev.billops.core.payment;

import dev.billops.core.id.ClientId;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.money.CurrencyUnit;

/**
 * Accounts-receivable aging at a date: open invoice balances by how far past due they are, per
 * client and currency, and in total per currency. Each total's buckets are the sums of the
 * clients' buckets, and each row's {@link AgingBuckets#total()} is the client's outstanding
 * balance in that currency. Client credit (unallocated payments) is not netted in.
 *
 * @param asOf the date the ages are measured at
 * @param clients one row per client and currency with something outstanding, by client id then currency
 * @param totals one row per currency, by currency code
 */
public record AgingReport(LocalDate asOf, List<ClientAging> clients, List<AgingBuckets> totals) {

    public AgingReport {
        Objects.requireNonNull(asOf, "asOf");
        clients = List.copyOf(Objects.requireNonNull(clients, "clients"));
        totals = List.copyOf(Objects.requireNonNull(totals, "totals"));
    }

    /** The total row of {@code currency}, or all-zero buckets if nothing is outstanding in it. */
    public AgingBuckets total(CurrencyUnit currency) {
        for (AgingBuckets t : totals) {
            if (t.currency().getCurrencyCode().equals(currency.getCurrencyCode())) {
                return t;
            }
        }
        return AgingBuckets.empty(currency);
    }

    /** The row of one client in one currency, if it has something outstanding. */
    public Optional<ClientAging> client(ClientId clientId, CurrencyUnit currency) {
        for (ClientAging row : clients) {
            if (row.clientId().equals(clientId)
                    && row.buckets().currency().getCurrencyCode().equals(currency.getCurrencyCode())) {
                return Optional.of(row);
            }
        }
        return Optional.empty();
    }
}
