package dev.billops.einvoice.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Delivery information (BG-13).
 *
 * @param partyName deliver-to party name (BT-70), or null
 * @param locationId deliver-to location identifier (BT-71), or null
 * @param date actual delivery date (BT-72), or null
 * @param address deliver-to address (BG-15), or null
 */
public record Delivery(@Nullable String partyName, @Nullable Identifier locationId, @Nullable LocalDate date,
        @Nullable PostalAddress address) {

    public Delivery {
        partyName = Checks.optional("deliver-to party name", partyName);
    }
}
