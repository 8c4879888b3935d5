package dev.billops.jdbc.internal;

import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.Payee;
import dev.billops.core.party.TaxRepresentative;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.statement.Update;
import org.jspecify.annotations.Nullable;

/**
 * The columns (V7) of a tenant's or client's {@link PartyDetails}, the same on both tables; its
 * nested parts (payee, tax representative, creditor id, debited account, deliver-to) are one JSON
 * text (V11), null when all are absent.
 */
final class PartyDetailsColumns {

    private static final List<String> NAMES = List.of("trading_name", "party_identifier", "party_identifier_scheme",
            "legal_registration_id", "legal_registration_scheme", "tax_registration_id", "legal_info",
            "electronic_address", "electronic_address_scheme", "contact_name", "contact_phone", "contact_email",
            "country_subdivision", "buyer_reference", "exemption_reason_code", "party_terms");

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

    /** The JSON form of the nested parts of a {@link PartyDetails}. */
    record TermsRow(@Nullable Payee payee, @Nullable TaxRepresentative taxRepresentative, @Nullable String creditorId,
            @Nullable String debitedAccount, @Nullable DeliverTo deliverTo) {
    }

    static Update bind(Update u, PartyDetails d, JsonCodec json) {
        TermsRow terms = new TermsRow(d.payee(), d.taxRepresentative(), d.creditorId(), d.debitedAccount(),
                d.deliverTo());
        String[] values = {d.tradingName(), d.identifier(), d.identifierScheme(), d.legalRegistrationId(),
            d.legalRegistrationScheme(), d.taxRegistrationId(), d.legalInfo(), d.electronicAddress(),
            d.electronicAddressScheme(), d.contactName(), d.contactPhone(), d.contactEmail(), d.countrySubdivision(),
            d.buyerReference(), d.exemptionReasonCode(),
            terms.equals(new TermsRow(null, null, null, null, null)) ? null : json.write(terms)};
        for (int i = 0; i < values.length; i++) {
            u.bind("pd_" + NAMES.get(i), values[i]);
        }
        return u;
    }

    static PartyDetails read(ResultSet rs, JsonCodec json) throws SQLException {
        String text = rs.getString("party_terms");
        TermsRow t = text == null ? new TermsRow(null, null, null, null, null) : json.read(text, TermsRow.class);
        return new PartyDetails(rs.getString("trading_name"), rs.getString("party_identifier"),
                rs.getString("party_identifier_scheme"), rs.getString("legal_registration_id"),
                rs.getString("legal_registration_scheme"), rs.getString("tax_registration_id"),
                rs.getString("legal_info"), rs.getString("electronic_address"),
                rs.getString("electronic_address_scheme"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("contact_email"), rs.getString("country_subdivision"), rs.getString("buyer_reference"),
                rs.getString("exemption_reason_code"), t.payee(), t.taxRepresentative(), t.creditorId(),
                t.debitedAccount(), t.deliverTo());
    }
}
