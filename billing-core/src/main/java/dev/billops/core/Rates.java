package dev.billops.core;

import dev.billops.core.error.NotFoundException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.spi.ActivityStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.rate.InconsistentRateScopeException;
import dev.billops.core.rate.RateQuery;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.rate.RateRule;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.ResolvedRate;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.internal.TenantScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The tenant's rate rules, and rate lookups by the same precedence that invoice generation uses
 * ({@link RateResolver}).
 *
 * <p>Before writing: every client, project, timekeeper and activity the scope names must exist
 * ({@link NotFoundException}); a scope naming both a client and a project must name the project's
 * client ({@link InconsistentRateScopeException}); a rule scoped to a client or project must be
 * priced in that client's currency ({@link CurrencyMismatchException}). Rule changes never alter
 * issued invoices: their lines carry a copy of the rate.
 *
 * <p>Thread-safe; obtain it from {@code TenantBilling.rates()}.
 */
public final class Rates {

    private final TenantScope scope;

    Rates(TenantScope scope) {
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /** Stores a new rule; a known id throws {@code DuplicateKeyException}. */
    public RateRule create(RateRule rule) {
        Objects.requireNonNull(rule, "rule");
        return scope.tx(session -> {
            check(session, rule);
            session.get(RateRuleStore.class).insert(rule);
            scope.audit(session, "rate.create", "rate_rule", rule.id().value(), null, rule);
            return rule;
        });
    }

    /**
     * Replaces a rule.
     *
     * @throws NotFoundException if no rule has its id
     */
    public RateRule update(RateRule rule) {
        Objects.requireNonNull(rule, "rule");
        return scope.tx(session -> {
            RateRuleStore store = session.get(RateRuleStore.class);
            RateRule before = store.find(rule.id())
                    .orElseThrow(() -> new NotFoundException("rate rule", rule.id().value()));
            check(session, rule);
            store.update(rule);
            scope.audit(session, "rate.update", "rate_rule", rule.id().value(), before, rule);
            return rule;
        });
    }

    /**
     * Ends a rule: it no longer applies from {@code effectiveTo} on. The usual way to change a
     * price from a date is to end the old rule there and create a new one starting there.
     *
     * @throws NotFoundException if no rule has that id
     * @throws dev.billops.core.error.InvalidInputException if {@code effectiveTo} is not after the rule's start
     */
    public RateRule endOn(RateRuleId id, LocalDate effectiveTo) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        return scope.tx(session -> {
            RateRuleStore store = session.get(RateRuleStore.class);
            RateRule before = store.find(id).orElseThrow(() -> new NotFoundException("rate rule", id.value()));
            RateRule after = new RateRule(id, before.scope(), before.price(), before.unit(), before.effectiveFrom(),
                    effectiveTo);
            store.update(after);
            scope.audit(session, "rate.end", "rate_rule", id.value(), before, after);
            return after;
        });
    }

    /**
     * Deletes a rule.
     *
     * @throws NotFoundException if no rule has that id
     */
    public void delete(RateRuleId id) {
        Objects.requireNonNull(id, "id");
        scope.tx(session -> {
            RateRuleStore store = session.get(RateRuleStore.class);
            RateRule before = store.find(id).orElseThrow(() -> new NotFoundException("rate rule", id.value()));
            store.delete(id);
            scope.audit(session, "rate.delete", "rate_rule", id.value(), before, null);
            return null;
        });
    }

    public Optional<RateRule> find(RateRuleId id) {
        Objects.requireNonNull(id, "id");
        return scope.tx(session -> session.get(RateRuleStore.class).find(id));
    }

    /** All rules, ordered by id. */
    public List<RateRule> list() {
        return scope.tx(session -> session.get(RateRuleStore.class).list());
    }

    /** The rate in force for {@code query} (no explicit entry rate considered), or empty. */
    public Optional<ResolvedRate> resolve(RateQuery query) {
        Objects.requireNonNull(query, "query");
        return RateResolver.of(list()).resolve(query);
    }

    private static void check(StoreSession session, RateRule rule) {
        RateScope s = rule.scope();
        ClientId clientId = s.clientId();
        Client client = null;
        if (clientId != null) {
            client = session.get(ClientStore.class).find(clientId)
                    .orElseThrow(() -> new NotFoundException("client", clientId.value()));
        }
        if (s.projectId() != null) {
            Project project = session.get(ProjectStore.class).find(s.projectId())
                    .orElseThrow(() -> new NotFoundException("project", s.projectId().value()));
            if (clientId != null && !clientId.equals(project.clientId())) {
                throw new InconsistentRateScopeException(rule.id(), clientId, project.id(), project.clientId());
            }
            if (client == null) {
                client = session.get(ClientStore.class).find(project.clientId())
                        .orElseThrow(() -> new NotFoundException("client", project.clientId().value()));
            }
        }
        if (s.timekeeperId() != null && session.get(TimekeeperStore.class).find(s.timekeeperId()).isEmpty()) {
            throw new NotFoundException("timekeeper", s.timekeeperId().value());
        }
        if (s.activityId() != null && session.get(ActivityStore.class).find(s.activityId()).isEmpty()) {
            throw new NotFoundException("activity", s.activityId().value());
        }
        if (client != null && !client.currency().getCurrencyCode().equals(rule.price().currencyCode())) {
            throw new CurrencyMismatchException(client.currency().getCurrencyCode(), rule.price().currencyCode(),
                    "rate rule " + rule.id() + " for client " + client.id());
        }
    }
}
