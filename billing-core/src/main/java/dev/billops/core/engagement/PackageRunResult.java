package dev.billops.core.engagement;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a package billing run did (or, in a dry run, would do), per (engagement, period).
 *
 * @param date the run date
 * @param dryRun whether nothing was stored
 * @param created invoices issued (in a dry run: that would be issued), in run order
 * @param skipped periods that already had an invoice, due periods left unbilled because they are
 *     older than the catch-up window, and engagements with nothing to bill
 * @param failed engagements or periods that could not be billed, with the reason
 */
public record PackageRunResult(LocalDate date, boolean dryRun, List<Created> created, List<Skipped> skipped,
        List<Failed> failed) {

    public PackageRunResult {
        Objects.requireNonNull(date, "date");
        created = List.copyOf(Objects.requireNonNull(created, "created"));
        skipped = List.copyOf(Objects.requireNonNull(skipped, "skipped"));
        failed = List.copyOf(Objects.requireNonNull(failed, "failed"));
    }

    /** A result with nothing in it. */
    public static PackageRunResult empty(LocalDate date, boolean dryRun) {
        return new PackageRunResult(date, dryRun, List.of(), List.of(), List.of());
    }

    /** This result followed by {@code other}'s entries (the results of two tenants of one run). */
    public PackageRunResult plus(PackageRunResult other) {
        Objects.requireNonNull(other, "other");
        List<Created> c = new ArrayList<>(created);
        c.addAll(other.created);
        List<Skipped> s = new ArrayList<>(skipped);
        s.addAll(other.skipped);
        List<Failed> f = new ArrayList<>(failed);
        f.addAll(other.failed);
        return new PackageRunResult(date, dryRun, c, s, f);
    }

    /** Whether no engagement failed. */
    public boolean succeeded() {
        return failed.isEmpty();
    }

    /**
     * An invoice the run issued (or would issue).
     *
     * @param tenant the tenant
     * @param engagementId the engagement
     * @param clientId the billed client
     * @param period the billed period
     * @param invoiceId the invoice id (in a dry run: the id it would have had)
     * @param number the invoice number (in a dry run with a {@code {seq}} pattern: a preview that
     *     the real run may assign differently)
     * @param net the amount before tax
     * @param total the payable amount
     * @param dueDate the due date
     * @param autopay whether the invoice carries autopay metadata
     */
    public record Created(TenantId tenant, EngagementId engagementId, ClientId clientId, BillingPeriod period,
            InvoiceId invoiceId, String number, Money net, Money total, LocalDate dueDate, boolean autopay) {

        public Created {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(engagementId, "engagementId");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(invoiceId, "invoiceId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(net, "net");
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(dueDate, "dueDate");
        }

        public LocalDate periodStart() {
            return period.start();
        }
    }

    /** Why nothing was produced for an engagement or period. */
    public enum SkipReason {
        /** The period already has an invoice (from an earlier or a concurrent run). */
        ALREADY_INVOICED,
        /** The engagement named in the run's filter is HOURLY, so it has no package invoices. */
        NOT_A_PACKAGE,
        /**
         * The period is due and has no invoice, but its bill date is before the run's catch-up
         * window ({@code PackagePolicy.catchUpPeriods()}), so the run does not bill it unless asked
         * to ({@link PackageRunOptions#billMissedPeriods()}).
         */
        OUTSIDE_CATCH_UP
    }

    /**
     * A period (or engagement) the run left alone.
     *
     * @param tenant the tenant
     * @param engagementId the engagement
     * @param periodStart the period, or null when the whole engagement was skipped
     * @param existingNumber the number of the invoice that already covers the period, or null
     * @param reason why
     */
    public record Skipped(TenantId tenant, EngagementId engagementId, @Nullable LocalDate periodStart,
            @Nullable String existingNumber, SkipReason reason) {

        public Skipped {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(engagementId, "engagementId");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * A period, engagement or tenant the run could not bill. Nothing was stored for it; the rest of
     * the run went on.
     *
     * @param tenant the tenant
     * @param engagementId the engagement, or null when the tenant itself could not be read
     * @param periodStart the period, or null when the engagement's periods could not be computed
     * @param reason the message of what went wrong
     * @param errorType the simple class name of the exception, e.g. {@code NotFoundException}
     */
    public record Failed(TenantId tenant, @Nullable EngagementId engagementId, @Nullable LocalDate periodStart,
            String reason, String errorType) {

        public Failed {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(errorType, "errorType");
        }
    }
}
