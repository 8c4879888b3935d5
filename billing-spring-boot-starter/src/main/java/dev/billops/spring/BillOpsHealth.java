package dev.billops.spring;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.runtime.PluginRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Actuator health of BillOps: one indicator per plugin, from {@link PluginHealth} (UP, {@link #DEGRADED},
 * DOWN), and one for the outbox backlog.
 *
 * <p>{@code DEGRADED} is not one of Spring's built-in statuses: to have it count in the aggregate,
 * list it in {@code management.endpoint.health.status.order}, e.g.
 * {@code DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN}.
 */
public final class BillOpsHealth {

    /** A plugin whose calls fail but may recover, or an outbox that is falling behind. */
    public static final Status DEGRADED = new Status("DEGRADED", "working, with failures");

    private BillOpsHealth() {
    }

    /** One health indicator per plugin of the registry, named by plugin id. */
    public static CompositeHealthContributor plugins(PluginRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Map<String, HealthIndicator> byId = new LinkedHashMap<>();
        for (String id : registry.ids()) {
            byId.put(id, () -> registry.health(id).map(BillOpsHealth::of)
                    .orElseGet(() -> Health.unknown().withDetail("message", "plugin " + id + " is gone").build()));
        }
        return CompositeHealthContributor.fromMap(byId);
    }

    /** The health of one plugin: its status, message, consecutive failures and the last failure. */
    public static Health of(PluginHealth h) {
        Status status = switch (h.status()) {
            case UP -> Status.UP;
            case DEGRADED -> DEGRADED;
            case DOWN -> Status.DOWN;
        };
        Health.Builder b = Health.status(status).withDetail("message", h.message())
                .withDetail("consecutiveFailures", h.consecutiveFailures());
        if (h.lastFailure() != null) {
            b.withDetail("lastFailure", h.lastFailure());
        }
        if (h.lastFailureAt() != null) {
            b.withDetail("lastFailureAt", h.lastFailureAt().toString());
        }
        return b.build();
    }

    /**
     * The outbox: UP with the number of undelivered events, {@link #DEGRADED} above {@code warning}
     * of them, DOWN if the number cannot be read.
     */
    public static HealthIndicator outbox(JdbcBillingStore store, long warning) {
        Objects.requireNonNull(store, "store");
        return () -> {
            long backlog;
            try {
                backlog = store.outbox().pendingCount();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
            }
            return Health.status(backlog > warning ? DEGRADED : Status.UP).withDetail("backlog", backlog)
                    .withDetail("warning", warning).build();
        };
    }
}
