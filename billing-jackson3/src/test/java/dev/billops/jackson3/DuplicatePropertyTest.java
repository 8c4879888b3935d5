package dev.billops.jackson3;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.money.Money;
import dev.billops.core.party.Address;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** A property given twice is ambiguous: the BillOps mapper refuses it, as on Jackson 2. */
class DuplicatePropertyTest {

    @Test
    void readRecord_duplicateProperty_refusedAsAmbiguous() {
        String json = "{\"lines\":[\"a\"],\"postalCode\":\"1\",\"city\":\"x\",\"countryCode\":\"DE\",\"lines\":[\"b\"]}";
        JacksonException e = assertThrows(JacksonException.class, () -> BillOpsJson3.mapper().readValue(json, Address.class));
        assertTrue(e.getMessage().contains("Duplicate"), e.getMessage());
        assertThrows(JacksonException.class, () -> BillOpsJson3.mapper().readValue(
                "{\"amount\":\"1.00\",\"currency\":\"EUR\",\"amount\":\"2.00\"}", Money.class));
    }
}
