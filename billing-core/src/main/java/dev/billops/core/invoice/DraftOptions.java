package dev.billops.core.invoice;

import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.rate.DayRatePolicy;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Choices for one draft; a null component means "the facade's default".
 *
 * @param projectId bill only this project of the client, or null for all its projects
 * @param grouping how lines group entries, or null for the default {@link GenerationPolicy}'s
 * @param days how DAY rates count days, or null for the default
 * @param invoiceId the id of the new draft, or null for a generated one
 * @param references the buyer's references and payment terms text of the draft, or null for none
 *     (a regenerated draft keeps those of the draft it replaces)
 */
public record DraftOptions(@Nullable ProjectId projectId, @Nullable GroupingPolicy grouping,
        @Nullable DayRatePolicy days, @Nullable InvoiceId invoiceId, @Nullable InvoiceReferences references) {

    private static final DraftOptions DEFAULTS = new DraftOptions(null, null, null, null, null);

    /** Options without references. */
    public DraftOptions(@Nullable ProjectId projectId, @Nullable GroupingPolicy grouping,
            @Nullable DayRatePolicy days, @Nullable InvoiceId invoiceId) {
        this(projectId, grouping, days, invoiceId, null);
    }

    /** Every project, default policy, generated id. */
    public static DraftOptions defaults() {
        return DEFAULTS;
    }

    public DraftOptions forProject(@Nullable ProjectId project) {
        return new DraftOptions(project, grouping, days, invoiceId, references);
    }

    public DraftOptions withGrouping(@Nullable GroupingPolicy grouping) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references);
    }

    public DraftOptions withDays(@Nullable DayRatePolicy days) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references);
    }

    public DraftOptions withInvoiceId(@Nullable InvoiceId id) {
        return new DraftOptions(projectId, grouping, days, id, references);
    }

    /** These options with the draft's buyer references and payment terms text {@code references}. */
    public DraftOptions withReferences(@Nullable InvoiceReferences references) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references);
    }

    /** The policy these options give on top of {@code defaults}. */
    public GenerationPolicy policyOver(GenerationPolicy defaults) {
        Objects.requireNonNull(defaults, "defaults");
        return new GenerationPolicy(grouping == null ? defaults.grouping() : grouping,
                days == null ? defaults.days() : days);
    }
}
