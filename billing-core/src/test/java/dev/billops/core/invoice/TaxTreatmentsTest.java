package dev.billops.core.invoice;

import dev.billops.core.internal.invoice.TaxTreatments;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TaxTreatmentsTest {

    private static TaxTreatment forProfile(TaxProfile profile, String reason) {
        Client c = GenFixture.ACME.withVatId("ATU12345678").withTaxProfile(profile, reason);
        return TaxTreatments.forLine(GenFixture.TENANT, c, GenFixture.WEB);
    }

    @Test
    void forLine_standard_projectRateElseTenantRate() {
        assertEquals(TaxTreatment.standard(new BigDecimal("19")),
                TaxTreatments.forLine(GenFixture.TENANT, GenFixture.ACME, GenFixture.WEB));
        assertEquals(TaxTreatment.standard(new BigDecimal("7")),
                TaxTreatments.forLine(GenFixture.TENANT, GenFixture.ACME, GenFixture.APP));
        assertEquals(TaxCategory.Z, TaxTreatments.forLine(GenFixture.TENANT, GenFixture.ACME,
                GenFixture.WEB.withVatRate(BigDecimal.ZERO)).category());
    }

    @Test
    void forLine_otherProfiles_mapToTheirCategories() {
        assertEquals(TaxTreatment.exempt("§ 4 Nr. 21 UStG"), forProfile(TaxProfile.EXEMPT, "§ 4 Nr. 21 UStG"));
        assertEquals(TaxTreatment.exempt(TaxTreatments.DEFAULT_EXEMPTION_REASON), forProfile(TaxProfile.EXEMPT, null));
        assertEquals(TaxTreatment.reverseCharge(), forProfile(TaxProfile.REVERSE_CHARGE, null));
        assertEquals(TaxTreatment.intraCommunity(), forProfile(TaxProfile.INTRA_COMMUNITY, null));
        assertEquals(TaxTreatment.export(), forProfile(TaxProfile.EXPORT, null));
        assertEquals(TaxTreatment.outOfScope(TaxTreatments.DEFAULT_OUT_OF_SCOPE_REASON),
                forProfile(TaxProfile.OUT_OF_SCOPE, " "));
    }
}
