package dev.billops.jdbc.internal;

import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.money.Money;
import dev.billops.core.project.Budget;
import dev.billops.core.project.Project;
import dev.billops.core.project.ProjectStatus;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

final class JdbcProjectStore extends JdbcPort implements ProjectStore {

    private static final String KIND = "project";

    JdbcProjectStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(Project project) {
        Objects.requireNonNull(project, "project");
        Columns.exactOrNull("project " + project.id() + " VAT rate", project.vatRate());
        int inserted = bind(h().createUpdate("INSERT INTO billops_project (tenant_id, id, client_id, name, code, "
                + "status, budget_hours_seconds, budget_amount, budget_currency, budget_period, "
                + "rounding_increment_seconds, rounding_direction, rounding_minimum_seconds, rounding_scope, "
                + "billable_by_default, vat_rate, vat_rate_scale, version) VALUES (:t, :id, :client, :name, :code, "
                + ":status, :budgetHours, :budgetAmount, :budgetCurrency, :budgetPeriod, :increment, :direction, "
                + ":minimum, :scope, :billable, :vat, :vatScale, :version) ON CONFLICT DO NOTHING"), project)
                .execute();
        if (inserted == 0) {
            throw new DuplicateKeyException(KIND, project.id().value());
        }
    }

    @Override
    public Project update(Project project) {
        Objects.requireNonNull(project, "project");
        Columns.exactOrNull("project " + project.id() + " VAT rate", project.vatRate());
        int updated = bind(h().createUpdate("UPDATE billops_project SET client_id = :client, name = :name, "
                + "code = :code, status = :status, budget_hours_seconds = :budgetHours, budget_amount = :budgetAmount, "
                + "budget_currency = :budgetCurrency, budget_period = :budgetPeriod, "
                + "rounding_increment_seconds = :increment, rounding_direction = :direction, "
                + "rounding_minimum_seconds = :minimum, rounding_scope = :scope, billable_by_default = :billable, "
                + "vat_rate = :vat, vat_rate_scale = :vatScale, version = version + 1 "
                + "WHERE tenant_id = :t AND id = :id AND version = :version"), project)
                .execute();
        if (updated == 0) {
            if (find(project.id()).isEmpty()) {
                throw new NotFoundException(KIND, project.id().value());
            }
            throw new ConcurrentUpdateException(KIND, project.id().value(), project.version());
        }
        return project.withVersion(project.version() + 1);
    }

    @Override
    public void lock(Collection<ProjectId> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> sorted = new ArrayList<>(new TreeSet<>(ids.stream()
                .map(id -> Objects.requireNonNull(id, "id").value()).toList()));
        for (List<String> chunk : JdbcTimeEntryStore.chunks(sorted)) {
            h().createQuery("SELECT id FROM billops_project WHERE tenant_id = :t AND id IN (<ids>) ORDER BY id "
                    + "FOR UPDATE").bind("t", t()).bindList("ids", chunk).mapTo(String.class).list();
        }
    }

    @Override
    public Optional<Project> find(ProjectId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_project WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map(JdbcProjectStore::map).findOne();
    }

    @Override
    public List<Project> listByClient(ClientId clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return h().createQuery("SELECT * FROM billops_project WHERE tenant_id = :t AND client_id = :client ORDER BY id")
                .bind("t", t()).bind("client", clientId.value())
                .map(JdbcProjectStore::map).list();
    }

    @Override
    public List<Project> list() {
        return h().createQuery("SELECT * FROM billops_project WHERE tenant_id = :t ORDER BY id")
                .bind("t", t())
                .map(JdbcProjectStore::map).list();
    }

    private Update bind(Update u, Project p) {
        Budget b = p.budget();
        Money amount = b == null ? null : b.amount();
        return u.bind("t", t())
                .bind("id", p.id().value())
                .bind("client", p.clientId().value())
                .bind("name", p.name())
                .bind("code", p.code())
                .bind("status", p.status().name())
                .bind("budgetHours", b == null ? null : Columns.secondsOrNull(b.hours()))
                .bind("budgetAmount", amount == null ? null : amount.amount())
                .bind("budgetCurrency", amount == null ? null : amount.currencyCode())
                .bind("budgetPeriod", b == null ? null : b.period().name())
                .bind("increment", Columns.seconds(p.rounding().increment()))
                .bind("direction", p.rounding().direction().name())
                .bind("minimum", Columns.seconds(p.rounding().minimum()))
                .bind("scope", p.roundingScope().name())
                .bind("billable", p.billableByDefault())
                .bind("vat", p.vatRate())
                .bind("vatScale", Columns.scaleOrNull(p.vatRate()))
                .bind("version", p.version());
    }

    static Project map(ResultSet rs, StatementContext ctx) throws SQLException {
        Budget budget = null;
        String period = rs.getString("budget_period");
        if (period != null) {
            Duration hours = Columns.durationOrNull(rs, "budget_hours_seconds");
            Money amount = Columns.moneyOrNull(rs, "budget_amount", Columns.currencyOrNull(rs, "budget_currency"));
            budget = new Budget(hours, amount, Budget.Period.valueOf(period));
        }
        DurationRounding rounding = new DurationRounding(Columns.duration(rs, "rounding_increment_seconds"),
                Columns.enumValue(rs, "rounding_direction", RoundingDirection.class),
                Columns.duration(rs, "rounding_minimum_seconds"));
        return new Project(ProjectId.of(rs.getString("id")), ClientId.of(rs.getString("client_id")),
                rs.getString("name"), rs.getString("code"), Columns.enumValue(rs, "status", ProjectStatus.class),
                budget, rounding, Columns.enumValue(rs, "rounding_scope", RoundingScope.class),
                rs.getBoolean("billable_by_default"), Columns.exactOrNull(rs, "vat_rate", "vat_rate_scale"),
                rs.getLong("version"));
    }
}
