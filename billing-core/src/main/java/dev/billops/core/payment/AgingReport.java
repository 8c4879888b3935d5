package dev.billops.core.payment;

import dev.billops.core.id.ClientId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
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

    /**
     * The report of {@code rows} (buckets per client, then per currency code): one row per client
     * and currency in the maps' order, and the totals per currency summed from them. Pass sorted
     * maps for the documented order.
     */
    public static AgingReport of(LocalDate asOf, Map<ClientId, ? extends Map<String, AgingBuckets>> rows) {
        Map<String, AgingBuckets> totals = new TreeMap<>();
        List<ClientAging> clients = new ArrayList<>();
        for (Map.Entry<ClientId, ? extends Map<String, AgingBuckets>> row : rows.entrySet()) {
            for (Map.Entry<String, AgingBuckets> buckets : row.getValue().entrySet()) {
                clients.add(new ClientAging(row.getKey(), buckets.getValue()));
                totals.merge(buckets.getKey(), buckets.getValue(), AgingBuckets::plus);
            }
        }
        return new AgingReport(asOf, clients, List.copyOf(totals.values()));
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
