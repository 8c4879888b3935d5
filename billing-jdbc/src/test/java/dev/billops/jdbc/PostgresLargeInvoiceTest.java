package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.DraftOptions;
import dev.billops.core.invoice.GroupingPolicy;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A 100,000-line invoice drafted from 100,000 time entries (one line per entry) and issued through
 * the public API on PostgreSQL: every entry ends up billed exactly once, on that invoice, and the
 * totals are the sum of the lines. Its lines, line entries and billed-entry claims are written in
 * JDBC batches; the benchmarks module times it.
 */
class PostgresLargeInvoiceTest {

    static final int LINES = 100_000;
    static final int TIMEKEEPERS = 100;

    @Test
    void issue_100000LineInvoiceFromTimeEntries_billsEveryEntryOnceAndTotalsTheLines() throws Exception {
        try (PostgresTestDatabase db = PostgresTestDatabase.open("large")) {
            JdbcBillingStore store = JdbcStores.postgres(db.dataSource());
            TenantId tenant = TenantId.generate();
            Seeds.tenantWithClient(store, tenant);
            store.inTransaction(tenant, s -> {
                s.get(ProjectStore.class).insert(Project.of(Seeds.PROJECT, Seeds.CLIENT, "Web"));
                s.get(RateRuleStore.class).insert(new RateRule(RateRuleId.of("hourly"), RateScope.client(Seeds.CLIENT),
                        UnitPrice.of(Seeds.EUR, "100.00"), RateUnit.HOUR, LocalDate.of(2026, 1, 1), null));
                for (int k = 0; k < TIMEKEEPERS; k++) {
                    s.get(TimekeeperStore.class).insert(Timekeeper.of(TimekeeperId.of("tk" + k), "Timekeeper " + k));
                }
                return null;
            });
            // 15 minutes each; 100 timekeepers work side by side, so the entries fill 11 days of March
            Instant t0 = Instant.parse("2026-03-02T08:00:00Z");
            for (int from = 0; from < LINES; from += 10_000) {
                List<TimeEntry> chunk = new ArrayList<>(10_000);
                for (int i = from; i < from + 10_000; i++) {
                    Instant start = t0.plusSeconds(900L * (i / TIMEKEEPERS));
                    chunk.add(new TimeEntry(TimeEntryId.of(String.format("e%06d", i)), Seeds.PROJECT,
                            TimekeeperId.of("tk" + i % TIMEKEEPERS), null,
                            TimeSpan.of(start, start.plusSeconds(900), ZoneOffset.UTC), "task " + i, true, null, null,
                            EntryState.OPEN, null, null, 0));
                }
                store.inTransaction(tenant, s -> {
                    s.get(TimeEntryStore.class).insertAll(chunk);
                    return null;
                });
            }
            TenantBilling billing = Billing.builder().stores(store)
                    .clock(Clock.fixed(Instant.parse("2026-04-01T09:00:00Z"), ZoneOffset.UTC)).build()
                    .tenant(tenant, Actor.user("alice"));

            Invoice draft = billing.invoices().draft(Seeds.CLIENT, LocalDateRange.ofMonth(java.time.YearMonth.of(2026, 3)),
                    DraftOptions.defaults().withGrouping(GroupingPolicy.perEntry())).orElseThrow();
            Invoice issued = billing.invoices().issue(draft.id());

            assertEquals(LINES, issued.lines().size());
            // 100,000 × 0.25 h × EUR 100.00, 19 % VAT
            assertEquals(Money.of(Seeds.EUR, "2500000.00"), issued.totals().lineNetTotal());
            assertEquals(Money.of(Seeds.EUR, "475000.00"), issued.totals().taxTotal());
            assertEquals(Money.of(Seeds.EUR, "2975000.00"), issued.totals().payable());
            Invoice reread = billing.invoices().get(issued.id());
            assertEquals(issued.totals(), reread.totals());
            assertEquals(LINES, reread.lines().size());
            Set<TimeEntryId> onLines = new HashSet<>();
            for (var line : reread.lines()) {
                assertEquals(1, line.entryIds().size(), "one entry per line");
                onLines.addAll(line.entryIds());
            }
            assertEquals(LINES, onLines.size(), "no entry on two lines");
            try (Connection c = db.connect()) {
                assertEquals(List.of((long) LINES, (long) LINES), counts(c, "SELECT COUNT(*), COUNT(DISTINCT entry_id) "
                        + "FROM billops_billed_entry WHERE tenant_id = ? AND invoice_id = ?", tenant, issued.id()));
                assertEquals(List.of(0L), counts(c, "SELECT COUNT(*) FROM billops_billed_entry WHERE tenant_id = ? "
                        + "AND invoice_id <> ?", tenant, issued.id()));
                assertEquals(List.of((long) LINES, (long) LINES), counts(c, "SELECT COUNT(*), COUNT(*) FILTER "
                        + "(WHERE state = 'BILLED' AND invoice_id = ?) FROM billops_time_entry WHERE tenant_id = ?",
                        issued.id(), tenant));
                BigDecimal stored = sum(c, tenant, issued.id());
                assertEquals(0, new BigDecimal("2500000.00").compareTo(stored), "sum of stored line nets " + stored);
            }
        }
    }

    private static List<Long> counts(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                ps.setString(i + 1, p instanceof TenantId t ? t.value() : ((InvoiceId) p).value());
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                List<Long> out = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.add(rs.getLong(i));
                }
                return out;
            }
        }
    }

    /** The sum of the stored line nets. */
    private static BigDecimal sum(Connection c, TenantId tenant, InvoiceId invoice) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(net_amount) FROM billops_invoice_line "
                + "WHERE tenant_id = ? AND invoice_id = ?")) {
            ps.setString(1, tenant.value());
            ps.setString(2, invoice.value());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
