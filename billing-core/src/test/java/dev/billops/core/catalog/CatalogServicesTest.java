package dev.billops.core.catalog;

import dev.billops.core.project.ProjectMovedException;
import static dev.billops.core.timeentry.TimeBillingFixture.ACME;
import static dev.billops.core.timeentry.TimeBillingFixture.ADDRESS;
import static dev.billops.core.timeentry.TimeBillingFixture.ALICE;
import static dev.billops.core.timeentry.TimeBillingFixture.EUR;
import static dev.billops.core.timeentry.TimeBillingFixture.WEB;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Budget;
import dev.billops.core.project.Project;
import dev.billops.core.rate.InconsistentRateScopeException;
import dev.billops.core.rate.RateQuery;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.timeentry.TimeBillingFixture;
import dev.billops.core.memory.StoreSnapshot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class CatalogServicesTest {

    private static <T extends BillingException> T rejectsAndStoresNothing(TimeBillingFixture f, Class<T> type,
            Supplier<?> action) {
        StoreSnapshot before = f.snapshot();
        T e = assertThrows(type, action::get);
        assertEquals(before, f.snapshot(), "nothing stored after " + e.getMessage());
        return e;
    }

    private static RateRule rule(String id, RateScope scope, UnitPrice price) {
        return new RateRule(RateRuleId.of(id), scope, price, RateUnit.HOUR, LocalDate.of(2026, 1, 1), null);
    }

    @Test
    void create_everyKind_storedAndAudited() {
        TimeBillingFixture f = new TimeBillingFixture();
        assertEquals("Website", f.firm.projects().get(WEB).name());
        assertEquals(2, f.firm.projects().listByClient(ACME).size());
        assertEquals("Alice", f.firm.timekeepers().get(ALICE).name());
        assertEquals(2, f.firm.activities().list().size());
        assertEquals(2, f.firm.rates().list().size());
        assertEquals("Firm GmbH", f.firm.profile().get().name());
        long creations = f.memory.auditRecords(TimeBillingFixture.FIRM).stream()
                .filter(r -> r.action().endsWith(".create")).count();
        assertEquals(10, creations, "tenant, client, 2 projects, 2 timekeepers, 2 activities, 2 rules");
    }

    @Test
    void create_duplicates_throwDuplicateKeyAndStoreNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        rejectsAndStoresNothing(f, DuplicateKeyException.class,
                () -> f.firm.clients().create(Client.of(ACME, "Again", ADDRESS, EUR)));
        rejectsAndStoresNothing(f, DuplicateKeyException.class,
                () -> f.firm.timekeepers().create(Timekeeper.of(ALICE, "Again")));
        rejectsAndStoresNothing(f, DuplicateKeyException.class,
                () -> f.firm.activities().create(Activity.of(ActivityId.of("dev"), "Again")));
    }

    @Test
    void project_invalid_throwsAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        rejectsAndStoresNothing(f, NotFoundException.class,
                () -> f.firm.projects().create(Project.of(ProjectId.of("x"), ClientId.of("ghost"), "X")));
        rejectsAndStoresNothing(f, CurrencyMismatchException.class, () -> f.firm.projects().create(
                Project.of(ProjectId.of("x"), ACME, "X").withBudget(new Budget(null, Money.of("USD", "10.00"),
                        Budget.Period.TOTAL))));
        f.firm.clients().create(Client.of(ClientId.of("beta"), "Beta", ADDRESS, EUR));
        Project moved = new Project(WEB, ClientId.of("beta"), "Website", null,
                dev.billops.core.project.ProjectStatus.ACTIVE, null, dev.billops.core.time.DurationRounding.none(),
                dev.billops.core.time.RoundingScope.PER_ENTRY, true, null, f.firm.projects().get(WEB).version());
        ProjectMovedException e = rejectsAndStoresNothing(f, ProjectMovedException.class,
                () -> f.firm.projects().update(moved));
        assertEquals(ACME, e.from());
        rejectsAndStoresNothing(f, NotFoundException.class,
                () -> f.firm.projects().update(Project.of(ProjectId.of("ghost"), ACME, "G")));
    }

    @Test
    void rateRule_invalid_throwsAndStoresNothing() {
        TimeBillingFixture f = new TimeBillingFixture();
        UnitPrice eur = UnitPrice.of(EUR, "90");
        rejectsAndStoresNothing(f, NotFoundException.class,
                () -> f.firm.rates().create(rule("x", RateScope.project(ProjectId.of("ghost")), eur)));
        rejectsAndStoresNothing(f, NotFoundException.class, () -> f.firm.rates().create(
                rule("x", RateScope.any().withTimekeeper(TimekeeperId.of("ghost")), eur)));
        rejectsAndStoresNothing(f, NotFoundException.class, () -> f.firm.rates().create(
                rule("x", RateScope.any().withActivity(ActivityId.of("ghost")), eur)));
        rejectsAndStoresNothing(f, CurrencyMismatchException.class, () -> f.firm.rates().create(
                rule("x", RateScope.project(WEB), UnitPrice.of(Currencies.of("USD"), "90"))));
        f.firm.clients().create(Client.of(ClientId.of("beta"), "Beta", ADDRESS, EUR));
        rejectsAndStoresNothing(f, InconsistentRateScopeException.class, () -> f.firm.rates().create(
                rule("x", new RateScope(ClientId.of("beta"), WEB, null, null), eur)));
        rejectsAndStoresNothing(f, DuplicateKeyException.class,
                () -> f.firm.rates().create(rule("web-rate", RateScope.project(WEB), eur)));
        rejectsAndStoresNothing(f, InvalidInputException.class,
                () -> f.firm.rates().endOn(RateRuleId.of("web-rate"), LocalDate.of(2025, 1, 1)));
        rejectsAndStoresNothing(f, NotFoundException.class, () -> {
            f.firm.rates().delete(RateRuleId.of("ghost"));
            return null;
        });
    }

    @Test
    void rateRule_endAndReplace_resolvesByDate() {
        TimeBillingFixture f = new TimeBillingFixture();
        f.firm.rates().endOn(RateRuleId.of("web-rate"), LocalDate.of(2026, 11, 16));
        f.firm.rates().create(new RateRule(RateRuleId.of("web-new"), RateScope.project(WEB), UnitPrice.of(EUR, "110"),
                RateUnit.HOUR, LocalDate.of(2026, 11, 16), null));
        assertEquals(new BigDecimal("100.00"), f.firm.rates().resolve(RateQuery.of(ACME, WEB, ALICE, null,
                LocalDate.of(2026, 11, 15))).orElseThrow().price().amount());
        assertEquals(RateRuleId.of("web-new"), f.firm.rates().resolve(RateQuery.of(ACME, WEB, ALICE, null,
                LocalDate.of(2026, 11, 16))).orElseThrow().ruleId());
    }

    @Test
    void profile_ofOtherTenant_isRejected() {
        TimeBillingFixture f = new TimeBillingFixture();
        rejectsAndStoresNothing(f, InvalidInputException.class, () -> f.firm.profile().save(
                Tenant.of(TenantId.of("other"), "Other", ADDRESS).withDefaultVatRate(BigDecimal.TEN)));
    }
}
