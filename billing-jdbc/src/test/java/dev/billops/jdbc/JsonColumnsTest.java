package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.spi.EventOutbox;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.jackson.BillOpsJson;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The audit log's before/after states and the outbox payloads are written with the public JSON
 * mapping of billing-jackson: typed ids as plain strings, money as {"amount":"12.50","currency":"EUR"},
 * dates as ISO text; what a host's API writes for the same value.
 */
class JsonColumnsTest {

    private static final String DB = "json-columns-" + System.nanoTime();
    private static final JdbcBillingStore STORE = JdbcStores.h2InMemory(DB);
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void close() {
        STORE.close();
    }

    @Test
    void auditState_ofACreatedClient_isThePublicJsonOfTheClient() throws Exception {
        TenantId tenant = TenantId.of("json-audit");
        Seeds.tenantWithClient(STORE, tenant);
        TenantBilling acme = Billing.builder().stores(STORE).build().tenant(tenant, Actor.user("alice"));
        Client client = acme.clients().create(Client.of(ClientId.of("initech"), "Initech", Seeds.ADDRESS, Seeds.EUR));

        String after = oneString("SELECT after_state FROM billops_audit_log WHERE tenant_id = ? AND entity_id = ?",
                tenant.value(), "initech");
        JsonNode node = JSON.readTree(after);
        assertEquals("\"initech\"", node.get("id").toString(), after);
        assertEquals("\"EUR\"", node.get("currency").toString(), after);
        assertEquals(JSON.readTree(BillOpsJson.mapper().writeValueAsString(client.redacted())), node, after);
    }

    @Test
    void outboxPayload_ofAnIssuedEvent_isThePublicJsonOfTheEvent() throws Exception {
        TenantId tenant = TenantId.of("json-outbox");
        InvoiceIssued event = new InvoiceIssued(EventId.of("ev-json-1"), Instant.parse("2026-03-02T08:15:30.5Z"),
                InvoiceId.of("inv-7"), "INV-2026-00007", ClientId.of("globex"), Money.of("EUR", "12.50"),
                LocalDate.of(2026, 4, 1));
        STORE.inTransaction(tenant, s -> {
            s.get(EventOutbox.class).append(event);
            return null;
        });

        String payload = oneString("SELECT payload FROM billops_outbox WHERE tenant_id = ? AND event_id = ?",
                tenant.value(), "ev-json-1");
        JsonNode node = JSON.readTree(payload);
        assertEquals("\"inv-7\"", node.get("invoiceId").toString(), payload);
        assertEquals("\"globex\"", node.get("clientId").toString(), payload);
        assertEquals("{\"amount\":\"12.50\",\"currency\":\"EUR\"}", node.get("total").toString(), payload);
        assertEquals("\"2026-04-01\"", node.get("dueDate").toString(), payload);
        assertFalse(payload.contains("\"value\""), payload);
        assertEquals(JSON.readTree(BillOpsJson.mapper().writeValueAsString(event)), node, payload);
        assertEquals(event, STORE.outbox().claim(100).stream()
                .filter(m -> m.eventId().equals(event.eventId())).findFirst().orElseThrow().event());
    }

    private static String oneString(String sql, String... params) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + DB, "sa", "");
                PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String value = rs.getString(1);
                assertFalse(rs.next(), sql);
                return value;
            }
        }
    }
}
