package dev.billops.core.rate;

import dev.billops.core.internal.rate.RateResolver;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class RateResolverTest {

    private static final ClientId ACME = ClientId.of("acme");
    private static final ProjectId WEB = ProjectId.of("web");
    private static final TimekeeperId ALICE = TimekeeperId.of("alice");
    private static final ActivityId DEV = ActivityId.of("dev");
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private static RateRule rule(String id, RateScope scope, String price, LocalDate from, @Nullable LocalDate to) {
        return new RateRule(RateRuleId.of(id), scope, UnitPrice.of(Currencies.of("EUR"), price), RateUnit.HOUR, from,
                to);
    }

    private static Optional<String> resolve(RateResolver r, LocalDate date) {
        return r.resolve(RateQuery.of(ACME, WEB, ALICE, DEV, date)).map(rate -> rate.ruleId().value());
    }

    @Test
    void resolve_moreSpecificScope_winsWhateverItsStart() {
        RateResolver r = RateResolver.of(List.of(
                rule("any", RateScope.any(), "50", LocalDate.of(2026, 6, 1), null),
                rule("client", RateScope.client(ACME), "80", LocalDate.of(2026, 5, 1), null),
                rule("project", RateScope.project(WEB), "100", JAN, null),
                rule("project.tk", RateScope.project(WEB).withTimekeeper(ALICE), "120", JAN, null),
                rule("project.tk.act", RateScope.project(WEB).withTimekeeper(ALICE).withActivity(DEV), "140",
                        LocalDate.of(2025, 1, 1), null)));
        assertEquals(Optional.of("project.tk.act"), resolve(r, LocalDate.of(2026, 7, 1)));
    }

    @Test
    void resolve_projectRule_beatsLaterClientRule() {
        RateResolver r = RateResolver.of(List.of(
                rule("project", RateScope.project(WEB), "100", JAN, null),
                rule("client", RateScope.client(ACME), "80", LocalDate.of(2026, 5, 1), null)));
        assertEquals(Optional.of("project"), resolve(r, LocalDate.of(2026, 7, 1)));
    }

    @Test
    void resolve_equalSpecificity_latestStartWins() {
        RateResolver r = RateResolver.of(List.of(
                rule("old", RateScope.project(WEB), "100", JAN, null),
                rule("new", RateScope.project(WEB), "110", LocalDate.of(2026, 3, 1), null),
                rule("tk", RateScope.any().withTimekeeper(ALICE).withActivity(DEV), "90", LocalDate.of(2026, 2, 1),
                        null)));
        assertEquals(Optional.of("old"), resolve(r, LocalDate.of(2026, 1, 15)));
        assertEquals(Optional.of("tk"), resolve(r, LocalDate.of(2026, 2, 15)), "timekeeper+activity ties with a "
                + "project rule (2 each) and starts later");
        assertEquals(Optional.of("new"), resolve(r, LocalDate.of(2026, 3, 15)));
    }

    @Test
    void resolve_equalSpecificityAndStart_projectOutranksTimekeeperThenSmallestId() {
        RateResolver r = RateResolver.of(List.of(
                rule("b", RateScope.any().withTimekeeper(ALICE).withActivity(DEV), "90", JAN, null),
                rule("a", RateScope.project(WEB), "100", JAN, null)));
        assertEquals(Optional.of("a"), resolve(r, JAN));
        RateResolver twins = RateResolver.of(List.of(
                rule("z", RateScope.project(WEB), "100", JAN, null),
                rule("y", RateScope.project(WEB), "101", JAN, null)));
        assertEquals(Optional.of("y"), resolve(twins, JAN));
    }

    @Test
    void resolve_effectiveRangeIsHalfOpen() {
        RateResolver r = RateResolver.of(List.of(
                rule("nov", RateScope.project(WEB), "100", LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1))));
        assertEquals(Optional.empty(), resolve(r, LocalDate.of(2026, 10, 31)));
        assertEquals(Optional.of("nov"), resolve(r, LocalDate.of(2026, 11, 1)));
        assertEquals(Optional.of("nov"), resolve(r, LocalDate.of(2026, 11, 30)));
        assertEquals(Optional.empty(), resolve(r, LocalDate.of(2026, 12, 1)));
    }

    @Test
    void resolve_scopeNamingOtherWork_neverMatches() {
        RateResolver r = RateResolver.of(List.of(
                rule("other-project", RateScope.project(ProjectId.of("app")), "100", JAN, null),
                rule("other-tk", RateScope.any().withTimekeeper(TimekeeperId.of("bob")), "100", JAN, null),
                rule("other-client", RateScope.client(ClientId.of("beta")), "100", JAN, null)));
        assertEquals(Optional.empty(), resolve(r, JAN));
        assertTrue(r.candidates(ACME, WEB, ALICE, DEV).isEmpty());
    }

    @Test
    void resolve_queryWithoutActivity_skipsActivityRules() {
        RateResolver r = RateResolver.of(List.of(
                rule("act", RateScope.project(WEB).withActivity(DEV), "150", JAN, null),
                rule("project", RateScope.project(WEB), "100", JAN, null)));
        assertEquals("project", r.resolve(new RateQuery(ACME, WEB, ALICE, null, JAN)).orElseThrow().ruleId().value());
    }

    @Test
    void of_inputOrder_doesNotMatter() {
        List<RateRule> rules = new ArrayList<>(List.of(
                rule("a", RateScope.project(WEB), "100", JAN, null),
                rule("b", RateScope.project(WEB), "110", JAN, null),
                rule("c", RateScope.client(ACME), "90", LocalDate.of(2026, 2, 1), null)));
        RateResolver forward = RateResolver.of(rules);
        Collections.reverse(rules);
        assertEquals(forward.rules(), RateResolver.of(rules).rules());
    }

    @Test
    void explicit_hasNoRule() {
        ResolvedRate explicit = ResolvedRate.explicit(UnitPrice.of(Currencies.of("EUR"), "1"), RateUnit.FIXED);
        assertTrue(explicit.isExplicit());
    }
}
