package dev.billops.jackson3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.EventTypes;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Money;
import dev.billops.core.party.Client;
import dev.billops.core.time.LocalDateRange;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.money.MonetaryAmount;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.MapperBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * billing-jackson's cases on Jackson 3: a host that only calls {@code findAndAddModules()} gets the
 * whole BillOps mapping, with the same JSON as on Jackson 2.
 */
class FindAndAddModulesTest {

    private static final Pattern NUMERIC_DATE = Pattern.compile("\\[\\d{4},\\d{1,2},\\d{1,2}|\"(?:issueDate|dueDate|"
            + "occurredAt|start|end|receivedOn|startInclusive|endExclusive|from|to)\":-?\\d");

    private final JsonMapper mapper = JsonMapper.builder().findAndAddModules().build();

    @Test
    void findModules_serviceFile_listsTheBillOpsModule() {
        assertTrue(MapperBuilder.findModules().stream().anyMatch(BillOpsJackson3Module.class::isInstance),
                MapperBuilder.findModules().toString());
    }

    @Test
    void findAndAddModules_everyPublicValue_roundTripsWithIsoDates() {
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
    void findAndAddModules_invoice_writesIsoDatesMoneyStringsAndPlainIds() {
        Invoice rich = Fixtures.richInvoice(InvoiceId.of("i-1"), ClientId.of("c-1"), "x");
        JsonNode node = mapper.readTree(mapper.writeValueAsString(rich));
        assertEquals("\"2026-03-02\"", node.get("issueDate").toString());
        assertEquals("\"c-1\"", node.get("clientId").toString());
        assertEquals("{\"amount\":\"10.000\",\"currency\":\"BHD\"}", node.get("paid").toString());
    }

    @Test
    void findAndAddModules_javaTimeValues_areIsoTextAndKeepTheirZone() {
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
    void monetaryAmount_writesTheCurrencyScale() {
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
        DatabindException e = assertThrows(DatabindException.class,
                () -> mapper.readValue("{\"amount\":\"1.5\",\"currency\":\"JPY\"}", MonetaryAmount.class));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(DatabindException.class,
                () -> mapper.readValue("{\"amount\":\"1e999999999\",\"currency\":\"EUR\"}", MonetaryAmount.class));
        assertThrows(DatabindException.class,
                () -> mapper.readValue("{\"amount\":\"1.00\",\"currency\":\"XYZ\"}", MonetaryAmount.class));
    }

    // ---- the module's own cases, as in billing-jackson's BillOpsJacksonModuleTest -----------------

    @Test
    void money_writesAmountAsExactStringWithCurrencyCode() {
        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", mapper.writeValueAsString(Money.of("EUR", "12.5")));
        assertEquals("{\"amount\":\"1.250\",\"currency\":\"BHD\"}", mapper.writeValueAsString(Money.of("BHD", "1.25")));
        assertEquals(Money.of("BHD", "1.250"), mapper.readValue("{\"currency\":\"BHD\",\"amount\":1.25}", Money.class));
        assertThrows(DatabindException.class, () -> mapper.readValue("{\"amount\":\"1.00\"}", Money.class));
    }

    @Test
    void typedIds_arePlainStringsAsValuesAndMapKeys() {
        assertEquals("\"acme:42\"", mapper.writeValueAsString(ClientId.of("acme:42")));
        Map<ProjectId, Integer> byProject = new TreeMap<>(Map.of(ProjectId.of("b"), 2, ProjectId.of("a"), 1));
        String json = BillOpsJson3.mapper().writeValueAsString(byProject);
        assertEquals("{\"a\":1,\"b\":2}", json);
        assertEquals(byProject, mapper.readValue(json, new TypeReference<Map<ProjectId, Integer>>() { }));
        assertThrows(DatabindException.class, () -> mapper.readValue("\"has space\"", TenantId.class));
    }

    @Test
    void localDateRange_hasStartAndEndExclusive() {
        LocalDateRange nov = LocalDateRange.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
        assertEquals("{\"start\":\"2026-11-01\",\"endExclusive\":\"2026-12-01\"}", mapper.writeValueAsString(nov));
        assertThrows(DatabindException.class, () -> mapper.readValue(
                "{\"start\":\"2026-12-01\",\"endExclusive\":\"2026-11-01\"}", LocalDateRange.class));
    }

    @Test
    void record_breakingItsRules_failsToRead() {
        String json = mapper.writeValueAsString(Fixtures.sparseClient(ClientId.of("c")));
        String blankName = json.replace("\"name\":\"Client c\"", "\"name\":\" \"");
        assertThrows(DatabindException.class, () -> mapper.readValue(blankName, Client.class));
    }

    @Test
    void events_listOfEveryCoreEvent_roundTripsWithTypeProperty() {
        List<BillingEvent> all = PublicValueSamples.of(1L, 1).stream().map(Sample::value)
                .filter(BillingEvent.class::isInstance).map(BillingEvent.class::cast).toList();
        assertEquals(EventTypes.core().size(), all.size());
        for (BillingEvent e : all) {
            assertEquals(e.type(), mapper.readTree(mapper.writeValueAsString(e)).get("type").asString());
        }
        String list = mapper.writerFor(new TypeReference<List<BillingEvent>>() { }).writeValueAsString(all);
        assertEquals(all, mapper.readValue(list, new TypeReference<List<BillingEvent>>() { }));
        assertThrows(DatabindException.class, () -> mapper.readValue(
                "{\"type\":\"invoice.exploded\",\"eventId\":\"e\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
                BillingEvent.class));
    }

    record PluginEvent(EventId eventId, Instant occurredAt, String note) implements BillingEvent {
        @Override
        public String type() {
            return "plugin.noted";
        }
    }

    @Test
    void withEventType_pluginEventReadBack() {
        JsonMapper own = JsonMapper.builder()
                .addModule(new BillOpsJackson3Module().withEventType("plugin.noted", PluginEvent.class)).build();
        PluginEvent e = new PluginEvent(EventId.of("e-1"), Fixtures.T0, "hi 😀");
        assertEquals(e, own.readValue(own.writeValueAsString(e), BillingEvent.class));
        assertThrows(IllegalArgumentException.class,
                () -> new BillOpsJackson3Module().withEventType("invoice.issued", PluginEvent.class));
    }
}
