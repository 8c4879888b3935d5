package dev.billops.core.invoice;

import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ADDRESS;
import static dev.billops.core.timeentry.TimeBillingFixture.APP;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.tax.TaxCategory;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.timeentry.TimeBillingFixture;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Manual lines on drafts take their tax treatment from the client's tax profile unless the host
 * overrides it, and a standard-rated line for a reverse-charge client (both VAT ids known) is
 * refused, when added and when issued.
 */
class ManualLineTaxTest {

    private static final ClientId RC = ClientId.of("rc");

    private static TimeBillingFixture withReverseChargeClient() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.clients().create(Client.of(RC, "Client SARL", ADDRESS, EUR)
                .withVatId("FR12345678901").withTaxProfile(TaxProfile.REVERSE_CHARGE));
        return f;
    }

    private static ManualLine consulting() {
        return ManualLine.of("Consulting", BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(EUR, "1000"));
    }

    @Test
    void addLine_manualLineForReverseChargeClient_derivesReverseChargeAndIssuesWithoutVat() {
        TimeBillingFixture f = withReverseChargeClient();
        Invoice draft = f.firm.invoices().createDraft(RC);
        Invoice withLine = f.firm.invoices().addLine(draft.id(), consulting());
        assertEquals(TaxTreatment.reverseCharge(), withLine.lines().get(0).tax());
        Invoice issued = f.firm.invoices().issue(draft.id());
        assertEquals(Money.of(EUR, "0.00"), issued.totals().taxTotal());
        assertEquals(Money.of(EUR, "1000.00"), issued.totals().payable());
    }

    @Test
    void addLine_manualLineForStandardClient_takesTheTenantRateOrTheProjectRate() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice draft = f.firm.invoices().createDraft(ACME);
        Invoice one = f.firm.invoices().addLine(draft.id(), consulting());
        assertEquals(TaxTreatment.standard(new BigDecimal("19")), one.lines().get(0).tax());
        Invoice two = f.firm.invoices().addLine(draft.id(), consulting().forProject(APP));
        assertEquals(TaxTreatment.standard(new BigDecimal("7")), two.lines().get(1).tax());
        assertEquals(APP, two.lines().get(1).projectId());
    }

    @Test
    void addLine_standardRatedLineForReverseChargeClient_throwsAndStoresNothing() {
        TimeBillingFixture f = withReverseChargeClient();
        Invoice draft = f.firm.invoices().createDraft(RC);
        StoreSnapshot before = f.snapshot();
        InvoiceLine vat19 = InvoiceLine.of("Consulting", BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(EUR, "1000"),
                TaxTreatment.standard(new BigDecimal("19")));
        TaxTreatmentContradictsClientException e = assertThrows(TaxTreatmentContradictsClientException.class,
                () -> f.firm.invoices().addLine(draft.id(), vat19));
        assertEquals(RC, e.clientId());
        assertEquals(TaxCategory.S, e.category());
        assertEquals(before, f.snapshot());
        assertThrows(TaxTreatmentContradictsClientException.class, () -> f.firm.invoices().addLine(draft.id(),
                consulting().withTax(TaxTreatment.standard(new BigDecimal("19")))));
        assertEquals(before, f.snapshot());
    }

    @Test
    void addLine_explicitOverrideThatDoesNotContradict_isKept() {
        TimeBillingFixture f = withReverseChargeClient();
        Invoice draft = f.firm.invoices().createDraft(RC);
        TaxTreatment exempt = TaxTreatment.exempt("Training, exempt under national law");
        Invoice withLine = f.firm.invoices().addLine(draft.id(), consulting().withTax(exempt));
        assertEquals(exempt, withLine.lines().get(0).tax());
    }

    @Test
    void issue_clientTurnedReverseChargeAfterAStandardLineWasAdded_throwsAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        Invoice draft = f.firm.invoices().createDraft(ACME);
        f.firm.invoices().addLine(draft.id(), consulting());
        f.firm.clients().update(f.firm.clients().get(ACME).withVatId("ATU12345678")
                .withTaxProfile(TaxProfile.REVERSE_CHARGE));
        StoreSnapshot before = f.snapshot();
        assertThrows(TaxTreatmentContradictsClientException.class, () -> f.firm.invoices().issue(draft.id()));
        assertEquals(before, f.snapshot());
    }
}
