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
 * @param terms the draft's {@link DocumentTerms}, or null for none (a regenerated draft keeps
 *     those of the draft it replaces)
 * @param type the draft's invoice type, or null for {@link DocumentType#INVOICE} (a regenerated
 *     draft keeps the type of the draft it replaces); a {@link DocumentType#CORRECTED corrected}
 *     invoice needs terms that name the preceding invoice
 */
public record DraftOptions(@Nullable ProjectId projectId, @Nullable GroupingPolicy grouping,
        @Nullable DayRatePolicy days, @Nullable InvoiceId invoiceId, @Nullable InvoiceReferences references,
        @Nullable DocumentTerms terms, @Nullable DocumentType type) {

    private static final DraftOptions DEFAULTS = new DraftOptions(null, null, null, null, null, null, null);

    /**
     * @throws dev.billops.core.error.InvalidInputException if {@code type} is the credit note
     * @throws PrecedingInvoiceRequiredException if {@code type} is a corrected invoice and
     *     {@code terms} name no preceding invoice
     */
    public DraftOptions {
        if (type == DocumentType.CREDIT_NOTE) {
            throw new dev.billops.core.error.InvalidInputException("a draft from time cannot be a credit note; "
                    + "credit notes are made by crediting an issued invoice");
        }
        if (type == DocumentType.CORRECTED && (terms == null || terms.precedingInvoice() == null)) {
            throw new PrecedingInvoiceRequiredException(invoiceId);
        }
    }

    /** Options without references. */
    public DraftOptions(@Nullable ProjectId projectId, @Nullable GroupingPolicy grouping,
            @Nullable DayRatePolicy days, @Nullable InvoiceId invoiceId) {
        this(projectId, grouping, days, invoiceId, null, null, null);
    }

    /** Every project, default policy, generated id. */
    public static DraftOptions defaults() {
        return DEFAULTS;
    }

    public DraftOptions forProject(@Nullable ProjectId project) {
        return new DraftOptions(project, grouping, days, invoiceId, references, terms, type);
    }

    public DraftOptions withGrouping(@Nullable GroupingPolicy grouping) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references, terms, type);
    }

    public DraftOptions withDays(@Nullable DayRatePolicy days) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references, terms, type);
    }

    public DraftOptions withInvoiceId(@Nullable InvoiceId id) {
        return new DraftOptions(projectId, grouping, days, id, references, terms, type);
    }

    /** These options with the draft's buyer references and payment terms text {@code references}. */
    public DraftOptions withReferences(@Nullable InvoiceReferences references) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references, terms, type);
    }

    /** These options with the draft's document terms {@code terms} (VAT point, notes, delivery, payment, …). */
    public DraftOptions withTerms(@Nullable DocumentTerms terms) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references, terms, type);
    }

    /**
     * These options with the draft's invoice type {@code type}, or null for a commercial invoice.
     *
     * @throws dev.billops.core.error.InvalidInputException if it is the credit note
     * @throws PrecedingInvoiceRequiredException if it is a corrected invoice and the terms name no
     *     preceding invoice (set the terms first)
     */
    public DraftOptions withType(@Nullable DocumentType type) {
        return new DraftOptions(projectId, grouping, days, invoiceId, references, terms, type);
    }

    /** The policy these options give on top of {@code defaults}. */
    public GenerationPolicy policyOver(GenerationPolicy defaults) {
        Objects.requireNonNull(defaults, "defaults");
        return new GenerationPolicy(grouping == null ? defaults.grouping() : grouping,
                days == null ? defaults.days() : days);
    }
}
