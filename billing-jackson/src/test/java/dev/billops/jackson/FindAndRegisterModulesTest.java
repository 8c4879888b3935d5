package dev.billops.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Money;
import dev.billops.testkit.contract.Fixtures;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.gen.PublicValueSamples;
import dev.billops.testkit.gen.PublicValueSamples.Sample;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Pattern;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;

/**
 * A host that only calls {@code findAndRegisterModules()} on a plain mapper gets the whole BillOps
 * mapping: every public value round-trips, dates are ISO text, JSR 354 amounts have the money shape.
 * The same cases run on Jackson 3 in billing-jackson3.
 */
class FindAndRegisterModulesTest {

    /** What a numeric date looks like: [2026,3,2] or a bare epoch number where a date should be. */
    private static final Pattern NUMERIC_DATE = Pattern.compile("\\[\\d{4},\\d{1,2},\\d{1,2}|\"(?:issueDate|dueDate|"
            + "occurredAt|start|end|receivedOn|startInclusive|endExclusive|from|to)\":-?\\d");

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    @Test
    void findModules_serviceFile_listsTheBillOpsModule() {
        assertTrue(ObjectMapper.findModules().stream().anyMatch(BillOpsJacksonModule.class::isInstance),
                ObjectMapper.findModules().toString());
    }

    @Test
    void findAndRegisterModules_everyPublicValue_roundTripsWithIsoDates() {
        Property.forAll(Gen.longs(Long.MIN_VALUE, Long.MAX_VALUE)).tries(10).verify(seed -> {
            for (Sample<?> sample : PublicValueSamples.of(seed, 5)) {
                String json = mapper.writeValueAsString(sample.value());
                assertFalse(NUMERIC_DATE.matcher(json).find(), () -> sample.type().getSimpleName() + ": " + json);
                assertEquals(sample.value(), mapper.readValue(json, sample.type()), json);
                if (sample.value() instanceof BillingEvent event) {
                    assertEquals(event, mapper.readValue(json, BillingEvent.class), json);
                }
            }
        });
    }

    @Test
    void findAndRegisterModules_invoice_writesIsoDatesMoneyStringsAndPlainIds() throws Exception {
        Invoice rich = Fixtures.richInvoice(InvoiceId.of("i-1"), ClientId.of("c-1"), "x");
        JsonNode node = mapper.readTree(mapper.writeValueAsString(rich));
        assertEquals("\"2026-03-02\"", node.get("issueDate").toString());
        assertEquals("\"c-1\"", node.get("clientId").toString());
        assertEquals("{\"amount\":\"10.000\",\"currency\":\"BHD\"}", node.get("paid").toString());
    }

    @Test
    void findAndRegisterModules_javaTimeValues_areIsoTextAndKeepTheirZone() throws Exception {
        assertEquals("\"2026-03-02T08:00:00Z\"", mapper.writeValueAsString(Instant.parse("2026-03-02T08:00:00Z")));
        assertEquals("\"2026-03-02\"", mapper.writeValueAsString(LocalDate.of(2026, 3, 2)));
        assertEquals("\"PT1H30M\"", mapper.writeValueAsString(Duration.ofMinutes(90)));
        ZonedDateTime berlin = ZonedDateTime.of(2026, 3, 29, 3, 30, 0, 0, ZoneId.of("Europe/Berlin"));
        assertEquals(berlin.toOffsetDateTime(),
                mapper.readValue(mapper.writeValueAsString(berlin), ZonedDateTime.class).toOffsetDateTime());
    }

    @Test
    void monetaryAmount_anyMoney_hasTheMoneyShapeAndRoundTrips() {
        Property.forAll(MoneyGens.money()).tries(300).verify(money -> {
            MonetaryAmount amount = money.toMonetaryAmount();
            String json = mapper.writeValueAsString(amount);
            assertEquals(mapper.writeValueAsString(money), json);
            MonetaryAmount back = mapper.readValue(json, MonetaryAmount.class);
            assertEquals(money, Money.from(back), json);
        });
    }

    @Test
    void monetaryAmount_writesTheCurrencyScale() throws Exception {
        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}",
                mapper.writeValueAsString(org.javamoney.moneta.FastMoney.of(new BigDecimal("12.5"), "EUR")));
        assertEquals("{\"amount\":\"1200\",\"currency\":\"JPY\"}",
                mapper.writeValueAsString(Money.of("JPY", "1200").toMonetaryAmount()));
        MonetaryAmount read = mapper.readValue("{\"amount\":\"-0.125\",\"currency\":\"BHD\"}", MonetaryAmount.class);
        assertInstanceOf(MonetaryAmount.class, read);
        assertEquals(Money.of("BHD", "-0.125"), Money.from(read));
    }

    @Test
    void monetaryAmount_badInput_failsNamingTheValue() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"amount\":\"1.5\",\"currency\":\"JPY\"}", MonetaryAmount.class));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"amount\":\"1e999999999\",\"currency\":\"EUR\"}", MonetaryAmount.class));
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"amount\":\"1.00\",\"currency\":\"XYZ\"}", MonetaryAmount.class));
    }
}
