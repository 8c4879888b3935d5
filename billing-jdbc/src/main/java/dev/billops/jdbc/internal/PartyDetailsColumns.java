package dev.billops.jdbc.internal;

import dev.billops.core.party.PartyDetails;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.Update;

/** The columns (V7) of a tenant's or client's {@link PartyDetails}, the same on both tables. */
final class PartyDetailsColumns {

    private static final List<String> NAMES = List.of("trading_name", "party_identifier", "party_identifier_scheme",
            "legal_registration_id", "legal_registration_scheme", "tax_registration_id", "legal_info",
            "electronic_address", "electronic_address_scheme", "contact_name", "contact_phone", "contact_email",
            "country_subdivision", "buyer_reference", "exemption_reason_code");

    /** {@code , a, b, …} for an INSERT's column list. */
    static final String COLUMNS = ", " + String.join(", ", NAMES);
    /** {@code , :pd_a, :pd_b, …} for an INSERT's values. */
    static final String VALUES = ", :pd_" + String.join(", :pd_", NAMES);
    /** {@code , a = :pd_a, …} for an UPDATE's SET. */
    static final String SET;

    static {
        StringBuilder set = new StringBuilder();
        for (String n : NAMES) {
            set.append(", ").append(n).append(" = :pd_").append(n);
        }
        SET = set.toString();
    }

    private PartyDetailsColumns() {
    }

    static Update bind(Update u, PartyDetails d) {
        String[] values = {d.tradingName(), d.identifier(), d.identifierScheme(), d.legalRegistrationId(),
            d.legalRegistrationScheme(), d.taxRegistrationId(), d.legalInfo(), d.electronicAddress(),
            d.electronicAddressScheme(), d.contactName(), d.contactPhone(), d.contactEmail(), d.countrySubdivision(),
            d.buyerReference(), d.exemptionReasonCode()};
        for (int i = 0; i < values.length; i++) {
            u.bind("pd_" + NAMES.get(i), values[i]);
        }
        return u;
    }

    static PartyDetails read(ResultSet rs) throws SQLException {
        return new PartyDetails(rs.getString("trading_name"), rs.getString("party_identifier"),
                rs.getString("party_identifier_scheme"), rs.getString("legal_registration_id"),
                rs.getString("legal_registration_scheme"), rs.getString("tax_registration_id"),
                rs.getString("legal_info"), rs.getString("electronic_address"),
                rs.getString("electronic_address_scheme"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("contact_email"), rs.getString("country_subdivision"), rs.getString("buyer_reference"),
                rs.getString("exemption_reason_code"));
    }
}
