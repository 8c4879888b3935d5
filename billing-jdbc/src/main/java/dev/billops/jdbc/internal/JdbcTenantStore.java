package dev.billops.jdbc.internal;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TenantStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;

final class JdbcTenantStore extends JdbcPort implements TenantStore {

    private static final String COLUMNS = "name = :name, address_line1 = :l1, address_line2 = :l2, address_line3 = :l3, "
            + "postal_code = :postal, city = :city, country_code = :country, vat_id = :vat, email = :email, iban = :iban, "
            + "bic = :bic, default_vat_rate = :rate, default_vat_rate_scale = :rateScale";

    JdbcTenantStore(JdbcSession session) {
        super(session);
    }

    @Override
    public Optional<Tenant> find() {
        return h().createQuery("SELECT * FROM billops_tenant WHERE tenant_id = :t")
                .bind("t", t())
                .map(JdbcTenantStore::map)
                .findOne();
    }

    @Override
    public void save(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (!tenant.id().equals(session.tenant())) {
            throw new InvalidInputException("tenant " + tenant.id() + " cannot be saved in a session of tenant "
                    + session.tenant());
        }
        Columns.exact("tenant " + tenant.id() + " default VAT rate", tenant.defaultVatRate());
        write(() -> {
            int inserted = bindAll(h().createUpdate("INSERT INTO billops_tenant (tenant_id, name, address_line1, "
                    + "address_line2, address_line3, postal_code, city, country_code, vat_id, email, iban, bic, "
                    + "default_vat_rate, default_vat_rate_scale) VALUES (:t, :name, :l1, :l2, :l3, :postal, :city, "
                    + ":country, :vat, :email, :iban, :bic, :rate, :rateScale) ON CONFLICT DO NOTHING"), tenant)
                    .execute();
            if (inserted == 0) {
                bindAll(h().createUpdate("UPDATE billops_tenant SET " + COLUMNS + " WHERE tenant_id = :t"), tenant)
                        .execute();
            }
        });
    }

    private org.jdbi.v3.core.statement.Update bindAll(org.jdbi.v3.core.statement.Update u, Tenant tenant) {
        return u.bind("t", t())
                .bind("name", tenant.name())
                .bind("l1", Columns.line(tenant.address(), 0))
                .bind("l2", Columns.line(tenant.address(), 1))
                .bind("l3", Columns.line(tenant.address(), 2))
                .bind("postal", tenant.address().postalCode())
                .bind("city", tenant.address().city())
                .bind("country", tenant.address().countryCode())
                .bind("vat", tenant.vatId())
                .bind("email", tenant.email())
                .bind("iban", tenant.iban())
                .bind("bic", tenant.bic())
                .bind("rate", tenant.defaultVatRate())
                .bind("rateScale", tenant.defaultVatRate().scale());
    }

    static Tenant map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Tenant(TenantId.of(rs.getString("tenant_id")), rs.getString("name"), Columns.address(rs),
                rs.getString("vat_id"), rs.getString("email"), rs.getString("iban"), rs.getString("bic"),
                Columns.exact(rs, "default_vat_rate", "default_vat_rate_scale"));
    }
}
