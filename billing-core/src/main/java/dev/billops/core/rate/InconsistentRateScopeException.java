package dev.billops.core.rate;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import java.util.Objects;

/**
 * A rate rule's scope names a client and a project of another client, so it could never match.
 * Nothing was stored.
 */
public final class InconsistentRateScopeException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final RateRuleId ruleId;

    public InconsistentRateScopeException(RateRuleId ruleId, ClientId client, ProjectId project, ClientId owner) {
        super("rate rule " + Objects.requireNonNull(ruleId, "ruleId") + " names client " + client + " and project "
                + project + ", which belongs to client " + owner);
        this.ruleId = ruleId;
    }

    public RateRuleId ruleId() {
        return ruleId;
    }
}
