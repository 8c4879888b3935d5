package dev.billops.core.internal.engagement;

import dev.billops.core.id.EngagementId;
import dev.billops.core.spi.EngagementStore;
import dev.billops.core.spi.EngagementStore.InvoicedPeriod;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.StoreSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which package periods of some engagements have an invoice, as one transaction sees them: read in
 * bulk when the store can ({@link EngagementStore#invoicedPeriods}), else asked period by period
 * ({@link InvoiceStore#findByEngagementPeriod}). Valid only inside that transaction.
 */
final class InvoicedPeriods {

    private final StoreSession session;
    private final @Nullable Map<EngagementId, Map<LocalDate, InvoicedPeriod>> bulk;

    private InvoicedPeriods(StoreSession session, @Nullable Map<EngagementId, Map<LocalDate, InvoicedPeriod>> bulk) {
        this.session = session;
        this.bulk = bulk;
    }

    static InvoicedPeriods of(StoreSession session, List<EngagementId> ids) {
        Optional<List<InvoicedPeriod>> read = session.get(EngagementStore.class).invoicedPeriods(ids);
        if (read.isEmpty()) {
            return new InvoicedPeriods(session, null);
        }
        Map<EngagementId, Map<LocalDate, InvoicedPeriod>> bulk = new HashMap<>();
        for (InvoicedPeriod p : read.get()) {
            bulk.computeIfAbsent(p.engagement(), k -> new HashMap<>()).put(p.periodStart(), p);
        }
        return new InvoicedPeriods(session, bulk);
    }

    /** The invoice of the period starting on {@code start} of {@code engagement}, if there is one. */
    Optional<InvoicedPeriod> find(EngagementId engagement, LocalDate start) {
        if (bulk != null) {
            return Optional.ofNullable(bulk.getOrDefault(engagement, Map.of()).get(start));
        }
        return session.get(InvoiceStore.class).findByEngagementPeriod(engagement, start)
                .map(invoice -> new InvoicedPeriod(engagement, start, invoice.number()));
    }
}
