package dev.billops.einvoice;

import dev.billops.einvoice.model.EInvoice;
import java.util.List;
import java.util.Objects;

/**
 * What {@link EInvoiceReader} read.
 *
 * @param invoice the document in the semantic model
 * @param syntax the syntax it was written in
 * @param warnings content the model does not carry, by location; empty when everything was read
 */
public record ReadResult(EInvoice invoice, Syntax syntax, List<ReadWarning> warnings) {

    public ReadResult {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(syntax, "syntax");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }
}
