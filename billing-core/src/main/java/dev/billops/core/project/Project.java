package dev.billops.core.project;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.money.DecimalBounds;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingScope;
import java.math.BigDecimal;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Work done for one client.
 *
 * @param id project id
 * @param clientId the client billed for it
 * @param name display name
 * @param code short code used to map calendar events (e.g. {@code "ACME-WEB"}), or null
 * @param status lifecycle state
 * @param budget budget, or null
 * @param rounding how billed durations are rounded (raw times are never changed)
 * @param roundingScope whether rounding applies per entry or per day and project
 * @param billableByDefault default billable flag for new entries
 * @param vatRate VAT rate in per cent for this project's lines, or null for the tenant default
 * @param version optimistic-locking version, managed by the store
 */
public record Project(
        ProjectId id,
        ClientId clientId,
        String name,
        @Nullable String code,
        ProjectStatus status,
        @Nullable Budget budget,
        DurationRounding rounding,
        RoundingScope roundingScope,
        boolean billableByDefault,
        @Nullable BigDecimal vatRate,
        long version) {

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(rounding, "rounding");
        Objects.requireNonNull(roundingScope, "roundingScope");
        Text.require("project name", name, 1000);
        Text.optional("project code", code, 200);
        if (vatRate != null) {
            vatRate = DecimalBounds.require("project VAT rate", vatRate, 3, DecimalBounds.MAX_SCALE);
        }
        if (name.isBlank()) {
            throw new InvalidInputException("project " + id + ": name is blank");
        }
        if (vatRate != null && (vatRate.signum() < 0 || vatRate.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            throw new InvalidInputException("project " + id + ": VAT rate " + vatRate.toPlainString()
                    + " % is outside 0..100");
        }
    }

    /** A new project (fresh id) of {@code clientId}: active, billable, no rounding, no budget. */
    public static Project of(ClientId clientId, String name) {
        return of(ProjectId.generate(), clientId, name);
    }

    /** An active, billable project with no rounding and no budget. */
    public static Project of(ProjectId id, ClientId clientId, String name) {
        return new Project(id, clientId, name, null, ProjectStatus.ACTIVE, null, DurationRounding.none(),
                RoundingScope.PER_ENTRY, true, null, 0);
    }

    public Project withCode(@Nullable String code) {
        return new Project(id, clientId, name, code, status, budget, rounding, roundingScope, billableByDefault,
                vatRate, version);
    }

    public Project withRounding(DurationRounding rounding, RoundingScope scope) {
        return new Project(id, clientId, name, code, status, budget, rounding, scope, billableByDefault, vatRate,
                version);
    }

    public Project withBudget(@Nullable Budget budget) {
        return new Project(id, clientId, name, code, status, budget, rounding, roundingScope, billableByDefault,
                vatRate, version);
    }

    public Project withStatus(ProjectStatus status) {
        return new Project(id, clientId, name, code, status, budget, rounding, roundingScope, billableByDefault,
                vatRate, version);
    }

    public Project withVatRate(@Nullable BigDecimal vatRate) {
        return new Project(id, clientId, name, code, status, budget, rounding, roundingScope, billableByDefault,
                vatRate, version);
    }

    public Project withVersion(long version) {
        return new Project(id, clientId, name, code, status, budget, rounding, roundingScope, billableByDefault,
                vatRate, version);
    }
}
