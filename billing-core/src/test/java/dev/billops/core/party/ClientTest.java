package dev.billops.core.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.money.Currencies;
import java.util.Locale;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class ClientTest {

    private static final ClientId ID = ClientId.of("globex");
    private static final Address ADDRESS = Address.of("8 quai des Chartrons", "33000", "Bordeaux", "FR");
    private static final CurrencyUnit EUR = Currencies.of("EUR");

    @Test
    void of_requiredPartsOnly_isActiveStandardTaxedWithDefaultTerms() {
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR);

        assertEquals(new Client(ID, "Globex SARL", ADDRESS, null, null, EUR, Client.DEFAULT_TERMS_DAYS,
                Locale.ENGLISH, TaxProfile.STANDARD, null, false, null, true, 0), c);
    }

    @Test
    void withers_everyPart_setsOnlyThatPart() {
        Address other = Address.of("1 rue de Rivoli", "75001", "Paris", "FR");
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR)
                .withName("Globex SA")
                .withAddress(other)
                .withVatId("FR40303265045")
                .withEmail("ap@globex.test")
                .withCurrency(Currencies.of("CHF"))
                .withTerms(14)
                .withLocale(Locale.FRANCE)
                .withTaxProfile(TaxProfile.INTRA_COMMUNITY)
                .withAutopay("pm_card")
                .withActive(false)
                .withVersion(3);

        assertEquals(new Client(ID, "Globex SA", other, "FR40303265045", "ap@globex.test", Currencies.of("CHF"), 14,
                Locale.FRANCE, TaxProfile.INTRA_COMMUNITY, null, true, "pm_card", false, 3), c);
    }

    @Test
    void withTaxProfile_withReason_setsProfileAndReason_keepsVatId() {
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR).withVatId("FR40303265045")
                .withTaxProfile(TaxProfile.EXEMPT, "Article 261 CGI");

        assertEquals(TaxProfile.EXEMPT, c.taxProfile());
        assertEquals("Article 261 CGI", c.exemptionReason());
        assertEquals("FR40303265045", c.vatId());
        assertEquals("Article 261 CGI", c.withTaxProfile(TaxProfile.EXPORT).exemptionReason());
    }

    @Test
    void withTaxProfile_reverseChargeWithoutVatId_throwsNamingTheClient() {
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR);

        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> c.withTaxProfile(TaxProfile.REVERSE_CHARGE));
        assertTrue(e.getMessage().contains("globex") && e.getMessage().contains("VAT id"), e.getMessage());
    }

    @Test
    void withVatId_nullOnReverseChargeClient_throws() {
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR).withVatId("FR40303265045")
                .withTaxProfile(TaxProfile.REVERSE_CHARGE);

        assertThrows(InvalidInputException.class, () -> c.withVatId(null));
    }

    @Test
    void withoutAutopay_keepsThePaymentMethod() {
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR).withAutopay("pm_card").withoutAutopay();

        assertFalse(c.autopayEnabled());
        assertEquals("pm_card", c.paymentMethodRef());
        assertNull(c.withPaymentMethod(null).paymentMethodRef());
    }

    @Test
    void withPaymentMethod_nullWhileAutopayOn_throws() {
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR).withAutopay("pm_card");

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.withPaymentMethod(null));
        assertTrue(e.getMessage().contains("autopay"), e.getMessage());
    }

    @Test
    void withTerms_outsideZeroTo365_throwsNamingTheDays() {
        Client c = Client.of(ID, "Globex SARL", ADDRESS, EUR);

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> c.withTerms(366));
        assertTrue(e.getMessage().contains("366"), e.getMessage());
    }
}
