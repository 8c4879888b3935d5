package dev.billops.jdbc.internal;

import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.EngagementStatus;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.engagement.PricingMode;
import dev.billops.core.engagement.ProrationPolicy;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.spi.EngagementStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcEngagementStore extends JdbcPort implements EngagementStore {

    private static final String KIND = "engagement";

    JdbcEngagementStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(Engagement engagement) {
        Objects.requireNonNull(engagement, "engagement");
        int inserted = bind(h().createUpdate("INSERT INTO billops_engagement (tenant_id, id, client_id, "
                + "project_id, description, mode, package_fee, package_fee_currency, schedule, start_date, end_date, "
                + "renews_id, included_hours_seconds, overage_rate, overage_rate_currency, proration, "
                + "roll_over_unused_hours, status, version) VALUES (:t, :id, :client, :project, :description, :mode, "
                + ":fee, :feeCurrency, :schedule, :start, :end, :renews, :included, :overage, :overageCurrency, "
                + ":proration, :rollOver, :status, :version) ON CONFLICT DO NOTHING"), engagement).execute();
        if (inserted == 0) {
            throw new DuplicateKeyException(KIND, engagement.id().value());
        }
    }

    @Override
    public Engagement update(Engagement engagement) {
        Objects.requireNonNull(engagement, "engagement");
        int updated = bind(h().createUpdate("UPDATE billops_engagement SET client_id = :client, "
                + "project_id = :project, description = :description, mode = :mode, package_fee = :fee, "
                + "package_fee_currency = :feeCurrency, schedule = :schedule, start_date = :start, end_date = :end, "
                + "renews_id = :renews, included_hours_seconds = :included, overage_rate = :overage, "
                + "overage_rate_currency = :overageCurrency, proration = :proration, roll_over_unused_hours = :rollOver, "
                + "status = :status, version = version + 1 WHERE tenant_id = :t AND id = :id AND version = :version"),
                engagement).execute();
        if (updated == 0) {
            if (find(engagement.id()).isEmpty()) {
                throw new NotFoundException(KIND, engagement.id().value());
            }
            throw new ConcurrentUpdateException(KIND, engagement.id().value(), engagement.version());
        }
        return engagement.withVersion(engagement.version() + 1);
    }

    @Override
    public Optional<Engagement> find(EngagementId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_engagement WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map(JdbcEngagementStore::map).findOne();
    }

    @Override
    public Optional<Engagement> lock(EngagementId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_engagement WHERE tenant_id = :t AND id = :id FOR UPDATE")
                .bind("t", t()).bind("id", id.value())
                .map(JdbcEngagementStore::map).findOne();
    }

    /** One {@code SELECT … FOR UPDATE SKIP LOCKED} over the ids, in id order (PostgreSQL and H2 alike). */
    @Override
    public List<Engagement> claim(List<EngagementId> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> keys = ids.stream().map(EngagementId::value).sorted().toList();
        if (ctx().dialect() == SqlDialect.POSTGRESQL) {
            // one key lookup per id (see KeyLookup): an IN list on the freshly filled, not yet
            // analyzed table is planned as a scan of the tenant's engagements, per chunk
            return h().createQuery("SELECT k.* FROM unnest(CAST(:keys AS varchar[])) WITH ORDINALITY AS v(id, ord) "
                    + "CROSS JOIN LATERAL (SELECT * FROM billops_engagement r WHERE r.tenant_id = :t AND r.id = v.id "
                    + "LIMIT 1 FOR UPDATE SKIP LOCKED) k ORDER BY v.ord")
                    .bind("t", t()).bindArray("keys", String.class, keys)
                    .map(JdbcEngagementStore::map).list();
        }
        return h().createQuery("SELECT * FROM billops_engagement WHERE tenant_id = :t AND id IN (<ids>) "
                + "ORDER BY id FOR UPDATE SKIP LOCKED")
                .bind("t", t()).bindList("ids", keys)
                .map(JdbcEngagementStore::map).list();
    }

    /** One query per 1,000 ids over the invoices' package-period key. */
    @Override
    public Optional<List<InvoicedPeriod>> invoicedPeriods(List<EngagementId> ids) {
        Objects.requireNonNull(ids, "ids");
        List<InvoicedPeriod> out = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += 1_000) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + 1_000)).stream()
                    .map(EngagementId::value).toList();
            Query q;
            if (ctx().dialect() == SqlDialect.POSTGRESQL) {
                // one range of the period key's index per engagement, whatever the statistics: the
                // plan of an IN list (or of a lateral subquery without ORDER BY), cached while the
                // table was empty, scans the tenant's invoices by the primary key, which costs more
                // with every chunk the run stores; ordering by the period start makes the period
                // key's index the cheapest plan also then (checked with generic plans on PostgreSQL 15)
                q = h().createQuery("SELECT k.engagement_id, k.package_period_start, k.number FROM "
                        + "unnest(CAST(:keys AS varchar[])) AS v(id) CROSS JOIN LATERAL (SELECT engagement_id, "
                        + "package_period_start, number FROM billops_invoice r WHERE r.tenant_id = :t "
                        + "AND r.engagement_id = v.id AND r.package_period_start IS NOT NULL "
                        + "ORDER BY r.package_period_start LIMIT " + Integer.MAX_VALUE + ") k")
                        .bindArray("keys", String.class, part);
            } else {
                q = h().createQuery("SELECT engagement_id, package_period_start, number FROM billops_invoice "
                        + "WHERE tenant_id = :t AND engagement_id IN (<ids>) AND package_period_start IS NOT NULL")
                        .bindList("ids", part);
            }
            q.bind("t", t())
                    .map((rs, ctx) -> new InvoicedPeriod(EngagementId.of(rs.getString("engagement_id")),
                            Columns.date(rs, "package_period_start"), rs.getString("number")))
                    .forEach(out::add);
        }
        return Optional.of(out);
    }

    @Override
    public List<Engagement> listByClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return h().createQuery("SELECT * FROM billops_engagement WHERE tenant_id = :t AND client_id = :client ORDER BY id")
                .bind("t", t()).bind("client", clientId.value())
                .map(JdbcEngagementStore::map).list();
    }

    @Override
    public void forEachBillable(Consumer<Engagement> sink) {
        Objects.requireNonNull(sink, "sink");
        h().createQuery("SELECT * FROM billops_engagement WHERE tenant_id = :t AND mode IN ('PACKAGE', 'MIXED') "
                + "ORDER BY id")
                .bind("t", t())
                .setFetchSize(ctx().fetchSize())
                .map(JdbcEngagementStore::map)
                .forEach(sink);
    }

    @Override
    public List<Engagement> list() {
        return h().createQuery("SELECT * FROM billops_engagement WHERE tenant_id = :t ORDER BY id")
                .bind("t", t())
                .map(JdbcEngagementStore::map).list();
    }

    private <S extends SqlStatement<S>> S bind(S s, Engagement e) {
        Money fee = e.packageFee();
        UnitPrice overage = e.overageRate();
        return s.bind("t", t())
                .bind("id", e.id().value())
                .bind("client", e.clientId().value())
                .bind("project", Columns.valueOrNull(e.projectId()))
                .bind("description", e.description())
                .bind("mode", e.mode().name())
                .bind("fee", fee == null ? null : fee.amount())
                .bind("feeCurrency", fee == null ? null : fee.currencyCode())
                .bind("schedule", e.schedule().name())
                .bindByType("start", e.startDate(), LocalDate.class)
                .bindByType("end", e.endDate(), LocalDate.class)
                .bind("renews", Columns.valueOrNull(e.renewsId()))
                .bind("included", Columns.secondsOrNull(e.includedHours()))
                .bind("overage", overage == null ? null : overage.amount())
                .bind("overageCurrency", overage == null ? null : overage.currencyCode())
                .bind("proration", e.proration().name())
                .bind("rollOver", e.rollOverUnusedHours())
                .bind("status", e.status().name())
                .bind("version", e.version());
    }

    static Engagement map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Engagement(EngagementId.of(rs.getString("id")), ClientId.of(rs.getString("client_id")),
                Columns.idOrNull(rs, "project_id", ProjectId::of), rs.getString("description"),
                Columns.enumValue(rs, "mode", PricingMode.class),
                Columns.moneyOrNull(rs, "package_fee", Columns.currencyOrNull(rs, "package_fee_currency")),
                Columns.enumValue(rs, "schedule", PackageSchedule.class), Columns.date(rs, "start_date"),
                Columns.dateOrNull(rs, "end_date"), Columns.idOrNull(rs, "renews_id", EngagementId::of),
                Columns.durationOrNull(rs, "included_hours_seconds"),
                Columns.unitPriceOrNull(rs, "overage_rate", Columns.currencyOrNull(rs, "overage_rate_currency")),
                Columns.enumValue(rs, "proration", ProrationPolicy.class), rs.getBoolean("roll_over_unused_hours"),
                Columns.enumValue(rs, "status", EngagementStatus.class), rs.getLong("version"));
    }
}
