package dev.billops.jdbc.internal;

import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.spi.RateRuleStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.money.CurrencyUnit;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

final class JdbcRateRuleStore extends JdbcPort implements RateRuleStore {

    private static final String KIND = "rate rule";

    JdbcRateRuleStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(RateRule rule) {
        Objects.requireNonNull(rule, "rule");
        int inserted = bind(h().createUpdate("INSERT INTO billops_rate_rule (tenant_id, id, client_id, "
                + "project_id, timekeeper_id, activity_id, price, currency, unit, effective_from, effective_to) "
                + "VALUES (:t, :id, :client, :project, :timekeeper, :activity, :price, :currency, :unit, :from, :to) "
                + "ON CONFLICT DO NOTHING"), rule).execute();
        if (inserted == 0) {
            throw new DuplicateKeyException(KIND, rule.id().value());
        }
    }

    @Override
    public void update(RateRule rule) {
        Objects.requireNonNull(rule, "rule");
        int updated = bind(h().createUpdate("UPDATE billops_rate_rule SET client_id = :client, "
                + "project_id = :project, timekeeper_id = :timekeeper, activity_id = :activity, price = :price, "
                + "currency = :currency, unit = :unit, effective_from = :from, effective_to = :to "
                + "WHERE tenant_id = :t AND id = :id"), rule).execute();
        if (updated == 0) {
            throw new NotFoundException(KIND, rule.id().value());
        }
    }

    @Override
    public void delete(RateRuleId id) {
        Objects.requireNonNull(id, "id");
        int deleted = h().createUpdate("DELETE FROM billops_rate_rule WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value()).execute();
        if (deleted == 0) {
            throw new NotFoundException(KIND, id.value());
        }
    }

    @Override
    public Optional<RateRule> find(RateRuleId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_rate_rule WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map(JdbcRateRuleStore::map).findOne();
    }

    @Override
    public List<RateRule> list() {
        return h().createQuery("SELECT * FROM billops_rate_rule WHERE tenant_id = :t ORDER BY id")
                .bind("t", t())
                .map(JdbcRateRuleStore::map).list();
    }

    private Update bind(Update u, RateRule r) {
        RateScope s = r.scope();
        return u.bind("t", t())
                .bind("id", r.id().value())
                .bind("client", Columns.valueOrNull(s.clientId()))
                .bind("project", Columns.valueOrNull(s.projectId()))
                .bind("timekeeper", Columns.valueOrNull(s.timekeeperId()))
                .bind("activity", Columns.valueOrNull(s.activityId()))
                .bind("price", r.price().amount())
                .bind("currency", r.price().currencyCode())
                .bind("unit", r.unit().name())
                .bindByType("from", r.effectiveFrom(), LocalDate.class)
                .bindByType("to", r.effectiveTo(), LocalDate.class);
    }

    static RateRule map(ResultSet rs, StatementContext ctx) throws SQLException {
        CurrencyUnit currency = Columns.currency(rs, "currency");
        RateScope scope = new RateScope(Columns.idOrNull(rs, "client_id", ClientId::of),
                Columns.idOrNull(rs, "project_id", ProjectId::of),
                Columns.idOrNull(rs, "timekeeper_id", TimekeeperId::of),
                Columns.idOrNull(rs, "activity_id", ActivityId::of));
        return new RateRule(RateRuleId.of(rs.getString("id")), scope, Columns.unitPrice(rs, "price", currency),
                Columns.enumValue(rs, "unit", RateUnit.class), Columns.date(rs, "effective_from"),
                Columns.dateOrNull(rs, "effective_to"));
    }
}
