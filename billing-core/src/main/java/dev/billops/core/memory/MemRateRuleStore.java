package dev.billops.core.memory;

import dev.billops.core.id.RateRuleId;
import dev.billops.core.rate.RateRule;
import dev.billops.core.spi.RateRuleStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

final class MemRateRuleStore implements RateRuleStore {

    private static final String KIND = "rate rule";

    private final Session session;

    MemRateRuleStore(Session session) {
        this.session = session;
    }

    @Override
    public void insert(RateRule rule) {
        Objects.requireNonNull(rule, "rule");
        Table<RateRuleId, RateRule> t = session.state().rateRules;
        t.requireAbsent(rule.id(), KIND);
        t.put(rule);
    }

    @Override
    public void update(RateRule rule) {
        Objects.requireNonNull(rule, "rule");
        Table<RateRuleId, RateRule> t = session.state().rateRules;
        t.require(rule.id(), KIND);
        t.put(rule);
    }

    @Override
    public void delete(RateRuleId id) {
        Objects.requireNonNull(id, "id");
        Table<RateRuleId, RateRule> t = session.state().rateRules;
        t.require(id, KIND);
        t.remove(id);
    }

    @Override
    public Optional<RateRule> find(RateRuleId id) {
        Objects.requireNonNull(id, "id");
        return session.state().rateRules.find(id);
    }

    @Override
    public List<RateRule> list() {
        return session.state().rateRules.list();
    }
}
