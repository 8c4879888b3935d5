package dev.billops.core.internal.invoice;

import dev.billops.core.invoice.GenerationPolicy;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.time.LocalDateRange;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to bill and how: OPEN billable entries of the context's client that start
 * (local date in their own zone) within {@code period}, optionally of one project, except the
 * excluded ones.
 *
 * @param period the service period billed; also the invoice's service period
 * @param projectId only this project, or null for every project of the client
 * @param excluded entries never to bill (e.g. those already on another draft)
 * @param policy grouping and day counting
 * @param feesBilled monthly fees already billed (on issued invoices or other drafts): the MONTH
 *     entries of these projects and months are billed on a line of quantity 0
 */
public record GenerationRequest(LocalDateRange period, @Nullable ProjectId projectId, Set<TimeEntryId> excluded,
        GenerationPolicy policy, Set<ProjectMonth> feesBilled) {

    public GenerationRequest {
        Objects.requireNonNull(period, "period");
        excluded = Set.copyOf(Objects.requireNonNull(excluded, "excluded"));
        Objects.requireNonNull(policy, "policy");
        feesBilled = Set.copyOf(Objects.requireNonNull(feesBilled, "feesBilled"));
    }

    /** A request with no monthly fee billed yet. */
    public GenerationRequest(LocalDateRange period, @Nullable ProjectId projectId, Set<TimeEntryId> excluded,
            GenerationPolicy policy) {
        this(period, projectId, excluded, policy, Set.of());
    }

    /** Every project of the client over {@code period}, with {@code policy}. */
    public static GenerationRequest of(LocalDateRange period, GenerationPolicy policy) {
        return new GenerationRequest(period, null, Set.of(), policy);
    }

    public GenerationRequest forProject(@Nullable ProjectId project) {
        return new GenerationRequest(period, project, excluded, policy, feesBilled);
    }

    public GenerationRequest excluding(Set<TimeEntryId> entries) {
        return new GenerationRequest(period, projectId, entries, policy, feesBilled);
    }

    /** This request with {@code fees} already billed. */
    public GenerationRequest withFeesBilled(Set<ProjectMonth> fees) {
        return new GenerationRequest(period, projectId, excluded, policy, fees);
    }
}
