package dev.billops.benchmarks;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.spi.ClientStore;
import dev.billops.core.party.Tenant;
import dev.billops.core.spi.TenantStore;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.spi.TimekeeperStore;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.rate.RateRule;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import java.math.BigDecimal;

/** Master data through the stores: the tenant, clients c0..c(n-1), one project p(i) each with a client rate. */
final class Seeding {

    private Seeding() {
    }

    static void tenantAndClients(BillingStore store, TenantId tenant, int clients, boolean projects) {
        store.inTransaction(tenant, s -> {
            s.get(TenantStore.class).save(Tenant.of(tenant, "Bench GmbH", Workload.ADDRESS)
                    .withVatId("DE123456789")
                    .withDefaultVatRate(new BigDecimal("19")));
            for (int t = 0; t < Workload.TIMEKEEPERS; t++) {
                s.get(TimekeeperStore.class).insert(Timekeeper.of(TimekeeperId.of("tk" + t), "Timekeeper " + t));
            }
            return null;
        });
        for (int from = 0; from < clients; from += 1_000) {
            int start = from;
            store.inTransaction(tenant, s -> {
                ClientStore cs = s.get(ClientStore.class);
                for (int c = start; c < Math.min(clients, start + 1_000); c++) {
                    ClientId id = ClientId.of("c" + c);
                    cs.insert(Client.of(id, "Client " + c, Workload.ADDRESS, Workload.EUR));
                    if (projects) {
                        Project p = Project.of(ProjectId.of("p" + c), id, "Project " + c);
                        if (c % 2 == 1) {
                            p = p.withRounding(DurationRounding.ofMinutes(6, RoundingDirection.UP),
                                    RoundingScope.PER_ENTRY);
                        }
                        s.get(ProjectStore.class).insert(p);
                        s.get(RateRuleStore.class).insert(new RateRule(RateRuleId.of("r" + c), RateScope.client(id),
                                UnitPrice.of(Workload.EUR, BigDecimal.valueOf(80 + c % 7 * 10)), RateUnit.HOUR,
                                Workload.RULES_FROM, null));
                    }
                }
                return null;
            });
        }
    }
}
