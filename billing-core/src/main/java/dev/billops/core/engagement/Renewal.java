package dev.billops.core.engagement;

import dev.billops.core.id.EngagementId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The terms of a renewal: everything else (client, project, mode, schedule, included hours,
 * overage rate, proration) is copied from the renewed engagement.
 *
 * @param startDate first day of the renewal; after the renewed engagement's start
 * @param endDate last day (inclusive) of the renewal, or null for open-ended
 * @param packageFee the new fee per period, or null to keep the old one
 * @param id the renewal's id, or null to generate one
 */
public record Renewal(LocalDate startDate, @Nullable LocalDate endDate, @Nullable Money packageFee,
        @Nullable EngagementId id) {

    public Renewal {
        Objects.requireNonNull(startDate, "startDate");
    }

    /** A renewal from {@code startDate}, open-ended, same fee, generated id. */
    public static Renewal startingOn(LocalDate startDate) {
        return new Renewal(startDate, null, null, null);
    }

    public Renewal endingOn(@Nullable LocalDate lastDay) {
        return new Renewal(startDate, lastDay, packageFee, id);
    }

    public Renewal withFee(@Nullable Money fee) {
        return new Renewal(startDate, endDate, fee, id);
    }

    public Renewal withId(@Nullable EngagementId id) {
        return new Renewal(startDate, endDate, packageFee, id);
    }
}
