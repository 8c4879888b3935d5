package dev.billops.core.spi;

import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: invoices and credit notes of the session tenant, with their lines, adjustments, VAT
 * breakdown and totals.
 *
 * <p>Contract (checked by the testkit's store contract tests): {@link #insert} throws
 * {@code DuplicateKeyException} for a known id, a known (series, number), or a second invoice
 * for the same (engagement, package period start) — the last one is how a package billing run
 * is made idempotent, also across processes. {@link #update} is optimistic on
 * {@link Invoice#version()} and returns the invoice with its new version. {@link #deleteDraft}
 * deletes only drafts.
 */
public interface InvoiceStore {

    void insert(Invoice invoice);

    /**
     * Inserts {@code invoices} as {@link #insert} inserts each, in list order, with the same rows
     * and the same refusals: a clash of one of the three keys (with a stored invoice or with an
     * earlier invoice of the list) or a time entry billed already throws the
     * {@code DuplicateKeyException} {@link #insert} would throw for that invoice. A store may write
     * the rows of all the invoices together (the JDBC store: one batch per table); the JDBC and
     * in-memory stores check before they write, so a refused call stores nothing. This default
     * inserts one by one and leaves the invoices before the refused one written: a caller that
     * needs all or nothing rolls its transaction (or a savepoint) back.
     */
    default void insertAll(List<Invoice> invoices) {
        for (Invoice invoice : List.copyOf(invoices)) {
            insert(invoice);
        }
    }

    Invoice update(Invoice invoice);

    /** Deletes a DRAFT; throws {@code InvoiceAlreadyIssuedException} for anything else. */
    void deleteDraft(InvoiceId id);

    Optional<Invoice> find(InvoiceId id);

    Optional<Invoice> findByNumber(String number);

    Optional<Invoice> findByEngagementPeriod(EngagementId engagement, LocalDate periodStart);

    /** Matching invoices ordered by issue date (drafts last), then id. */
    List<Invoice> list(InvoiceQuery query);

    /** Streams matching invoices in the order of {@link #list}. */
    default void forEach(InvoiceQuery query, Consumer<Invoice> sink) {
        list(query).forEach(sink);
    }

    /**
     * The issued (not void) invoice that deducts prepayment invoice {@code prepayment}
     * ({@link Invoice#prepayments()}), if any. A prepayment invoice is deducted by at most one
     * such invoice: {@link #insert}, {@link #insertAll} and {@link #update} of a second one throw
     * {@code DuplicateKeyException} (kind {@code "prepayment deduction"}, key the prepayment
     * invoice's id); voiding the deducting invoice releases it.
     */
    Optional<InvoiceId> deductingInvoice(InvoiceId prepayment);

    /** Credit notes that reference {@code invoice}. */
    List<Invoice> creditNotesOf(InvoiceId invoice);
}
