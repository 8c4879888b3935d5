package dev.billops.jackson;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.InvalidTextException;
import dev.billops.core.id.ClientId;
import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.money.UnknownCurrencyException;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.tax.TaxTreatment;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile JSON read with the BillOps mapper: each document is refused within seconds by a
 * {@link JsonMappingException} whose cause is the core's typed exception and whose message is
 * under 300 characters, never by running out of memory.
 */
class BadJsonInputTest {

    private final ObjectMapper mapper = BillOpsJson.mapper();

    private <X extends Throwable> void refused(String json, Class<?> type, Class<X> cause) {
        JsonMappingException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(JsonMappingException.class, () -> mapper.readValue(json, type)));
        String message = String.valueOf(e.getMessage());
        assertTrue(message.length() < 300, "message of " + message.length() + " characters: "
                + message.substring(0, Math.min(400, message.length())));
        assertInstanceOf(cause, e.getCause(), "typed cause of " + message);
    }

    @Test
    void readRecord_duplicateProperty_refusedAsAmbiguous() {
        // a second "lines" reached Jackson's setterless-property path: UnsupportedOperationException
        String json = "{\"lines\":[\"a\"],\"postalCode\":\"1\",\"city\":\"x\",\"countryCode\":\"DE\","
                + "\"lines\":[\"b\"]}";
        com.fasterxml.jackson.core.JsonProcessingException e = assertThrows(
                com.fasterxml.jackson.core.JsonProcessingException.class, () -> mapper.readValue(json, Address.class));
        assertTrue(e.getMessage().contains("Duplicate field 'lines'"), e.getMessage());
        assertThrows(com.fasterxml.jackson.core.JsonProcessingException.class,
                () -> mapper.readValue("{\"amount\":\"1.00\",\"currency\":\"EUR\",\"amount\":\"2.00\"}", Money.class));
    }

    @Test
    void readMoney_hugeOrTinyExponent_refusedWithTypedCause() {
        refused("{\"amount\":\"0.001\",\"currency\":\"EUR\"}", Money.class, AmountOutOfRangeException.class);
        for (String amount : List.of("1e999999999", "1e-999999999", "-1e999999999", "1E+16", "9".repeat(100_000))) {
            refused("{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}", Money.class, AmountOutOfRangeException.class);
            refused("{\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}", UnitPrice.class,
                    AmountOutOfRangeException.class);
        }
    }

    @Test
    void readMoney_amountAsHugeJsonNumber_refused() {
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            Exception e = assertThrows(Exception.class,
                    () -> mapper.readValue("{\"amount\":1e999999999,\"currency\":\"EUR\"}", Money.class));
            assertTrue(String.valueOf(e.getMessage()).length() < 300, e.getMessage());
        });
    }

    @Test
    void readMoney_longCurrency_refusedWithTypedCause() {
        refused("{\"amount\":\"1.00\",\"currency\":\"" + "E".repeat(100_000) + "\"}", Money.class,
                UnknownCurrencyException.class);
    }

    @Test
    void readId_hugeId_refusedWithTypedCause() {
        refused("\"" + "x".repeat(120_000) + "\"", ClientId.class, InvalidInputException.class);
    }

    @Test
    void readTaxTreatment_extremeRate_refusedQuicklyWithShortMessage() {
        for (String rate : List.of("1e999999999", "1e-999999999", "\"1e999999999\"", "\"1e-999999999\"")) {
            JsonMappingException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                    JsonMappingException.class, () -> mapper.readValue("{\"category\":\"S\",\"ratePercent\":" + rate
                            + ",\"exemptionReason\":null}", TaxTreatment.class)));
            assertTrue(String.valueOf(e.getMessage()).length() < 300, e.getMessage());
            assertInstanceOf(BillingException.class, e.getCause(), "typed cause of " + e.getMessage());
        }
    }

    @Test
    void readClient_unpairedSurrogateOrNulInName_refusedWithTypedCause() throws Exception {
        String json = mapper.writeValueAsString(Client.of(ClientId.of("acme"), "ACME-NAME",
                Address.of("Main St 1", "10115", "Berlin", "DE"), Currencies.of("EUR")));
        for (String bad : List.of("bank-ref-\\uD800", "\\uDBFF", "nul \\u0000")) {
            refused(json.replace("ACME-NAME", bad), Client.class, InvalidTextException.class);
        }
    }
}
