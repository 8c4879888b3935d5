package dev.billops.core.spi;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.InvoiceBalance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Port: receivables of the session tenant at a date, computed where the data is. Optional: a store
 * that does not implement it gets the computation of {@code dev.billops.core.Receivables} over
 * {@link InvoiceStore} and {@link PaymentStore}, which is the reference every implementation must
 * agree with exactly (same amounts, same rows, same order).
 *
 * <p>The rules: a balance at {@code asOf} counts the allocations dated up to {@code asOf} (never
 * more than the invoice's paid amount) and the credit notes issued up to it (a credit note issued
 * later is subtracted from the invoice's credited amount, floored at zero); only invoices (not
 * credit notes) that are ISSUED, PARTIALLY_PAID or PAID and issued on or before {@code asOf} owe
 * anything; due = payable − paid − credited, floored at zero. A client's credit at {@code asOf} is,
 * per payment received on or before it, its unallocated money (zero while PENDING or FAILED) plus
 * its allocations dated after {@code asOf}. Aging buckets are those of
 * {@link dev.billops.core.payment.AgingBucket#of(long)} applied to the days from the due date to
 * {@code asOf} (no due date: CURRENT).
 */
public interface ReceivablesQueries {

    /**
     * What {@code invoiceId} owed at the end of {@code asOf}.
     *
     * @throws dev.billops.core.error.NotFoundException if the invoice does not exist
     */
    InvoiceBalance balance(InvoiceId invoiceId, LocalDate asOf);

    /**
     * Balances at {@code asOf} of the client's (null: every client's) invoices that owed something,
     * oldest due first (due date, then issue date, number and id).
     */
    List<InvoiceBalance> openBalances(@Nullable ClientId clientId, LocalDate asOf);

    /** The {@link #openBalances} that are past due at {@code asOf}, in the same order. */
    default List<InvoiceBalance> overdue(@Nullable ClientId clientId, LocalDate asOf) {
        List<InvoiceBalance> result = new ArrayList<>();
        for (InvoiceBalance b : openBalances(clientId, asOf)) {
            if (b.isOverdue()) {
                result.add(b);
            }
        }
        return List.copyOf(result);
    }

    /** The client's outstanding and credit per currency at {@code asOf}, by currency code. */
    List<ClientBalance> clientBalance(ClientId clientId, LocalDate asOf);

    /** AR aging of one client (null: every client) at {@code asOf}. */
    AgingReport aging(@Nullable ClientId clientId, LocalDate asOf);
}
