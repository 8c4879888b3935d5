package dev.billops.examples.cli;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.TenantId;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.payment.AgingReport;
import dev.billops.jdbc.JdbcBillingStore;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code aging}: the accounts-receivable aging table of each tenant at a date. */
@Command(name = "aging", mixinStandardHelpOptions = true,
        description = "Prints the AR aging (current, 1-30, 31-60, 61-90, 90+ days past due) per client and currency.")
final class AgingCommand implements Callable<Integer> {

    @Spec
    @Nullable CommandSpec spec;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = LocalDateConverter.class,
            description = "the date the ages are measured at (default: today)")
    @Nullable LocalDate date;

    @Option(names = "--tenant", paramLabel = "ID", converter = IdConverter.Tenant.class,
            description = "only this tenant (default: every tenant)")
    @Nullable String tenant;

    @Override
    public Integer call() {
        PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
        LocalDate asOf = date != null ? date : LocalDate.now();
        try (JdbcBillingStore store = db.open()) {
            List<TenantId> tenants = tenant == null ? store.tenantIds()
                    : List.of(DatabaseOptions.tenant(store, tenant, db.describe()));
            if (tenants.isEmpty()) {
                out.println(db.describe() + " has no tenants yet; run `demo` first");
            }
            Billing billing = Billing.builder().stores(store).build();
            for (TenantId id : tenants) {
                TenantBilling t = billing.tenant(id, Actor.system("aging"));
                AgingReport report = t.receivables().aging(asOf);
                Map<ClientId, String> names = t.clients().list().stream()
                        .collect(Collectors.toMap(Client::id, Client::name));
                out.printf(Locale.ROOT, "AR aging of tenant %s as of %s:%n", id.value(), asOf);
                Text.agingTable(out, report, names);
                out.println();
            }
        }
        out.flush();
        return BillOpsCli.EXIT_OK;
    }
}
