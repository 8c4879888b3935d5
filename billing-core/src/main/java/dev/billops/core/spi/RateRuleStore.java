package dev.billops.core.spi;

import dev.billops.core.rate.RateRule;
import dev.billops.core.id.RateRuleId;
import java.util.List;
import java.util.Optional;

/** Port: rate rules of the session tenant. {@code insert} rejects a known id with {@code DuplicateKeyException}. */
public interface RateRuleStore {

    void insert(RateRule rule);

    /** Replaces a rule (e.g. to close its effective range). Issued invoices keep their copied rate. */
    void update(RateRule rule);

    void delete(RateRuleId id);

    Optional<RateRule> find(RateRuleId id);

    /** All rules ordered by id. */
    List<RateRule> list();
}
