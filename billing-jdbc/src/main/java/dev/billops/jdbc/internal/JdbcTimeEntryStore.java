package dev.billops.jdbc.internal;

import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.spi.TimeEntryStore;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.timeentry.TimeEntryQuery;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;
import org.jspecify.annotations.Nullable;

/**
 * Time entries. Billing is guarded twice: {@link #markBilled} locks the rows and checks them in
 * Java, then updates only rows still OPEN and checks the count; and the table's check
 * constraint ties the BILLED state to an invoice id.
 */
final class JdbcTimeEntryStore extends JdbcPort implements TimeEntryStore {

    private static final String KIND = "time entry";
    private static final String UID_KIND = "time entry external uid";
    /** Most ids bound into one IN list. */
    static final int IN_CHUNK = 500;

    private static final String INSERT = "INSERT INTO billops_time_entry (tenant_id, id, project_id, timekeeper_id, "
            + "activity_id, start_at, start_nanos, end_at, end_nanos, zone_id, start_date, description, billable, "
            + "explicit_rate, explicit_rate_currency, explicit_rate_unit, state, invoice_id, external_uid, version) "
            + "VALUES (:t, :id, :project, :timekeeper, :activity, :startAt, :startNanos, :endAt, :endNanos, :zone, "
            + ":startDate, :description, :billable, :rate, :rateCurrency, :rateUnit, :state, :invoice, :uid, :version)";

    private static final String POSITIONAL_INSERT = INSERT.replaceAll(":[A-Za-z]+", "?");

    JdbcTimeEntryStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(TimeEntry entry) {
        Objects.requireNonNull(entry, "entry");
        int inserted = bind(h().createUpdate(INSERT + " ON CONFLICT DO NOTHING"), entry).execute();
        if (inserted == 0) {
            if (exists(entry.id())) {
                throw new DuplicateKeyException(KIND, entry.id().value());
            }
            throw new DuplicateKeyException(UID_KIND, String.valueOf(entry.externalUid()));
        }
    }

    @Override
    public void insertAll(Collection<TimeEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        if (entries.isEmpty()) {
            return;
        }
        Set<TimeEntryId> ids = new HashSet<>();
        Set<String> uids = new HashSet<>();
        for (TimeEntry e : entries) {
            Objects.requireNonNull(e, "entry");
            if (!ids.add(e.id())) {
                throw new DuplicateKeyException(KIND, e.id().value());
            }
            if (e.externalUid() != null && !uids.add(e.externalUid())) {
                throw new DuplicateKeyException(UID_KIND, e.externalUid());
            }
        }
        // one savepoint for the whole batch: a duplicate rolls back only this batch, so the
        // transaction stays usable on PostgreSQL too, and nothing of the batch is kept
        underSavepoint("billops_insert_all", () -> insertBatched(entries), d -> whichDuplicate(ids, uids, d));
    }

    /**
     * The bulk path: one positional prepared statement on the transaction's connection, executed
     * every {@code batchSize} rows. Binding by position skips Jdbi's per-row named-argument work,
     * which is most of the cost of a batch.
     */
    private void insertBatched(Collection<TimeEntry> entries) throws SQLException {
        String t = t();
        try (PreparedStatement ps = h().getConnection().prepareStatement(POSITIONAL_INSERT)) {
            int pending = 0;
            for (TimeEntry e : entries) {
                TimeSpan span = e.span();
                UnitPrice rate = e.explicitRate();
                ps.setString(1, t);
                ps.setString(2, e.id().value());
                ps.setString(3, e.projectId().value());
                ps.setString(4, e.timekeeperId().value());
                ps.setString(5, Columns.valueOrNull(e.activityId()));
                ps.setObject(6, Columns.utc(span.start()));
                ps.setInt(7, span.start().getNano());
                ps.setObject(8, Columns.utc(span.end()));
                ps.setInt(9, span.end().getNano());
                ps.setString(10, span.zone().getId());
                ps.setObject(11, span.localDate());
                ps.setString(12, e.description());
                ps.setBoolean(13, e.billable());
                ps.setBigDecimal(14, rate == null ? null : rate.amount());
                ps.setString(15, rate == null ? null : rate.currencyCode());
                ps.setString(16, Columns.nameOrNull(e.explicitRateUnit()));
                ps.setString(17, e.state().name());
                ps.setString(18, Columns.valueOrNull(e.invoiceId()));
                ps.setString(19, e.externalUid());
                ps.setLong(20, e.version());
                ps.addBatch();
                if (++pending == ctx().batchSize()) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Names the first stored id or uid of a failed batch, when the database's message did not. */
    private DuplicateKeyException whichDuplicate(Set<TimeEntryId> ids, Set<String> uids, DuplicateKeyException fallback) {
        for (List<String> chunk : chunks(ids.stream().map(TimeEntryId::value).sorted().toList())) {
            List<String> found = h().createQuery("SELECT id FROM billops_time_entry WHERE tenant_id = :t AND id IN (<ids>) "
                    + "ORDER BY id").bind("t", t()).bindList("ids", chunk).mapTo(String.class).list();
            if (!found.isEmpty()) {
                return withCause(new DuplicateKeyException(KIND, found.get(0)), fallback.getCause());
            }
        }
        for (List<String> chunk : chunks(uids.stream().sorted().toList())) {
            List<String> found = h().createQuery("SELECT external_uid FROM billops_time_entry WHERE tenant_id = :t "
                    + "AND external_uid IN (<uids>) ORDER BY external_uid").bind("t", t()).bindList("uids", chunk)
                    .mapTo(String.class).list();
            if (!found.isEmpty()) {
                return withCause(new DuplicateKeyException(UID_KIND, found.get(0)), fallback.getCause());
            }
        }
        return fallback;
    }

    private static DuplicateKeyException withCause(DuplicateKeyException e, @Nullable Throwable cause) {
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    @Override
    public TimeEntry update(TimeEntry entry) {
        Objects.requireNonNull(entry, "entry");
        int updated = bind(h().createUpdate("UPDATE billops_time_entry SET project_id = :project, "
                + "timekeeper_id = :timekeeper, activity_id = :activity, start_at = :startAt, start_nanos = :startNanos, "
                + "end_at = :endAt, end_nanos = :endNanos, zone_id = :zone, start_date = :startDate, "
                + "description = :description, billable = :billable, explicit_rate = :rate, "
                + "explicit_rate_currency = :rateCurrency, explicit_rate_unit = :rateUnit, state = :state, "
                + "invoice_id = :invoice, external_uid = :uid, version = version + 1 "
                + "WHERE tenant_id = :t AND id = :id AND version = :version AND state = 'OPEN' "
                + "AND NOT EXISTS (SELECT 1 FROM billops_time_entry o WHERE o.tenant_id = :t "
                + "AND o.external_uid = :uid AND o.id <> :id)"), entry).execute();
        if (updated == 0) {
            Stored stored = stored(entry.id());
            if (stored.state() != EntryState.OPEN) {
                throw new TimeEntryAlreadyBilledException(entry.id(), stored.invoiceId());
            }
            if (stored.version() != entry.version()) {
                throw new ConcurrentUpdateException(KIND, entry.id().value(), entry.version());
            }
            throw new DuplicateKeyException(UID_KIND, String.valueOf(entry.externalUid()));
        }
        return entry.withVersion(entry.version() + 1);
    }

    @Override
    public void delete(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        int deleted = h().createUpdate("DELETE FROM billops_time_entry WHERE tenant_id = :t AND id = :id "
                + "AND state = 'OPEN'").bind("t", t()).bind("id", id.value()).execute();
        if (deleted == 0) {
            Stored stored = stored(id);
            throw new TimeEntryAlreadyBilledException(id, stored.invoiceId());
        }
    }

    @Override
    public Optional<TimeEntry> find(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_time_entry WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map(JdbcTimeEntryStore::map).findOne();
    }

    @Override
    public Optional<TimeEntry> findByExternalUid(String externalUid) {
        Objects.requireNonNull(externalUid, "externalUid");
        return h().createQuery("SELECT * FROM billops_time_entry WHERE tenant_id = :t AND external_uid = :uid")
                .bind("t", t()).bind("uid", externalUid)
                .map(JdbcTimeEntryStore::map).findOne();
    }

    @Override
    public Optional<InvoiceId> draftListing(TimeEntryId id) {
        Objects.requireNonNull(id, "id");
        // drafts are the invoices without a number: the (tenant, number) index finds them, then
        // their line entries by primary-key prefix; issued invoices' rows are never read
        return h().createQuery("SELECT le.invoice_id FROM billops_invoice i JOIN billops_invoice_line_entry le "
                + "ON le.tenant_id = i.tenant_id AND le.invoice_id = i.id WHERE i.tenant_id = :t AND i.number IS NULL "
                + "AND i.status = 'DRAFT' AND le.entry_id = :id ORDER BY le.invoice_id LIMIT 1")
                .bind("t", t()).bind("id", id.value())
                .mapTo(String.class).findFirst().map(InvoiceId::of);
    }

    @Override
    public Map<TimeEntryId, Long> draftedVersions(InvoiceId draft) {
        Objects.requireNonNull(draft, "draft");
        Map<TimeEntryId, Long> out = new HashMap<>();
        h().createQuery("SELECT entry_id, entry_version FROM billops_invoice_line_entry WHERE tenant_id = :t "
                + "AND invoice_id = :invoice AND entry_version IS NOT NULL")
                .bind("t", t()).bind("invoice", draft.value())
                .map((rs, c) -> Map.entry(TimeEntryId.of(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    @Override
    public List<TimeEntry> lock(Collection<TimeEntryId> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(ids.stream()
                .map(id -> Objects.requireNonNull(id, "id").value()).toList()));
        List<TimeEntry> out = new ArrayList<>(sorted.size());
        if (ctx().dialect() == SqlDialect.H2) {
            // H2 answers an IN list on the key's second column by scanning the tenant's rows: one
            // primary-key lookup per id instead, in id order
            for (String id : sorted) {
                h().createQuery("SELECT * FROM billops_time_entry WHERE tenant_id = :t AND id = :id FOR UPDATE")
                        .bind("t", t()).bind("id", id)
                        .map(JdbcTimeEntryStore::map).forEach(out::add);
            }
            return out;
        }
        for (List<String> chunk : chunks(sorted)) {
            KeyLookup.bind(SqlDialect.POSTGRESQL, h().createQuery("SELECT k.* FROM " + KeyLookup.rows(
                    SqlDialect.POSTGRESQL, "billops_time_entry", "id", "*", chunk.size(), true) + " ORDER BY v.ord"), chunk)
                    .bind("t", t())
                    .map(JdbcTimeEntryStore::map).forEach(out::add);
        }
        return out;
    }

    @Override
    public void markBilled(Collection<TimeEntryId> ids, InvoiceId invoice) {
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(invoice, "invoice");
        List<String> wanted = new ArrayList<>(new LinkedHashSet<>(ids.stream()
                .map(id -> Objects.requireNonNull(id, "id").value()).toList()));
        if (wanted.isEmpty()) {
            return;
        }
        List<String> sorted = new ArrayList<>(wanted);
        sorted.sort(null);
        // lock every row first, in id order (so two billers cannot deadlock), then check them all
        // before writing anything: a refusal leaves the transaction untouched
        Map<String, Stored> locked = new HashMap<>();
        RowMapper<Stored> stored = (rs, c) -> new Stored(rs.getString("id"), EntryState.valueOf(rs.getString("state")),
                Columns.idOrNull(rs, "invoice_id", InvoiceId::of), rs.getLong("version"));
        if (ctx().dialect() == SqlDialect.H2) {
            // H2 locks one statement per key (see KeyLookup)
            for (String id : sorted) {
                h().createQuery("SELECT id, state, invoice_id, version FROM billops_time_entry WHERE tenant_id = :t "
                        + "AND id = :id FOR UPDATE")
                        .bind("t", t()).bind("id", id).map(stored).forEach(s -> locked.put(s.id(), s));
            }
        } else {
            for (List<String> chunk : chunks(sorted)) {
                KeyLookup.bind(SqlDialect.POSTGRESQL, h().createQuery("SELECT k.id, k.state, k.invoice_id, k.version "
                        + "FROM " + KeyLookup.rows(SqlDialect.POSTGRESQL, "billops_time_entry", "id",
                                "id, state, invoice_id, version", chunk.size(), true) + " ORDER BY v.ord"), chunk)
                        .bind("t", t()).map(stored).forEach(s -> locked.put(s.id(), s));
            }
        }
        for (String id : wanted) {
            Stored s = locked.get(id);
            if (s == null) {
                throw new NotFoundException(KIND, id);
            }
            if (s.state() != EntryState.OPEN) {
                throw new TimeEntryAlreadyBilledException(TimeEntryId.of(id), s.invoiceId());
            }
        }
        // one primary-key update per entry, sent a batch at a time (an IN list is planned badly, see KeyLookup)
        for (List<String> chunk : chunks(sorted)) {
            PreparedBatch batch = h().prepareBatch("UPDATE billops_time_entry SET state = 'BILLED', "
                    + "invoice_id = :invoice, version = version + 1 WHERE tenant_id = :t AND id = :id AND state = 'OPEN'");
            for (String id : chunk) {
                batch.bind("t", t()).bind("invoice", invoice.value()).bind("id", id).add();
            }
            int updated = 0;
            for (int count : batch.execute()) {
                updated += count == java.sql.Statement.SUCCESS_NO_INFO ? 1 : count;
            }
            if (updated != chunk.size()) {
                // impossible while the rows are locked; refuse loudly rather than bill part of them
                throw new IllegalStateException("billing " + chunk.size() + " locked open time entries on invoice "
                        + invoice + " updated " + updated + " rows");
            }
        }
    }

    @Override
    public List<TimeEntryId> reopenBilledBy(InvoiceId invoice) {
        Objects.requireNonNull(invoice, "invoice");
        List<TimeEntryId> ids = h().createQuery("SELECT id FROM billops_time_entry WHERE tenant_id = :t "
                + "AND invoice_id = :invoice AND state = 'BILLED' ORDER BY id FOR UPDATE")
                .bind("t", t()).bind("invoice", invoice.value())
                .map((rs, c) -> TimeEntryId.of(rs.getString("id"))).list();
        if (!ids.isEmpty()) {
            h().createUpdate("UPDATE billops_time_entry SET state = 'OPEN', invoice_id = NULL, version = version + 1 "
                    + "WHERE tenant_id = :t AND invoice_id = :invoice AND state = 'BILLED'")
                    .bind("t", t()).bind("invoice", invoice.value()).execute();
            h().createUpdate("DELETE FROM billops_billed_entry WHERE tenant_id = :t AND invoice_id = :invoice")
                    .bind("t", t()).bind("invoice", invoice.value()).execute();
        }
        return ids;
    }

    @Override
    public void forEach(TimeEntryQuery query, Consumer<TimeEntry> sink) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(sink, "sink");
        StringBuilder sql = new StringBuilder("SELECT * FROM billops_time_entry WHERE tenant_id = :t "
                + "AND start_date >= :from AND start_date < :to");
        if (!query.projectIds().isEmpty()) {
            sql.append(" AND project_id IN (<projects>)");
        }
        if (query.timekeeperId() != null) {
            sql.append(" AND timekeeper_id = :timekeeper");
        }
        if (query.unbilledOnly()) {
            sql.append(" AND state = 'OPEN' AND billable = TRUE");
        }
        sql.append(" ORDER BY start_at, start_nanos, id");
        Query q = h().createQuery(sql.toString())
                .bind("t", t())
                .bindByType("from", query.dates().startInclusive(), LocalDate.class)
                .bindByType("to", query.dates().endExclusive(), LocalDate.class)
                .setFetchSize(ctx().fetchSize());
        if (!query.projectIds().isEmpty()) {
            q.bindList("projects", query.projectIds().stream().map(ProjectId::value).sorted().toList());
        }
        if (query.timekeeperId() != null) {
            q.bind("timekeeper", query.timekeeperId().value());
        }
        q.map(JdbcTimeEntryStore::map).forEach(sink);
    }

    private boolean exists(TimeEntryId id) {
        return h().createQuery("SELECT COUNT(*) FROM billops_time_entry WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value()).mapTo(Integer.class).one() > 0;
    }

    private Stored stored(TimeEntryId id) {
        return h().createQuery("SELECT id, state, invoice_id, version FROM billops_time_entry "
                + "WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map((rs, c) -> new Stored(rs.getString("id"), EntryState.valueOf(rs.getString("state")),
                        Columns.idOrNull(rs, "invoice_id", InvoiceId::of), rs.getLong("version")))
                .findOne()
                .orElseThrow(() -> new NotFoundException(KIND, id.value()));
    }

    private record Stored(String id, EntryState state, @Nullable InvoiceId invoiceId, long version) {
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>((all.size() + IN_CHUNK - 1) / IN_CHUNK);
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return out;
    }

    private <S extends SqlStatement<S>> S bind(S s, TimeEntry e) {
        TimeSpan span = e.span();
        UnitPrice rate = e.explicitRate();
        return s.bind("t", t())
                .bind("id", e.id().value())
                .bind("project", e.projectId().value())
                .bind("timekeeper", e.timekeeperId().value())
                .bind("activity", Columns.valueOrNull(e.activityId()))
                .bind("startAt", Columns.utc(span.start()))
                .bind("startNanos", span.start().getNano())
                .bind("endAt", Columns.utc(span.end()))
                .bind("endNanos", span.end().getNano())
                .bind("zone", span.zone().getId())
                .bind("startDate", span.localDate())
                .bind("description", e.description())
                .bind("billable", e.billable())
                .bind("rate", rate == null ? null : rate.amount())
                .bind("rateCurrency", rate == null ? null : rate.currencyCode())
                .bind("rateUnit", Columns.nameOrNull(e.explicitRateUnit()))
                .bind("state", e.state().name())
                .bind("invoice", Columns.valueOrNull(e.invoiceId()))
                .bind("uid", e.externalUid())
                .bind("version", e.version());
    }

    static TimeEntry map(ResultSet rs, StatementContext ctx) throws SQLException {
        TimeSpan span = new TimeSpan(Columns.exactInstant(rs, "start_at", "start_nanos"),
                Columns.exactInstant(rs, "end_at", "end_nanos"), ZoneId.of(rs.getString("zone_id")));
        return new TimeEntry(TimeEntryId.of(rs.getString("id")), ProjectId.of(rs.getString("project_id")),
                TimekeeperId.of(rs.getString("timekeeper_id")), Columns.idOrNull(rs, "activity_id", ActivityId::of),
                span, rs.getString("description"), rs.getBoolean("billable"),
                Columns.unitPriceOrNull(rs, "explicit_rate", Columns.currencyOrNull(rs, "explicit_rate_currency")),
                Columns.enumOrNull(rs, "explicit_rate_unit", RateUnit.class),
                Columns.enumValue(rs, "state", EntryState.class), Columns.idOrNull(rs, "invoice_id", InvoiceId::of),
                rs.getString("external_uid"), rs.getLong("version"));
    }
}
