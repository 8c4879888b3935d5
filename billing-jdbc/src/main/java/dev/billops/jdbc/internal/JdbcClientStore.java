package dev.billops.jdbc.internal;

import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.spi.ClientStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

final class JdbcClientStore extends JdbcPort implements ClientStore {

    private static final String KIND = "client";

    JdbcClientStore(JdbcSession session) {
        super(session);
    }

    @Override
    public void insert(Client client) {
        Objects.requireNonNull(client, "client");
        int inserted = bind(h().createUpdate("INSERT INTO billops_client (tenant_id, id, name, address_line1, "
                + "address_line2, address_line3, postal_code, city, country_code, vat_id, email, currency, "
                + "payment_terms_days, locale, tax_profile, exemption_reason, autopay_enabled, payment_method_ref, "
                + "active, version" + PartyDetailsColumns.COLUMNS + ") VALUES (:t, :id, :name, :l1, :l2, :l3, :postal, "
                + ":city, :country, :vat, :email, :currency, :terms, :locale, :profile, :reason, :autopay, :pmref, "
                + ":active, :version" + PartyDetailsColumns.VALUES + ") "
                + "ON CONFLICT DO NOTHING"), client).bind("version", client.version()).execute();
        if (inserted == 0) {
            throw new DuplicateKeyException(KIND, client.id().value());
        }
    }

    @Override
    public Client update(Client client) {
        Objects.requireNonNull(client, "client");
        int updated = bind(h().createUpdate("UPDATE billops_client SET name = :name, address_line1 = :l1, "
                + "address_line2 = :l2, address_line3 = :l3, postal_code = :postal, city = :city, "
                + "country_code = :country, vat_id = :vat, email = :email, currency = :currency, "
                + "payment_terms_days = :terms, locale = :locale, tax_profile = :profile, exemption_reason = :reason, "
                + "autopay_enabled = :autopay, payment_method_ref = :pmref, active = :active, version = version + 1"
                + PartyDetailsColumns.SET + " "
                + "WHERE tenant_id = :t AND id = :id AND version = :version"), client)
                .bind("version", client.version()).execute();
        if (updated == 0) {
            if (find(client.id()).isEmpty()) {
                throw new NotFoundException(KIND, client.id().value());
            }
            throw new ConcurrentUpdateException(KIND, client.id().value(), client.version());
        }
        return client.withVersion(client.version() + 1);
    }

    @Override
    public Optional<Client> find(ClientId id) {
        Objects.requireNonNull(id, "id");
        return h().createQuery("SELECT * FROM billops_client WHERE tenant_id = :t AND id = :id")
                .bind("t", t()).bind("id", id.value())
                .map((rs, c) -> map(rs, ctx().json())).findOne();
    }

    @Override
    public List<Client> findAll(Collection<ClientId> ids) {
        Objects.requireNonNull(ids, "ids");
        List<String> keys = new ArrayList<>(new java.util.TreeSet<>(ids.stream().map(ClientId::value).toList()));
        List<Client> out = new ArrayList<>(keys.size());
        SqlDialect d = ctx().dialect();
        for (List<String> chunk : JdbcTimeEntryStore.chunks(keys)) {
            KeyLookup.bind(d, h().createQuery("SELECT k.* FROM "
                    + KeyLookup.rows(d, "billops_client", "id", "*", chunk.size(), false)), chunk)
                    .bind("t", t()).map((rs, c) -> map(rs, ctx().json())).forEach(out::add);
        }
        return out;
    }

    @Override
    public List<Client> list() {
        return h().createQuery("SELECT * FROM billops_client WHERE tenant_id = :t ORDER BY id")
                .bind("t", t())
                .map((rs, c) -> map(rs, ctx().json())).list();
    }

    private Update bind(Update u, Client c) {
        PartyDetailsColumns.bind(u, c.details(), ctx().json());
        return u.bind("t", t())
                .bind("id", c.id().value())
                .bind("name", c.name())
                .bind("l1", Columns.line(c.address(), 0))
                .bind("l2", Columns.line(c.address(), 1))
                .bind("l3", Columns.line(c.address(), 2))
                .bind("postal", c.address().postalCode())
                .bind("city", c.address().city())
                .bind("country", c.address().countryCode())
                .bind("vat", c.vatId())
                .bind("email", c.email())
                .bind("currency", c.currency().getCurrencyCode())
                .bind("terms", c.paymentTermsDays())
                .bind("locale", c.locale().toLanguageTag())
                .bind("profile", c.taxProfile().name())
                .bind("reason", c.exemptionReason())
                .bind("autopay", c.autopayEnabled())
                .bind("pmref", c.paymentMethodRef())
                .bind("active", c.active());
    }

    static Client map(ResultSet rs, JsonCodec json) throws SQLException {
        return new Client(ClientId.of(rs.getString("id")), rs.getString("name"), Columns.address(rs),
                rs.getString("vat_id"), rs.getString("email"), Columns.currency(rs, "currency"),
                rs.getInt("payment_terms_days"), Locale.forLanguageTag(rs.getString("locale")),
                Columns.enumValue(rs, "tax_profile", TaxProfile.class), rs.getString("exemption_reason"),
                rs.getBoolean("autopay_enabled"), rs.getString("payment_method_ref"), rs.getBoolean("active"),
                rs.getLong("version"), PartyDetailsColumns.read(rs, json));
    }
}
