package dev.billops.core.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TenantId;
import java.math.BigDecimal;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TenantTest {

    private static final TenantId ID = TenantId.of("acme");
    private static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    @Test
    void of_requiredPartsOnly_hasNoOptionalPartsAndDefaultPolicies() {
        Tenant t = Tenant.of(ID, "Acme GmbH", ADDRESS);

        assertEquals(ID, t.id());
        assertEquals("Acme GmbH", t.name());
        assertEquals(ADDRESS, t.address());
        assertNull(t.vatId());
        assertNull(t.email());
        assertNull(t.iban());
        assertNull(t.bic());
        assertEquals(0, t.defaultVatRate().signum());
        assertEquals(TenantPolicies.defaults(), t.policies());
    }

    @Test
    void withers_eachSetOnePart_andKeepTheOthers() {
        Tenant t = Tenant.of(ID, "Acme GmbH", ADDRESS)
                .withVatId("DE123456789")
                .withEmail("billing@acme.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19"))
                .withZone(ZoneId.of("Europe/Berlin"));

        assertEquals(new Tenant(ID, "Acme GmbH", ADDRESS, "DE123456789", "billing@acme.test",
                "DE89370400440532013000", "COBADEFFXXX", new BigDecimal("19"),
                TenantPolicies.defaults().withZone(ZoneId.of("Europe/Berlin"))), t);
        assertNull(t.withVatId(null).vatId());
        assertEquals("DE123456789", t.withEmail(null).vatId());
    }

    @Test
    void of_blankName_throwsNamingTheTenant() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Tenant.of(ID, " ", ADDRESS));
        assertTrue(e.getMessage().contains("acme"), e.getMessage());
    }

    @Test
    void withDefaultVatRate_outsideZeroToHundred_throwsNamingTheRate() {
        Tenant t = Tenant.of(ID, "Acme GmbH", ADDRESS);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> t.withDefaultVatRate(new BigDecimal("100")));
        assertTrue(e.getMessage().contains("100"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> t.withDefaultVatRate(new BigDecimal("-1")));
    }
}
