package dev.billops.einvoice.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A preceding invoice reference (BG-3), e.g. the invoice a credit note corrects.
 *
 * @param id the preceding invoice's number (BT-25)
 * @param issueDate its issue date (BT-26), or null
 */
public record DocumentReference(String id, @Nullable LocalDate issueDate) {

    public DocumentReference {
        id = Checks.text("preceding invoice reference", id);
    }
}
