package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The billing agreement with a client. Its status and end date are changed only by the
 * engagement services (renew, end); this type has no public method that changes them.
 *
 * @param id engagement id
 * @param clientId the client
 * @param projectId the project whose hours count against included hours (MIXED), or null for all the client's projects
 * @param description printed on package lines
 * @param mode HOURLY, PACKAGE or MIXED
 * @param packageFee fee per period (required for PACKAGE and MIXED)
 * @param schedule billing schedule of the fee
 * @param startDate first day of the engagement
 * @param endDate last day (inclusive), or null for open-ended; ONE_TIME needs it
 * @param renewsId the engagement this one renews, or null
 * @param includedHours hours per period included in the fee (retainer), or null
 * @param overageRate price per hour beyond the included hours, or null to use the resolved rate
 * @param proration what partial first/last periods cost
 * @param rollOverUnusedHours whether unused included hours carry to the next period
 * @param status ACTIVE, RENEWED or ENDED
 * @param version optimistic-locking version, managed by the store
 */
public record Engagement(
        EngagementId id,
        ClientId clientId,
        @Nullable ProjectId projectId,
        String description,
        PricingMode mode,
        @Nullable Money packageFee,
        PackageSchedule schedule,
        LocalDate startDate,
        @Nullable LocalDate endDate,
        @Nullable EngagementId renewsId,
        @Nullable Duration includedHours,
        @Nullable UnitPrice overageRate,
        ProrationPolicy proration,
        boolean rollOverUnusedHours,
        EngagementStatus status,
        long version) {

    static {
        Transitions.register(new Access());
    }

    /** The transitions only the services perform, registered with {@link Transitions}. */
    private static final class Access implements Transitions.EngagementTransitions {
        @Override
        public Engagement withStatus(Engagement engagement, EngagementStatus status) {
            return engagement.withStatus(status);
        }

        @Override
        public Engagement withEndDate(Engagement engagement, @Nullable LocalDate endDate) {
            return engagement.withEndDate(endDate);
        }
    }

    public Engagement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(proration, "proration");
        Objects.requireNonNull(status, "status");
        Text.require("engagement description", description, 4000);
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new InvalidInputException("engagement " + id + " ends (" + endDate + ") before it starts ("
                    + startDate + ")");
        }
        if (mode != PricingMode.HOURLY && (packageFee == null || !packageFee.isPositive())) {
            throw new InvalidInputException("engagement " + id + ": mode " + mode + " needs a positive package fee, got "
                    + packageFee);
        }
        if (schedule == PackageSchedule.ONE_TIME && mode != PricingMode.HOURLY && endDate == null) {
            throw new InvalidInputException("engagement " + id + ": a ONE_TIME schedule needs an end date");
        }
        if (includedHours != null && includedHours.isNegative()) {
            throw new InvalidInputException("engagement " + id + ": included hours " + includedHours + " are negative");
        }
        if (overageRate != null && packageFee != null
                && !overageRate.currencyCode().equals(packageFee.currencyCode())) {
            throw new dev.billops.core.money.CurrencyMismatchException(packageFee.currencyCode(),
                    overageRate.currencyCode(), "engagement " + id + " overage rate");
        }
    }

    /** A package engagement prorated by days, without included hours. */
    public static Engagement ofPackage(EngagementId id, ClientId clientId, String description, Money fee,
            PackageSchedule schedule, LocalDate start, @Nullable LocalDate end) {
        return new Engagement(id, clientId, null, description, PricingMode.PACKAGE, fee, schedule, start, end, null,
                null, null, ProrationPolicy.PRORATE_BY_DAYS, false, EngagementStatus.ACTIVE, 0);
    }

    private Engagement withStatus(EngagementStatus status) {
        return new Engagement(id, clientId, projectId, description, mode, packageFee, schedule, startDate, endDate,
                renewsId, includedHours, overageRate, proration, rollOverUnusedHours, status, version);
    }

    private Engagement withEndDate(@Nullable LocalDate endDate) {
        return new Engagement(id, clientId, projectId, description, mode, packageFee, schedule, startDate, endDate,
                renewsId, includedHours, overageRate, proration, rollOverUnusedHours, status, version);
    }

    public Engagement withVersion(long version) {
        return new Engagement(id, clientId, projectId, description, mode, packageFee, schedule, startDate, endDate,
                renewsId, includedHours, overageRate, proration, rollOverUnusedHours, status, version);
    }
}
