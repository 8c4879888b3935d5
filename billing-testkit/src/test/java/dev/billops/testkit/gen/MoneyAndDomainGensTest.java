package dev.billops.testkit.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ClientId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.testkit.property.Gen;
import dev.billops.testkit.property.Property;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

class MoneyAndDomainGensTest {

    @Test
    void money_anyCurrency_exactAtCurrencyScaleAndCoversZeroAndThreeDigitCurrencies() {
        Set<Integer> digitsSeen = new HashSet<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 2_000; i++) {
            Money m = MoneyGens.money().generate(random);
            assertEquals(m.currency().getDefaultFractionDigits(), m.amount().scale(), m.toString());
            digitsSeen.add(m.currency().getDefaultFractionDigits());
        }
        assertEquals(Set.of(0, 2, 3, 4), digitsSeen);
    }

    @Test
    void positiveMoney_isPositive() {
        Property.forAll(MoneyGens.positiveMoney()).tries(500).check(Money::isPositive);
    }

    @Test
    void unitPrices_withinEightDecimalsAndNotNegative() {
        Property.forAll(MoneyGens.unitPrices()).tries(500).check((UnitPrice p) -> p.amount().signum() >= 0
                && p.amount().stripTrailingZeros().scale() <= UnitPrice.MAX_SCALE);
    }

    @Test
    void ratios_alwaysAllocatable() {
        Property.forAll(MoneyGens.money(), MoneyGens.ratios()).tries(300).check((m, r) ->
                m.allocate(r).stream().map(Money::amount).reduce(java.math.BigDecimal::add).orElseThrow()
                        .compareTo(m.amount()) == 0);
    }

    @Test
    void domainRecords_manyDraws_allValid() {
        Gen<CurrencyUnit> currencies = MoneyGens.currencies();
        ClientId client = ClientId.of("c");
        Property.forAll(currencies.flatMap(c -> DomainGens.draftInvoices(client, c))).tries(300)
                .check(inv -> inv.lines().size() == inv.lineNets().size() && inv.isDraft());
        Property.forAll(currencies.flatMap(c -> DomainGens.payments(client, c))).tries(300)
                .check(p -> !p.allocated().plus(p.refunded()).isGreaterThan(p.amount()));
        Property.forAll(currencies.flatMap(c -> DomainGens.engagements(client, c))).tries(300).check(e -> true);
        Property.forAll(currencies.flatMap(c -> DomainGens.projects(client, c))).tries(300).check(p -> true);
        Property.forAll(DomainGens.clients()).tries(300).check(c -> !c.name().isBlank());
        Property.forAll(currencies.flatMap(c -> DomainGens.timeEntries(dev.billops.core.id.ProjectId.of("p"),
                dev.billops.core.id.TimekeeperId.of("t"), c))).tries(300)
                .check((TimeEntry e) -> e.duration().compareTo(TimeEntry.MAX_DURATION) <= 0
                        && e.span().start().getNano() == 0);
    }

    @Test
    void texts_includeEveryHostileText() {
        Set<String> seen = new HashSet<>();
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 3_000; i++) {
            seen.add(DomainGens.texts().generate(random));
        }
        assertTrue(seen.containsAll(DomainGens.HOSTILE_TEXTS));
    }

    @Test
    void draftInvoices_sameSeed_sameInvoice() {
        Gen<Invoice> gen = DomainGens.draftInvoices(ClientId.of("c"), dev.billops.core.money.Currencies.of("BHD"));
        assertEquals(gen.sample(99), gen.sample(99));
    }
}
