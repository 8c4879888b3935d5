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

    /** Credit notes that reference {@code invoice}. */
    List<Invoice> creditNotesOf(InvoiceId invoice);
}
