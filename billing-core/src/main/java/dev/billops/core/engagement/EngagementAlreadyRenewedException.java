package dev.billops.core.engagement;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.EngagementId;
import java.util.Objects;

/** An engagement that was already renewed was asked to be renewed or ended again; its renewal is the one to change. */
public final class EngagementAlreadyRenewedException extends InvalidInputException {

    private static final long serialVersionUID = 1L;

    private final EngagementId engagementId;
    private final EngagementId renewalId;

    public EngagementAlreadyRenewedException(EngagementId engagementId, EngagementId renewalId) {
        super("engagement " + Objects.requireNonNull(engagementId, "engagementId") + " was already renewed by "
                + Objects.requireNonNull(renewalId, "renewalId") + "; renew or end " + renewalId + " instead");
        this.engagementId = engagementId;
        this.renewalId = renewalId;
    }

    /** The engagement that was renewed. */
    public EngagementId engagementId() {
        return engagementId;
    }

    /** The engagement that renews it. */
    public EngagementId renewalId() {
        return renewalId;
    }
}
