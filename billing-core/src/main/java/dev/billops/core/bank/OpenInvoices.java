package dev.billops.core.bank;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The open invoices a statement is matched against, indexed by creditor reference, by number and
 * by client. Immutable and thread-safe; build once per statement and take settled invoices out
 * with {@link #without}.
 */
public final class OpenInvoices {

    private static final Comparator<OpenInvoice> BY_NUMBER = Comparator.comparing(OpenInvoice::number)
            .thenComparing(OpenInvoice::invoiceId);

    private final List<OpenInvoice> all;
    private final Map<CreditorReference, List<OpenInvoice>> byReference = new HashMap<>();
    private final Map<String, List<OpenInvoice>> byNumberKey = new HashMap<>();
    private final Map<ClientId, List<OpenInvoice>> byClient = new HashMap<>();
    private final int longestNumberKey;

    private OpenInvoices(List<OpenInvoice> sorted) {
        this.all = List.copyOf(sorted);
        int longest = 0;
        for (OpenInvoice inv : all) {
            byReference.computeIfAbsent(inv.creditorReference(), k -> new ArrayList<>()).add(inv);
            String key = RemittanceText.key(inv.number());
            if (key.length() >= RemittanceText.MIN_KEY_LENGTH) {
                byNumberKey.computeIfAbsent(key, k -> new ArrayList<>()).add(inv);
                longest = Math.max(longest, key.length());
            }
            byClient.computeIfAbsent(inv.clientId(), k -> new ArrayList<>()).add(inv);
        }
        this.longestNumberKey = longest;
    }

    /**
     * The given invoices, ordered by number.
     *
     * @throws InvalidInputException if an invoice is given twice
     */
    public static OpenInvoices of(Collection<OpenInvoice> invoices) {
        Objects.requireNonNull(invoices, "invoices");
        Set<InvoiceId> seen = new HashSet<>();
        List<OpenInvoice> sorted = new ArrayList<>(invoices.size());
        for (OpenInvoice inv : invoices) {
            if (!seen.add(Objects.requireNonNull(inv, "invoice").invoiceId())) {
                throw new InvalidInputException("open invoice " + inv.invoiceId() + " (" + inv.number()
                        + ") is given twice");
            }
            sorted.add(inv);
        }
        sorted.sort(BY_NUMBER);
        return new OpenInvoices(sorted);
    }

    /** Every open invoice, by number. */
    public List<OpenInvoice> list() {
        return all;
    }

    /** These invoices without {@code settled}. */
    public OpenInvoices without(Collection<InvoiceId> settled) {
        Set<InvoiceId> gone = Set.copyOf(settled);
        List<OpenInvoice> rest = new ArrayList<>(all.size());
        for (OpenInvoice inv : all) {
            if (!gone.contains(inv.invoiceId())) {
                rest.add(inv);
            }
        }
        return new OpenInvoices(rest);
    }

    /** The invoices whose printed reference is {@code reference}, by number. */
    List<OpenInvoice> withReference(CreditorReference reference) {
        return byReference.getOrDefault(reference, List.of());
    }

    /** The invoices by the key of their number (letters and digits, upper case; at least 4 of them). */
    Map<String, List<OpenInvoice>> byNumberKey() {
        return byNumberKey;
    }

    int longestNumberKey() {
        return longestNumberKey;
    }

    /** The client's open invoices, by number. */
    List<OpenInvoice> ofClient(ClientId client) {
        return byClient.getOrDefault(client, List.of());
    }
}
