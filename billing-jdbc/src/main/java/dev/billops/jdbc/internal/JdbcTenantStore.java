package dev.billops.jdbc.internal;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.TenantId;
import dev.billops.core.numbering.CounterReset;
import dev.billops.core.numbering.NumberPattern;
import dev.billops.core.numbering.NumberingPolicy;
import dev.billops.core.numbering.SeriesNumbering;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.TenantPolicies;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.tax.PriceBasis;
import dev.billops.core.tax.TaxPolicy;
import dev.billops.core.tax.TaxRoundingPolicy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * The tenant's record, with its policies in columns of their own (V2): zone id, tax rounding,
 * price basis, and the cash increments and numbering as JSON text (null for none / the defaults);
 * its e-invoice details in columns of their own (V7, {@link PartyDetailsColumns}).
 */
final class JdbcTenantStore extends JdbcPort implements TenantStore {

    private static final String COLUMNS = "name = :name, address_line1 = :l1, address_line2 = :l2, address_line3 = :l3, "
            + "postal_code = :postal, city = :city, country_code = :country, vat_id = :vat, email = :email, iban = :iban, "
            + "bic = :bic, default_vat_rate = :rate, default_vat_rate_scale = :rateScale, zone_id = :zone, "
            + "tax_rounding = :taxRounding, price_basis = :priceBasis, cash_increments = :cash, numbering = :numbering"
            + PartyDetailsColumns.SET;

    private static final String INSERT = "INSERT INTO billops_tenant (tenant_id, name, address_line1, "
            + "address_line2, address_line3, postal_code, city, country_code, vat_id, email, iban, bic, "
            + "default_vat_rate, default_vat_rate_scale, zone_id, tax_rounding, price_basis, cash_increments, "
            + "numbering" + PartyDetailsColumns.COLUMNS + ") VALUES (:t, :name, :l1, :l2, :l3, :postal, :city, "
            + ":country, :vat, :email, :iban, :bic, :rate, :rateScale, :zone, :taxRounding, :priceBasis, :cash, "
            + ":numbering" + PartyDetailsColumns.VALUES + ") ON CONFLICT DO NOTHING";

    /** The JSON form of one series of a {@link NumberingPolicy}. */
    record SeriesRow(String pattern, String prefix, String reset, boolean perClient, Map<String, Long> startAfter) {
    }

    /** The JSON form of a {@link NumberingPolicy}. */
    record NumberingRow(Map<String, SeriesRow> series) {
    }

    /** The JSON form of the cash increments of a {@link TaxPolicy}, amounts as written. */
    record CashRow(Map<String, String> increments) {
    }

    JdbcTenantStore(JdbcSession session) {
        super(session);
    }

    @Override
    public Optional<Tenant> find() {
        JsonCodec json = ctx().json();
        return h().createQuery("SELECT * FROM billops_tenant WHERE tenant_id = :t")
                .bind("t", t())
                .map((rs, ctx) -> map(rs, json))
                .findOne();
    }

    @Override
    public void save(Tenant tenant) {
        requireOwn(tenant);
        int inserted = bindAll(h().createUpdate(INSERT), tenant).execute();
        if (inserted == 0) {
            bindAll(h().createUpdate("UPDATE billops_tenant SET " + COLUMNS + " WHERE tenant_id = :t"), tenant)
                    .execute();
        }
    }

    @Override
    public boolean insertIfAbsent(Tenant tenant) {
        requireOwn(tenant);
        return bindAll(h().createUpdate(INSERT), tenant).execute() == 1;
    }

    private void requireOwn(Tenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        if (!tenant.id().equals(session.tenant())) {
            throw new InvalidInputException("tenant " + tenant.id() + " cannot be saved in a session of tenant "
                    + session.tenant());
        }
        Columns.exact("tenant " + tenant.id() + " default VAT rate", tenant.defaultVatRate());
    }

    private Update bindAll(Update u, Tenant tenant) {
        TenantPolicies policies = tenant.policies();
        TaxPolicy tax = policies.tax();
        JsonCodec json = ctx().json();
        PartyDetailsColumns.bind(u, tenant.details(), json);
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
                .bind("rateScale", tenant.defaultVatRate().scale())
                .bind("zone", policies.zone().getId())
                .bind("taxRounding", tax.rounding().name())
                .bind("priceBasis", tax.priceBasis().name())
                .bind("cash", cashJson(json, tax))
                .bind("numbering", numberingJson(json, policies.numbering()));
    }

    private static @Nullable String cashJson(JsonCodec json, TaxPolicy tax) {
        if (tax.cashIncrements().isEmpty()) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        tax.cashIncrements().forEach((currency, increment) -> out.put(currency, increment.toPlainString()));
        return json.write(new CashRow(out));
    }

    private static @Nullable String numberingJson(JsonCodec json, NumberingPolicy numbering) {
        if (numbering.equals(NumberingPolicy.defaults())) {
            return null;
        }
        Map<String, SeriesRow> out = new TreeMap<>();
        numbering.series().forEach((name, s) -> out.put(name, new SeriesRow(s.pattern().text(), s.prefix(),
                s.reset().name(), s.perClient(), new TreeMap<>(s.startAfter()))));
        return json.write(new NumberingRow(out));
    }

    static Tenant map(ResultSet rs, JsonCodec json) throws SQLException {
        TaxPolicy tax = new TaxPolicy(TaxRoundingPolicy.valueOf(rs.getString("tax_rounding")),
                PriceBasis.valueOf(rs.getString("price_basis")), Map.of());
        String cash = rs.getString("cash_increments");
        if (cash != null) {
            for (Map.Entry<String, String> e : json.read(cash, CashRow.class).increments().entrySet()) {
                tax = tax.withCashIncrement(e.getKey(), new BigDecimal(e.getValue()));
            }
        }
        NumberingPolicy numbering = NumberingPolicy.defaults();
        String series = rs.getString("numbering");
        if (series != null) {
            Map<String, SeriesNumbering> out = new TreeMap<>();
            json.read(series, NumberingRow.class).series().forEach((name, row) -> out.put(name,
                    new SeriesNumbering(NumberPattern.of(row.pattern()), row.prefix(),
                            CounterReset.valueOf(row.reset()), row.perClient(), row.startAfter())));
            numbering = new NumberingPolicy(out);
        }
        TenantPolicies policies = new TenantPolicies(ZoneId.of(rs.getString("zone_id")), tax, numbering);
        return new Tenant(TenantId.of(rs.getString("tenant_id")), rs.getString("name"), Columns.address(rs),
                rs.getString("vat_id"), rs.getString("email"), rs.getString("iban"), rs.getString("bic"),
                Columns.exact(rs, "default_vat_rate", "default_vat_rate_scale"), policies,
                PartyDetailsColumns.read(rs, json));
    }
}
