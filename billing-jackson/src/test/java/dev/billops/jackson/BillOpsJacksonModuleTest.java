package dev.billops.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.EventTypes;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Tenant;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.testkit.contract.Fixtures;
import dev.billops.testkit.gen.DomainGens;
import dev.billops.testkit.gen.MoneyGens;
import dev.billops.testkit.gen.TimeGens;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class BillOpsJacksonModuleTest {

    private final ObjectMapper mapper = BillOpsJson.mapper();

    private <T> T roundTrip(T value, Class<T> type) throws JsonProcessingException {
        String json = mapper.writeValueAsString(value);
        T back = mapper.readValue(json, type);
        assertEquals(value, back, json);
        return back;
    }

    // ---- money ---------------------------------------------------------------------------------

    @Test
    void money_writesAmountAsExactStringWithCurrencyCode() throws JsonProcessingException {
        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", mapper.writeValueAsString(Money.of("EUR", "12.5")));
        assertEquals("{\"amount\":\"1200\",\"currency\":\"JPY\"}", mapper.writeValueAsString(Money.of("JPY", "1200")));
        assertEquals("{\"amount\":\"1.250\",\"currency\":\"BHD\"}", mapper.writeValueAsString(Money.of("BHD", "1.25")));
        assertEquals("{\"amount\":\"-0.01\",\"currency\":\"USD\"}", mapper.writeValueAsString(Money.of("USD", "-0.01")));
        assertEquals("{\"amount\":\"999999999999999.99\",\"currency\":\"EUR\"}",
                mapper.writeValueAsString(Money.of("EUR", "999999999999999.99")));
    }

    @Test
    void money_anyCurrencyAnyAmount_roundTripsExactly() {
        Property.forAll(MoneyGens.money()).tries(500).verify(m -> roundTrip(m, Money.class));
    }

    @Test
    void money_readsNumericAmountAndAnyFieldOrder() throws JsonProcessingException {
        assertEquals(Money.of("BHD", "1.250"), mapper.readValue("{\"currency\":\"BHD\",\"amount\":1.25}", Money.class));
        assertEquals(Money.of("JPY", "5"), mapper.readValue("{\"amount\":\"5\",\"currency\":\"JPY\",\"x\":[1]}",
                Money.class));
    }

    @Test
    void money_moreDecimalsThanCurrency_failsNamingTheValue() {
        JsonMappingException e = assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"amount\":\"1.5\",\"currency\":\"JPY\"}", Money.class));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"amount\":\"1.00\",\"currency\":\"XYZ\"}", Money.class));
        assertThrows(JsonMappingException.class,
                () -> mapper.readValue("{\"amount\":\"ten\",\"currency\":\"EUR\"}", Money.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("{\"amount\":\"1.00\"}", Money.class));
    }

    @Test
    void unitPrice_keepsUpToEightDecimals() throws JsonProcessingException {
        UnitPrice p = UnitPrice.of(Currencies.of("EUR"), "87.33333333");
        assertEquals("{\"amount\":\"87.33333333\",\"currency\":\"EUR\"}", mapper.writeValueAsString(p));
        UnitPrice back = roundTrip(p, UnitPrice.class);
        assertEquals(p.amount().scale(), back.amount().scale());
        Property.forAll(MoneyGens.unitPrices()).tries(300).verify(u -> roundTrip(u, UnitPrice.class));
    }

    @Test
    void currencyUnit_isItsCode() throws JsonProcessingException {
        assertEquals("\"BHD\"", mapper.writeValueAsString(Currencies.of("BHD")));
        assertEquals(Currencies.of("JPY"), mapper.readValue("\"JPY\"", CurrencyUnit.class));
    }

    // ---- ids, ranges, time ------------------------------------------------------------------------

    @Test
    void typedIds_arePlainStringsAsValuesAndMapKeys() throws JsonProcessingException {
        assertEquals("\"acme:42\"", mapper.writeValueAsString(ClientId.of("acme:42")));
        assertEquals(InvoiceId.of("INV.1"), mapper.readValue("\"INV.1\"", InvoiceId.class));
        for (Class<?> idType : CoreClasses.inPackage("dev.billops.core.id")) {
            if (idType.isRecord()) {
                Object id = mapper.readValue("\"id-1\"", idType);
                assertEquals("\"id-1\"", mapper.writeValueAsString(id), idType.getName());
            }
        }
        Map<ProjectId, Integer> byProject = new TreeMap<>(Map.of(ProjectId.of("b"), 2, ProjectId.of("a"), 1));
        String json = mapper.writeValueAsString(byProject);
        assertEquals("{\"a\":1,\"b\":2}", json);
        assertEquals(byProject, mapper.readValue(json, new TypeReference<Map<ProjectId, Integer>>() { }));
        assertThrows(JsonMappingException.class, () -> mapper.readValue("\"has space\"", TenantId.class));
    }

    @Test
    void localDateRange_hasStartAndEndExclusive() throws JsonProcessingException {
        LocalDateRange nov = LocalDateRange.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1));
        assertEquals("{\"start\":\"2026-11-01\",\"endExclusive\":\"2026-12-01\"}", mapper.writeValueAsString(nov));
        Property.forAll(TimeGens.dateRanges()).tries(300).verify(r -> roundTrip(r, LocalDateRange.class));
        assertThrows(JsonMappingException.class, () -> mapper.readValue(
                "{\"start\":\"2026-12-01\",\"endExclusive\":\"2026-11-01\"}", LocalDateRange.class));
    }

    @Test
    void timeSpanAndRounding_roundTripWithZoneAndIsoText() throws JsonProcessingException {
        TimeSpan span = TimeSpan.of(Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T02:00:00Z"),
                Fixtures.BERLIN);
        assertEquals("{\"start\":\"2026-03-29T00:30:00Z\",\"end\":\"2026-03-29T02:00:00Z\",\"zone\":\"Europe/Berlin\"}",
                mapper.writeValueAsString(span));
        Property.forAll(TimeGens.timeSpans()).tries(300).verify(s -> roundTrip(s, TimeSpan.class));
        Property.forAll(TimeGens.roundingRules()).tries(200).verify(r -> roundTrip(r, DurationRounding.class));
        roundTrip(DurationRounding.none(), DurationRounding.class);
        assertFalse(mapper.writeValueAsString(DurationRounding.none()).contains("\"none\""));
    }

    @Test
    void tenantWithPolicies_roundTripsZoneTaxAndNumbering() throws JsonProcessingException {
        Tenant rich = Fixtures.richTenant(TenantId.of("t"), "Muster AG");

        assertEquals(rich, roundTrip(rich, Tenant.class));
        assertTrue(mapper.writeValueAsString(rich).contains("\"pattern\":\"{client}-{yyyy}{mm}-{seq:3}\""),
                mapper.writeValueAsString(rich));
    }

    // ---- records ------------------------------------------------------------------------------------

    @Test
    void partiesProjectsRatesEntriesPaymentsEngagements_generated_roundTrip() {
        Gen<CurrencyUnit> cur = MoneyGens.currencies();
        ClientId c = ClientId.of("c");
        Property.forAll(DomainGens.clients()).tries(200).verify(v -> roundTrip(v, dev.billops.core.party.Client.class));
        Property.forAll(DomainGens.tenants(TenantId.of("t"))).tries(100)
                .verify(v -> roundTrip(v, dev.billops.core.party.Tenant.class));
        Property.forAll(DomainGens.timekeepers()).tries(50)
                .verify(v -> roundTrip(v, dev.billops.core.party.Timekeeper.class));
        Property.forAll(DomainGens.activities()).tries(50)
                .verify(v -> roundTrip(v, dev.billops.core.project.Activity.class));
        Property.forAll(cur.flatMap(x -> DomainGens.projects(c, x))).tries(200)
                .verify(v -> roundTrip(v, dev.billops.core.project.Project.class));
        Property.forAll(cur.flatMap(DomainGens::rateRules)).tries(200)
                .verify(v -> roundTrip(v, dev.billops.core.rate.RateRule.class));
        Property.forAll(cur.flatMap(x -> DomainGens.timeEntries(ProjectId.of("p"), TimekeeperId.of("t"), x)))
                .tries(200).verify(v -> roundTrip(v, dev.billops.core.timeentry.TimeEntry.class));
        Property.forAll(cur.flatMap(x -> DomainGens.payments(c, x))).tries(200)
                .verify(v -> roundTrip(v, dev.billops.core.payment.Payment.class));
        Property.forAll(cur.flatMap(x -> DomainGens.engagements(c, x))).tries(200)
                .verify(v -> roundTrip(v, dev.billops.core.engagement.Engagement.class));
        Property.forAll(DomainGens.taxTreatments()).tries(100).verify(v -> roundTrip(v, TaxTreatment.class));
    }

    @Test
    void invoices_generatedAndRich_roundTripWithLinesBreakdownTotals() throws JsonProcessingException {
        Property.forAll(MoneyGens.currencies().flatMap(x -> DomainGens.draftInvoices(ClientId.of("c"), x)))
                .tries(200).verify(v -> roundTrip(v, Invoice.class));
        for (String text : DomainGens.HOSTILE_TEXTS) {
            Invoice rich = Fixtures.richInvoice(InvoiceId.of("rich"), ClientId.of("c"), text);
            roundTrip(rich, Invoice.class);
            roundTrip(rich.lines().get(1), InvoiceLine.class);
        }
        Invoice credit = Fixtures.creditNote(InvoiceId.of("cn"), ClientId.of("c"), InvoiceId.of("i"), "CN-1",
                Fixtures.D0);
        roundTrip(credit, Invoice.class);
    }

    @Test
    void invoice_writesComponentsOnly() throws JsonProcessingException {
        JsonNode node = mapper.readTree(mapper.writeValueAsString(Fixtures.richInvoice(InvoiceId.of("i"),
                ClientId.of("c"), "x")));
        Set<String> fields = new HashSet<>();
        node.fieldNames().forEachRemaining(fields::add);
        Set<String> components = new HashSet<>();
        for (RecordComponent rc : Invoice.class.getRecordComponents()) {
            components.add(rc.getName());
        }
        assertEquals(components, fields);
        assertEquals("{\"amount\":\"10.000\",\"currency\":\"BHD\"}", node.get("paid").toString());
        assertEquals("\"2026-03-02\"", node.get("issueDate").toString());
    }

    @Test
    void metadata_writtenInKeyOrder() throws JsonProcessingException {
        Invoice i = Fixtures.draft(InvoiceId.of("i"), ClientId.of("c"))
                .withMetadata(Map.of("zeta", "1", "alpha", "2", "mid", "3"));
        String json = mapper.writeValueAsString(i);
        assertTrue(json.contains("\"metadata\":{\"alpha\":\"2\",\"mid\":\"3\",\"zeta\":\"1\"}"), json);
    }

    @Test
    void record_breakingItsRules_failsToRead() throws JsonProcessingException {
        String json = mapper.writeValueAsString(Fixtures.sparseClient(ClientId.of("c")));
        String blankName = json.replace("\"name\":\"Client c\"", "\"name\":\" \"");
        assertThrows(JsonMappingException.class, () -> mapper.readValue(blankName, dev.billops.core.party.Client.class));
    }

    @Test
    void auditRecord_writesStatesAsNestedJson() throws JsonProcessingException {
        AuditRecord r = new AuditRecord(Fixtures.T0, Actor.user("alice"), "client.update", "client", "c",
                Fixtures.sparseClient(ClientId.of("c")), null);
        JsonNode node = mapper.readTree(mapper.writeValueAsString(r));
        assertEquals("c", node.get("before").get("id").asText());
        assertTrue(node.get("after").isNull());
        assertEquals("alice", node.get("actor").get("name").asText());
    }

    // ---- events ---------------------------------------------------------------------------------------

    @Test
    void eventTypes_registerEveryCoreEventUnderItsTypeName() throws ReflectiveOperationException {
        Set<Class<?>> events = new HashSet<>();
        for (Class<?> type : CoreClasses.inPackage("dev.billops.core.event")) {
            if (type.isRecord() && BillingEvent.class.isAssignableFrom(type)) {
                events.add(type);
                BillingEvent sample = sample(type);
                assertEquals(type, EventTypes.classOf(sample.type()).orElseThrow(), sample.type());
            }
        }
        assertEquals(events, new HashSet<>(EventTypes.core().values()));
        assertTrue(events.size() >= 11, events.toString());
    }

    @Test
    void everyEvent_roundTripsPolymorphicallyWithTypeProperty() throws Exception {
        List<BillingEvent> all = new ArrayList<>();
        for (Class<? extends BillingEvent> type : EventTypes.core().values()) {
            BillingEvent e = sample(type);
            all.add(e);
            String json = mapper.writeValueAsString(e);
            assertEquals(e.type(), mapper.readTree(json).get("type").asText(), json);
            BillingEvent back = mapper.readValue(json, BillingEvent.class);
            assertInstanceOf(type, back);
            assertEquals(e, back, json);
            assertEquals(e, mapper.readValue(json, type));
        }
        String list = mapper.writerFor(new TypeReference<List<BillingEvent>>() { }).writeValueAsString(all);
        assertEquals(all, mapper.readValue(list, new TypeReference<List<BillingEvent>>() { }));
    }

    @Test
    void event_unknownType_failsToRead() {
        assertThrows(JsonMappingException.class, () -> mapper.readValue(
                "{\"type\":\"invoice.exploded\",\"eventId\":\"e\",\"occurredAt\":\"2026-01-01T00:00:00Z\"}",
                BillingEvent.class));
    }

    record PluginEvent(dev.billops.core.id.EventId eventId, Instant occurredAt, String note) implements BillingEvent {
        @Override
        public String type() {
            return "plugin.noted";
        }
    }

    @Test
    void withEventType_pluginEventReadBack() throws JsonProcessingException {
        ObjectMapper own = new ObjectMapper().registerModule(new BillOpsJacksonModule()
                .withEventType("plugin.noted", PluginEvent.class));
        PluginEvent e = new PluginEvent(dev.billops.core.id.EventId.of("e-1"), Fixtures.T0, "hi 😀");
        String json = own.writeValueAsString(e);
        assertEquals(e, own.readValue(json, BillingEvent.class));
        assertThrows(IllegalArgumentException.class,
                () -> new BillOpsJacksonModule().withEventType("invoice.issued", PluginEvent.class));
    }

    @Test
    void module_onPlainMapperWithNumericTimestamps_stillRoundTrips() throws JsonProcessingException {
        ObjectMapper plain = new ObjectMapper().registerModule(new BillOpsJacksonModule());
        Invoice rich = Fixtures.richInvoice(InvoiceId.of("i"), ClientId.of("c"), "x");
        assertEquals(rich, plain.readValue(plain.writeValueAsString(rich), Invoice.class));
        var eng = Fixtures.richEngagement(EngagementId.of("e"), ClientId.of("c"), "x");
        assertEquals(eng, plain.readValue(plain.writeValueAsString(eng), dev.billops.core.engagement.Engagement.class));
    }

    @Test
    void everyPublicCoreRecord_hasSerializerAndDeserializer() {
        List<String> missing = new ArrayList<>();
        for (String pkg : List.of("audit", "engagement", "event", "id", "invoice", "money", "party", "payment",
                "project", "rate", "tax", "time", "timeentry")) {
            for (Class<?> type : CoreClasses.inPackage("dev.billops.core." + pkg)) {
                if (type.isRecord() && java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
                    if (!mapper.canSerialize(type) || !mapper.canDeserialize(mapper.constructType(type))) {
                        missing.add(type.getName());
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** An instance of an event record with a plausible value for each component. */
    static BillingEvent sample(Class<?> type) throws ReflectiveOperationException {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = sampleValue(types[i], components[i].getName());
        }
        Constructor<?> c = type.getDeclaredConstructor(types);
        return (BillingEvent) c.newInstance(args);
    }

    private static Object sampleValue(Class<?> t, String name) throws ReflectiveOperationException {
        if (t == Instant.class) {
            return Instant.parse("2026-03-02T08:15:30.123456Z");
        } else if (t == LocalDate.class) {
            return LocalDate.of(2026, 4, 1);
        } else if (t == String.class) {
            return name + " 'quoted' 😀";
        } else if (t == Money.class) {
            return Money.of("BHD", "12.345");
        } else if (t == int.class || t == Integer.class) {
            return 7;
        } else if (t == long.class || t == Long.class) {
            return 7L;
        } else if (t == BigDecimal.class) {
            return new BigDecimal("1.50");
        } else if (t.isRecord() && t.getPackageName().equals("dev.billops.core.id")) {
            return t.getMethod("of", String.class).invoke(null, name + "-1");
        } else if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        throw new IllegalStateException("no sample for " + t + " (" + name + "); extend sampleValue");
    }
}
