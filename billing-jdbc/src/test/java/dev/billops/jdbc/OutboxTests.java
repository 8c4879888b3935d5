package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.spi.EventOutbox;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.event.TimeEntriesBilled;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The outbox dispatcher's side: order, acknowledgement, leases, several dispatchers at once. */
abstract class OutboxTests {

    abstract JdbcBillingStore store();

    /** Appends {@code n} events for a fresh tenant in one transaction each; returns the tenant. */
    private TenantId append(int n) {
        TenantId tenant = TenantId.generate();
        for (int i = 0; i < n; i++) {
            int k = i;
            store().inTransaction(tenant, s -> {
                s.get(EventOutbox.class).append(new TimeEntriesBilled(EventId.of(tenant.value() + "-" + k),
                        Instant.parse("2026-03-01T10:00:00Z").plusSeconds(k), InvoiceId.of("inv-" + k), k));
                return null;
            });
        }
        return tenant;
    }

    /** Claims until nothing is left, acknowledging each batch; returns the event ids of {@code tenant} seen. */
    private List<String> drain(JdbcOutbox outbox, TenantId tenant) {
        List<String> seen = new ArrayList<>();
        while (true) {
            List<OutboxMessage> batch = outbox.claim(7);
            if (batch.isEmpty()) {
                return seen;
            }
            for (OutboxMessage m : batch) {
                if (m.tenant().equals(tenant)) {
                    seen.add(m.eventId().value());
                }
            }
            outbox.markDelivered(batch.stream().map(OutboxMessage::id).toList());
        }
    }

    @Test
    void claim_returnsEventsInWriteOrderDecoded_andDeliveredOnesNeverAgain() {
        drain(store().outbox(), TenantId.generate());
        TenantId tenant = append(20);
        JdbcOutbox outbox = store().outbox();
        List<OutboxMessage> first = outbox.claim(5);
        assertEquals(5, first.size());
        for (int i = 0; i < 5; i++) {
            OutboxMessage m = first.get(i);
            assertEquals(tenant.value() + "-" + i, m.eventId().value());
            assertEquals("time_entries.billed", m.type());
            assertEquals(new TimeEntriesBilled(m.eventId(), Instant.parse("2026-03-01T10:00:00Z").plusSeconds(i),
                    InvoiceId.of("inv-" + i), i), m.event());
            assertEquals(1, m.attempts());
        }
        outbox.markDelivered(first.stream().map(OutboxMessage::id).toList());
        List<String> rest = drain(outbox, tenant);
        assertEquals(15, rest.size());
        assertEquals(tenant.value() + "-5", rest.get(0));
        assertEquals(List.of(), outbox.claim(10));
        assertEquals(0, outbox.pendingCount());
    }

    @Test
    void claim_leaseExpired_claimedAgain_atLeastOnce() {
        drain(store().outbox(), TenantId.generate());
        append(1);
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        JdbcOutbox dying = store().outbox(Clock.fixed(now, ZoneOffset.UTC));
        assertEquals(1, dying.claim(10, Duration.ofMinutes(5)).size());
        JdbcOutbox other = store().outbox(Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC));
        assertEquals(List.of(), other.claim(10), "leased to the first dispatcher");
        JdbcOutbox later = store().outbox(Clock.fixed(now.plusSeconds(301), ZoneOffset.UTC));
        List<OutboxMessage> again = later.claim(10);
        assertEquals(1, again.size(), "the lease ran out: someone else delivers it");
        assertEquals(2, again.get(0).attempts());
        later.markDelivered(List.of(again.get(0).id()));
    }

    @Test
    void dispatchers_fourAtOnce_shareTheWorkAndDeliverEachEventOnce() throws Exception {
        drain(store().outbox(), TenantId.generate());
        TenantId tenant = append(200);
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        AtomicBoolean duplicate = new AtomicBoolean();
        List<Integer> counts = ConcurrencyTests.race(4, i -> {
            OutboxDispatcher d = new OutboxDispatcher(store().outbox(), m -> {
                if (m.tenant().equals(tenant) && !delivered.add(m.eventId().value())) {
                    duplicate.set(true);
                }
            });
            int total = 0;
            int n;
            while ((n = d.dispatchOnce(10)) > 0) {
                total += n;
            }
            return total;
        });
        assertEquals(200, delivered.size());
        assertTrue(!duplicate.get(), "no event delivered twice while its lease ran");
        assertEquals(200, counts.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void dispatcher_handlerFails_eventReleasedWithErrorAndRetried() {
        drain(store().outbox(), TenantId.generate());
        TenantId tenant = TenantId.generate();
        store().inTransaction(tenant, s -> {
            s.get(EventOutbox.class).append(new InvoiceIssued(EventId.generate(), Instant.parse("2026-03-01T10:00:00Z"),
                    InvoiceId.of("inv-1"), "INV-1", Seeds.CLIENT, Money.of(Seeds.EUR, "119.00"), LocalDate.of(2026, 3, 31)));
            return null;
        });
        OutboxDispatcher failing = new OutboxDispatcher(store().outbox(), m -> {
            throw new IllegalStateException("webhook down");
        }, Duration.ZERO);
        assertEquals(0, failing.dispatchOnce(10));
        assertEquals(1, store().outbox().pendingCount());
        Set<Object> got = new HashSet<>();
        assertEquals(1, new OutboxDispatcher(store().outbox(), m -> got.add(m.event())).dispatchOnce(10));
        InvoiceIssued event = (InvoiceIssued) got.iterator().next();
        assertNotNull(event);
        assertEquals(Money.of(Seeds.EUR, "119.00"), event.total());
        assertEquals(0, store().outbox().pendingCount());
    }
}
