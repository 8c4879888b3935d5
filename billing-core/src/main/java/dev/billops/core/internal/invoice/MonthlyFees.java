package dev.billops.core.internal.invoice;

import dev.billops.core.invoice.DocumentType;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.spi.StoreSession;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which monthly fees invoices bill, read from their lines: a line in unit MONTH on a project,
 * with a positive quantity, a service period and at least one time entry, is (part of) the
 * project's fee for the month its period starts in. Generation writes every fee that way (the
 * first of a month's prorated lines always lists an entry), so the stored invoices are the record
 * of what was billed; manual MONTH lines (no entries) are the host's own and not counted.
 */
public final class MonthlyFees {

    private static final Set<InvoiceStatus> ISSUED = EnumSet.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID,
            InvoiceStatus.PAID);

    private MonthlyFees() {
    }

    /** The fees {@code invoice} bills. */
    public static Set<ProjectMonth> of(Invoice invoice) {
        Set<ProjectMonth> fees = new LinkedHashSet<>();
        for (InvoiceLine line : invoice.lines()) {
            ProjectId project = line.projectId();
            if (UnitCode.MONTH.equals(line.unit()) && project != null && line.quantity().signum() > 0
                    && line.period() != null && !line.entryIds().isEmpty()) {
                fees.add(new ProjectMonth(project, YearMonth.from(line.period().startInclusive())));
            }
        }
        return fees;
    }

    /**
     * The fees billed on the client's invoices that are drafts or issued (not void), and the
     * invoice that bills each (the first in store order); {@code except} is left out.
     */
    public static Map<ProjectMonth, InvoiceId> billed(StoreSession session, dev.billops.core.id.ClientId client,
            boolean draftsToo, @Nullable InvoiceId except) {
        Set<InvoiceStatus> statuses = EnumSet.copyOf(ISSUED);
        if (draftsToo) {
            statuses.add(InvoiceStatus.DRAFT);
        }
        Map<ProjectMonth, InvoiceId> out = new HashMap<>();
        session.get(InvoiceStore.class).forEach(new InvoiceQuery(client, statuses, DocumentType.INVOICE), inv -> {
            if (!inv.id().equals(except)) {
                for (ProjectMonth fee : of(inv)) {
                    out.putIfAbsent(fee, inv.id());
                }
            }
        });
        return out;
    }
}
