package dev.billops.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billops.core.Billing;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Internals;
import dev.billops.examples.spring.Http.Answer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The reference host started on a random port and called over real HTTP; run against H2 and
 * PostgreSQL by the subclasses.
 */
abstract class ReferenceHostTests {

    static final String ADMIN = Http.token("root@acme.test", Roles.ADMIN);
    static final String ACCOUNTANT = Http.token("alice@acme.test", Roles.ACCOUNTANT);
    static final String VIEWER = Http.token("victor@acme.test", Roles.VIEWER);
    static final YearMonth LAST_MONTH = YearMonth.now().minusMonths(1);

    @LocalServerPort
    int port;

    @Autowired
    Billing billing;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        Answer profile = http.call("PUT", "/api/tenant", ADMIN, Map.of("name", "Acme Consulting GmbH",
                "address", address(), "vatId", "DE123456789", "email", "billing@acme.test",
                "iban", "DE89370400440532013000", "bic", "COBADEFFXXX", "defaultVatRate", new BigDecimal("19")));
        assertThat(profile.status()).as(profile.toString()).isEqualTo(200);
    }

    @Test
    void fullFlow_asAccountant_clientTimeDraftIssuePdfPaymentAging() throws Exception {
        String client = created(http.post("/api/clients", ACCOUNTANT, Map.of("name", "Globex " + unique(),
                "address", address(), "currency", "EUR", "paymentTermsDays", 30))).path("id").asString();
        String project = created(http.post("/api/projects", ACCOUNTANT, Map.of("clientId", client,
                "name", "Website"))).path("id").asString();
        String keeper = created(http.post("/api/timekeepers", ACCOUNTANT, Map.of("name", "Alice"))).path("id")
                .asString();
        created(http.post("/api/rate-rules", ACCOUNTANT, Map.of("projectId", project, "currency", "EUR",
                "amount", "120.00", "unit", "HOUR", "from", "2026-01-01")));
        LocalDate day = LAST_MONTH.atDay(3);
        JsonNode single = created(http.post("/api/time-entries", ACCOUNTANT, entry(project, keeper, day, 9, 12)));
        assertThat(single.path("entries").size()).isEqualTo(1);
        JsonNode bulk = created(http.post("/api/time-entries/bulk", ACCOUNTANT, Map.of("entries", List.of(
                entry(project, keeper, day.plusDays(1), 9, 11), entry(project, keeper, day.plusDays(2), 14, 16)))));
        assertThat(bulk.path("entries").size()).isEqualTo(2);

        String month = "from=" + LAST_MONTH.atDay(1) + "&to=" + LAST_MONTH.plusMonths(1).atDay(1);
        JsonNode entries = ok(http.get("/api/time-entries?" + month + "&clientId=" + client, ACCOUNTANT));
        assertThat(entries.size()).isEqualTo(3);
        JsonNode summary = ok(http.get("/api/time-entries/summary?" + month + "&clientId=" + client
                + "&granularity=MONTH&groupBy=PROJECT", ACCOUNTANT));
        assertThat(summary.toString()).contains(project);

        JsonNode draft = created(http.post("/api/invoices/drafts", ACCOUNTANT, Map.of("clientId", client,
                "from", LAST_MONTH.atDay(1).toString(), "to", LAST_MONTH.plusMonths(1).atDay(1).toString())));
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        String invoice = draft.path("id").asString();
        // 7 h x 120.00 = 840.00 + 19 % VAT = 999.60
        assertThat(draft.path("totals").toString()).contains("999.60");

        JsonNode issued = ok(http.post("/api/invoices/" + invoice + "/issue", ACCOUNTANT, null));
        assertThat(issued.path("status").asString()).isEqualTo("ISSUED");
        String number = issued.path("number").asString();
        assertThat(number).isNotBlank();

        Answer pdf = http.get("/api/invoices/" + invoice + "/pdf", ACCOUNTANT);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains(number).contains("999.60");
        }

        Answer paid = http.post("/api/payments", ACCOUNTANT, Map.of("clientId", client, "currency", "EUR",
                "amount", "500.00"), PaymentController.IDEMPOTENCY_KEY, "bank-" + unique());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.json().path("allocations").toString()).contains(invoice).contains("500.00");
        JsonNode afterPayment = ok(http.get("/api/invoices/" + invoice, ACCOUNTANT));
        assertThat(afterPayment.path("status").asString()).isEqualTo("PARTIALLY_PAID");

        LocalDate due = LocalDate.parse(issued.path("dueDate").asString());
        JsonNode aging = ok(http.get("/api/receivables/aging?asOf=" + due.plusDays(10) + "&clientId=" + client,
                ACCOUNTANT));
        assertThat(aging.toString()).contains("499.60");
        JsonNode balances = ok(http.get("/api/receivables/balances?asOf=" + due.plusDays(10) + "&clientId=" + client,
                VIEWER));
        assertThat(balances.size()).isEqualTo(1);

        // every change is attributed to the token's user
        List<AuditRecord> audit = Internals.store(billing).inTransaction(TenantId.of("acme"),
                s -> s.get(AuditLog.class).history("invoice", invoice));
        assertThat(audit).isNotEmpty();
        assertThat(audit).allSatisfy(r -> assertThat(r.actor().name()).isEqualTo("alice@acme.test"));
        assertThat(audit.stream().map(AuditRecord::action)).contains("invoice.issue");
    }

    @Test
    void voidAndCredit_asAccountant_changeTheInvoices() {
        Fixture a = issuedInvoice(4);
        JsonNode voided = ok(http.post("/api/invoices/" + a.invoice() + "/void", ACCOUNTANT, null));
        assertThat(voided.path("status").asString()).isEqualTo("VOID");

        Fixture b = issuedInvoice(2);
        JsonNode note = created(http.post("/api/invoices/" + b.invoice() + "/credit-notes", ACCOUNTANT,
                Map.of("amount", "20.00", "reason", "goodwill")));
        assertThat(note.path("type").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(note.path("totals").toString()).contains("20.00");
        Answer again = http.post("/api/invoices/" + a.invoice() + "/void", ACCOUNTANT, null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    void endpoints_rolesThatMayNotUseThem_areRefused() {
        String id = UUID.randomUUID().toString();
        record Endpoint(String method, String path, Set<String> allowed) {
        }
        Set<String> staff = Set.of(Roles.ADMIN, Roles.ACCOUNTANT);
        Set<String> readers = Set.of(Roles.ADMIN, Roles.ACCOUNTANT, Roles.VIEWER);
        Set<String> everyone = Set.of(Roles.ADMIN, Roles.ACCOUNTANT, Roles.VIEWER, Roles.CLIENT);
        Set<String> admin = Set.of(Roles.ADMIN);
        List<Endpoint> table = List.of(
                new Endpoint("GET", "/api/tenant", readers),
                new Endpoint("PUT", "/api/tenant", admin),
                new Endpoint("GET", "/api/clients", readers),
                new Endpoint("POST", "/api/clients", staff),
                new Endpoint("GET", "/api/clients/" + id, readers),
                new Endpoint("GET", "/api/projects", readers),
                new Endpoint("POST", "/api/projects", staff),
                new Endpoint("GET", "/api/projects/" + id, readers),
                new Endpoint("GET", "/api/timekeepers", readers),
                new Endpoint("POST", "/api/timekeepers", staff),
                new Endpoint("GET", "/api/rate-rules", readers),
                new Endpoint("POST", "/api/rate-rules", staff),
                new Endpoint("GET", "/api/time-entries?from=2026-01-01&to=2026-02-01", readers),
                new Endpoint("POST", "/api/time-entries", staff),
                new Endpoint("POST", "/api/time-entries/bulk", staff),
                new Endpoint("DELETE", "/api/time-entries/" + id, staff),
                new Endpoint("GET", "/api/time-entries/summary?from=2026-01-01&to=2026-02-01", readers),
                new Endpoint("GET", "/api/invoices", everyone),
                new Endpoint("POST", "/api/invoices/drafts", staff),
                new Endpoint("GET", "/api/invoices/" + id, everyone),
                new Endpoint("POST", "/api/invoices/" + id + "/issue", staff),
                new Endpoint("POST", "/api/invoices/" + id + "/void", staff),
                new Endpoint("POST", "/api/invoices/" + id + "/credit-notes", staff),
                new Endpoint("GET", "/api/invoices/" + id + "/pdf", everyone),
                new Endpoint("GET", "/api/payments", everyone),
                new Endpoint("POST", "/api/payments", staff),
                new Endpoint("GET", "/api/payments/" + id, everyone),
                new Endpoint("POST", "/api/payments/" + id + "/refunds", staff),
                new Endpoint("GET", "/api/receivables/aging", readers),
                new Endpoint("GET", "/api/receivables/balances", readers),
                new Endpoint("POST", "/api/package-runs/dry-run", staff),
                new Endpoint("POST", "/api/package-runs", admin),
                new Endpoint("GET", "/api/plugins/health", readers),
                new Endpoint("GET", "/actuator/configprops", admin));
        assertThat(table.stream().filter(e -> e.path().startsWith("/api")).map(e -> e.method() + " "
                + e.path().replace(id, "{id}").replaceFirst("\\?.*", ""))
                .collect(java.util.stream.Collectors.toSet())).as("the table covers every endpoint")
                .containsExactlyInAnyOrderElementsOf(apiEndpoints());

        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(Roles.ADMIN, ADMIN);
        tokens.put(Roles.ACCOUNTANT, ACCOUNTANT);
        tokens.put(Roles.VIEWER, VIEWER);
        tokens.put(Roles.CLIENT, Http.clientToken("carol@globex.test", UUID.randomUUID().toString()));
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : table) {
            String body = e.method().equals("GET") || e.method().equals("DELETE") ? null : "{}";
            Answer anonymous = http.call(e.method(), e.path(), null, body);
            if (anonymous.status() != 401) {
                wrong.add(e.method() + " " + e.path() + " without token: " + anonymous.status());
            }
            for (Map.Entry<String, String> role : tokens.entrySet()) {
                Answer a = http.call(e.method(), e.path(), role.getValue(), body);
                boolean refused = a.status() == 403;
                if (refused == e.allowed().contains(role.getKey()) || a.status() == 401 || a.status() >= 500) {
                    wrong.add(e.method() + " " + e.path() + " as " + role.getKey() + ": " + a);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void clientToken_seesOnlyItsOwnClientsDocuments() {
        Fixture mine = issuedInvoice(2);
        Fixture theirs = issuedInvoice(3);
        String myPayment = created(http.post("/api/payments", ACCOUNTANT, Map.of("clientId", mine.client(),
                "currency", "EUR", "amount", "10.00"))).path("id").asString();
        String theirPayment = created(http.post("/api/payments", ACCOUNTANT, Map.of("clientId", theirs.client(),
                "currency", "EUR", "amount", "10.00"))).path("id").asString();
        String carol = Http.clientToken("carol@globex.test", mine.client());

        JsonNode list = ok(http.get("/api/invoices", carol));
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("id").asString()).isEqualTo(mine.invoice());
        assertThat(ok(http.get("/api/invoices?clientId=" + theirs.client(), carol)).size()).isZero();
        assertThat(ok(http.get("/api/invoices/" + mine.invoice(), carol)).path("clientId").asString())
                .isEqualTo(mine.client());
        assertThat(http.get("/api/invoices/" + mine.invoice() + "/pdf", carol).status()).isEqualTo(200);

        Answer other = http.get("/api/invoices/" + theirs.invoice(), carol);
        assertThat(other.status()).as(other.toString()).isEqualTo(404);
        assertThat(other.json().path("exception").asString()).isEqualTo("NotFoundException");
        assertThat(http.get("/api/invoices/" + theirs.invoice() + "/pdf", carol).status()).isEqualTo(404);
        assertThat(http.get("/api/payments/" + theirPayment, carol).status()).isEqualTo(404);
        assertThat(ok(http.get("/api/payments/" + myPayment, carol)).path("id").asString()).isEqualTo(myPayment);
        JsonNode payments = ok(http.get("/api/payments", carol));
        assertThat(payments.size()).isEqualTo(1);
        assertThat(http.get("/api/clients", carol).status()).isEqualTo(403);
    }

    @Test
    void payment_retriedWithTheSameIdempotencyKey_returnsTheFirstPayment() {
        Fixture f = issuedInvoice(1);
        String key = "bank-" + unique();
        Map<String, Object> body = Map.of("clientId", f.client(), "currency", "EUR", "amount", "50.00");
        Answer first = http.post("/api/payments", ACCOUNTANT, body, PaymentController.IDEMPOTENCY_KEY, key);
        Answer retry = http.post("/api/payments", ACCOUNTANT, body, PaymentController.IDEMPOTENCY_KEY, key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        JsonNode history = ok(http.get("/api/payments?clientId=" + f.client(), ACCOUNTANT));
        assertThat(history.size()).isEqualTo(1);
        assertThat(ok(http.get("/api/invoices/" + f.invoice(), ACCOUNTANT)).path("paid").toString()).contains("50.00");

        Answer otherAmount = http.post("/api/payments", ACCOUNTANT, Map.of("clientId", f.client(), "currency", "EUR",
                "amount", "60.00"), PaymentController.IDEMPOTENCY_KEY, key);
        assertThat(otherAmount.status()).as(otherAmount.toString()).isEqualTo(409);
        assertThat(ok(http.get("/api/payments?clientId=" + f.client(), ACCOUNTANT)).size()).isEqualTo(1);
    }

    @Test
    void badInput_answersProblemDetailsNever500_andStoresNothing() {
        int clients = ok(http.get("/api/clients", ACCOUNTANT)).size();
        Map<String, Integer> expected = new LinkedHashMap<>();
        List<Answer> answers = new ArrayList<>();
        answers.add(expect(expected, 400, http.post("/api/clients", ACCOUNTANT, Map.of("name", "Bad",
                "address", address(), "currency", "XYZ"))));
        answers.add(expect(expected, 400, http.post("/api/clients", ACCOUNTANT, Map.of("address", address(),
                "currency", "EUR"))));
        answers.add(expect(expected, 400, http.post("/api/clients", ACCOUNTANT, "{\"name\": ")));
        answers.add(expect(expected, 400, http.post("/api/clients", ACCOUNTANT, Map.of("name", "Bad\u0000",
                "address", address(), "currency", "EUR"))));
        assertThat(ok(http.get("/api/clients", ACCOUNTANT)).size()).as("nothing stored").isEqualTo(clients);

        Fixture f = issuedInvoice(1);
        answers.add(expect(expected, 400, http.post("/api/payments", ACCOUNTANT, Map.of("clientId", f.client(),
                "currency", "EUR", "amount", "1e999999999"))));
        answers.add(expect(expected, 404, http.get("/api/clients/" + UUID.randomUUID(), ACCOUNTANT)));
        answers.add(expect(expected, 409, http.post("/api/invoices/" + f.invoice() + "/issue", ACCOUNTANT, null)));
        answers.add(expect(expected, 422, http.post("/api/invoices/drafts", ACCOUNTANT, Map.of("clientId", f.client(),
                "from", "2020-01-01", "to", "2020-02-01"))));
        answers.add(expect(expected, 400, http.get("/api/time-entries?from=yesterday&to=2026-01-01", ACCOUNTANT)));
        answers.add(expect(expected, 400, http.get("/api/time-entries?from=2026-02-01&to=2026-01-01", ACCOUNTANT)));
        answers.add(expect(expected, 422, http.post("/api/invoices/" + f.invoice() + "/credit-notes", ACCOUNTANT,
                Map.of("amount", "100000.00", "reason", "too much"))));
        answers.add(expect(expected, 400, http.post("/api/payments", ACCOUNTANT, Map.of("clientId", f.client(),
                "currency", "EUR", "amount", "ten"))));
        assertThat(ok(http.get("/api/payments?clientId=" + f.client(), ACCOUNTANT)).size()).as("nothing paid")
                .isZero();
        for (Answer a : answers) {
            assertThat(a.raw().headers().firstValue("Content-Type").orElse(""))
                    .as(a.toString()).startsWith("application/problem+json");
            assertThat(a.json().path("status").asInt()).isEqualTo(a.status());
        }
    }

    @Test
    void openApiDocument_parsesAndListsEveryEndpoint() throws Exception {
        Answer doc = http.get("/v3/api-docs", null);
        assertThat(doc.status()).as(doc.toString()).isEqualTo(200);
        JsonNode api = doc.json();
        assertThat(api.path("openapi").asString()).startsWith("3.");
        assertThat(api.path("info").path("title").asString()).isNotBlank();
        assertThat(api.path("components").path("securitySchemes").has("bearer")).isTrue();

        Set<String> documented = new HashSet<>();
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                assertThat(op.getValue().path("responses").size()).as(path.getKey()).isPositive();
                assertThat(operationIds.add(op.getValue().path("operationId").asString()))
                        .as("operationId unique: " + op.getValue().path("operationId")).isTrue();
            }
        }
        assertThat(documented).containsAll(apiEndpoints());
        // every reference resolves to a component
        Set<String> schemas = new HashSet<>();
        api.path("components").path("schemas").propertyNames().forEach(schemas::add);
        List<String> refs = new ArrayList<>();
        collectRefs(api, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(schemas).contains(ref.substring("#/components/schemas/".length()));
        }
        // and swagger's own model reads it
        io.swagger.v3.oas.models.OpenAPI parsed = io.swagger.v3.core.util.Json.mapper().convertValue(
                io.swagger.v3.core.util.Json.mapper().readTree(doc.body()), io.swagger.v3.oas.models.OpenAPI.class);
        assertThat(parsed.getPaths()).hasSize(api.path("paths").size());
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asString());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            for (Iterator<JsonNode> it = node.iterator(); it.hasNext();) {
                collectRefs(it.next(), refs);
            }
        }
    }

    /** Every {@code /api} endpoint the host maps, as "METHOD /path/{var}". */
    Set<String> apiEndpoints() {
        Set<String> out = new HashSet<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getHandlerMethods().entrySet()) {
            for (String pattern : m.getKey().getPatternValues()) {
                if (!pattern.startsWith("/api")) {
                    continue;
                }
                m.getKey().getMethodsCondition().getMethods().forEach(method -> out.add(method.name() + " " + pattern));
            }
        }
        return out;
    }

    private static Answer expect(Map<String, Integer> expected, int status, Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(status);
        expected.put(a.toString(), status);
        return a;
    }

    /** A client with an issued invoice of {@code hours} hours of time last month. */
    record Fixture(String client, String invoice) {
    }

    Fixture issuedInvoice(int hours) {
        String client = created(http.post("/api/clients", ACCOUNTANT, Map.of("name", "Client " + unique(),
                "address", address(), "currency", "EUR"))).path("id").asString();
        String project = created(http.post("/api/projects", ACCOUNTANT, Map.of("clientId", client,
                "name", "Work"))).path("id").asString();
        String keeper = created(http.post("/api/timekeepers", ACCOUNTANT, Map.of("name", "Bob"))).path("id")
                .asString();
        created(http.post("/api/rate-rules", ACCOUNTANT, Map.of("projectId", project, "currency", "EUR",
                "amount", "100.00", "unit", "HOUR", "from", "2026-01-01")));
        created(http.post("/api/time-entries", ACCOUNTANT, entry(project, keeper, LAST_MONTH.atDay(10), 8, 8 + hours)));
        String invoice = created(http.post("/api/invoices/drafts", ACCOUNTANT, Map.of("clientId", client,
                "from", LAST_MONTH.atDay(1).toString(), "to", LAST_MONTH.plusMonths(1).atDay(1).toString())))
                .path("id").asString();
        ok(http.post("/api/invoices/" + invoice + "/issue", ACCOUNTANT, null));
        return new Fixture(client, invoice);
    }

    static Map<String, Object> entry(String project, String keeper, LocalDate day, int fromHour, int toHour) {
        return Map.of("projectId", project, "timekeeperId", keeper,
                "start", day.atTime(fromHour, 0).toString(), "end", day.atTime(toHour, 0).toString(),
                "zone", "Europe/Berlin", "description", "Work on " + day);
    }

    static Map<String, String> address() {
        return Map.of("street", "Hauptstr. 1", "postalCode", "10115", "city", "Berlin", "country", "DE");
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static JsonNode created(Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        return a.json();
    }

    static JsonNode ok(Answer a) {
        assertThat(a.status()).as(a.toString()).isEqualTo(200);
        return a.json();
    }
}
