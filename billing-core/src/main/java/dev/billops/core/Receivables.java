package dev.billops.core;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.internal.TenantScope;
import dev.billops.core.internal.payment.ScannedReceivables;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.Allocation;
import dev.billops.core.payment.ClientBalance;
import dev.billops.core.payment.InvoiceBalance;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentApplication;
import dev.billops.core.spi.PaymentStore;
import dev.billops.core.spi.ReceivablesQueries;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.spi.UnsupportedPortException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Read side of receivables for one tenant: invoice and client balances at a date, payment history,
 * AR aging and the overdue list. Each method reads in one transaction.
 *
 * <p><b>Balances at a date</b> count the allocations dated up to that date and the credit notes
 * issued up to it. A refund removes the allocations it reverses, so a balance at a date before a
 * refund is computed as if the reversed allocations had never been made; dates after the last
 * refund are exact. Invoices issued after the date, drafts, void invoices and credit notes owe
 * nothing. The full rules are those of {@link ReceivablesQueries}.
 *
 * <p><b>Where it is computed.</b> A store that implements {@link ReceivablesQueries} (the JDBC
 * stores do, by SQL aggregation) computes balances, aging and the overdue list itself; for any
 * other store they are computed here from every invoice and payment concerned, with the same
 * results.
 *
 * <p>Thread-safe; cheap to create.
 */
public final class Receivables {

    private final TenantScope scope;

    Receivables(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * What {@code invoiceId} owed at the end of {@code asOf}.
     *
     * @throws NotFoundException if the invoice does not exist
     */
    public InvoiceBalance balance(InvoiceId invoiceId, LocalDate asOf) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> queries(session).balance(invoiceId, asOf));
    }

    /** Balances at {@code asOf} of the client's (or, with null, every client's) invoices that owed something, oldest due first. */
    public List<InvoiceBalance> openBalances(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> queries(session).openBalances(clientId, asOf));
    }

    /**
     * The client's position at {@code asOf}, one entry per currency in which it has invoices
     * outstanding or credit, by currency code.
     */
    public List<ClientBalance> clientBalance(ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> queries(session).clientBalance(clientId, asOf));
    }

    /** Payments of the client (all statuses), by value date then id. */
    public List<Payment> history(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return scope.tx(session -> session.get(PaymentStore.class).listByClient(clientId));
    }

    /** The parts of payments applied to the invoice, by date applied then payment date and id. */
    public List<PaymentApplication> history(InvoiceId invoiceId) {
        Objects.requireNonNull(invoiceId, "invoiceId");
        return scope.tx(session -> {
            List<PaymentApplication> lines = new ArrayList<>();
            for (Payment p : session.get(PaymentStore.class).listByInvoice(invoiceId)) {
                for (Allocation a : p.allocations()) {
                    if (a.invoiceId().equals(invoiceId)) {
                        lines.add(new PaymentApplication(p.id(), invoiceId, p.receivedOn(), a.date(), a.amount(),
                                p.method(), p.externalRef()));
                    }
                }
            }
            lines.sort(Comparator.comparing(PaymentApplication::appliedOn)
                    .thenComparing(PaymentApplication::receivedOn)
                    .thenComparing(PaymentApplication::paymentId));
            return List.copyOf(lines);
        });
    }

    /** AR aging of every client at {@code asOf}. */
    public AgingReport aging(LocalDate asOf) {
        return aging(null, asOf);
    }

    /** AR aging of one client (or, with null, every client) at {@code asOf}. */
    public AgingReport aging(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> queries(session).aging(clientId, asOf));
    }

    /** Invoices past due with something owed at {@code asOf}, oldest due first. */
    public List<InvoiceBalance> overdue(LocalDate asOf) {
        return overdue(null, asOf);
    }

    /** Invoices of one client (or, with null, every client) past due at {@code asOf}, oldest due first. */
    public List<InvoiceBalance> overdue(@Nullable ClientId clientId, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        return scope.tx(session -> queries(session).overdue(clientId, asOf));
    }

    /** The store's own queries if it has them, else the computation over its invoice and payment ports. */
    private static ReceivablesQueries queries(StoreSession session) {
        try {
            return session.get(ReceivablesQueries.class);
        } catch (UnsupportedPortException e) {
            return new ScannedReceivables(session);
        }
    }
}
