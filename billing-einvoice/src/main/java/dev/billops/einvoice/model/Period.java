package dev.billops.einvoice.model;

import dev.billops.core.error.InvalidInputException;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * An invoicing period (BG-14 on the document, BG-26 on a line). Unlike BillOps' half-open
 * ranges, EN 16931 periods include their end date.
 *
 * @param start first day (BT-73/BT-134), or null
 * @param endInclusive last day (BT-74/BT-135), or null
 */
public record Period(@Nullable LocalDate start, @Nullable LocalDate endInclusive) {

    public Period {
        if (start == null && endInclusive == null) {
            throw new InvalidInputException("a period needs a start date, an end date or both");
        }
        if (start != null && endInclusive != null && endInclusive.isBefore(start)) {
            throw new InvalidInputException("period ends (" + endInclusive + ") before it starts (" + start + ")");
        }
    }
}
