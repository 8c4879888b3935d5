package dev.billops.examples.spring;

import static dev.billops.examples.spring.Requests.required;

import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.examples.spring.Requests.PackageRunBody;
import dev.billops.micrometer.BillingMeters;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.runtime.PluginRegistry;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Package (retainer) runs of the caller's tenant, and the health of the plugins. */
@RestController
public class OperationsController {

    private final Callers callers;
    private final PluginRegistry plugins;
    private final @Nullable BillingMeters meters;

    public OperationsController(Callers callers, PluginRegistry plugins, ObjectProvider<BillingMeters> meters) {
        this.callers = callers;
        this.plugins = plugins;
        this.meters = meters.getIfUnique();
    }

    /** What the package run for the date would issue, storing nothing. */
    @PostMapping("/api/package-runs/dry-run")
    public PackageRunResult dryRun(@RequestBody PackageRunBody body) {
        return run(body, true);
    }

    /** Runs the package billing of the caller's tenant for the date; idempotent per engagement and period. */
    @PostMapping("/api/package-runs")
    public PackageRunResult run(@RequestBody PackageRunBody body) {
        return run(body, false);
    }

    @GetMapping("/api/plugins/health")
    public Map<String, PluginHealth> pluginHealth() {
        return plugins.health();
    }

    private PackageRunResult run(PackageRunBody body, boolean dryRun) {
        var date = required(body.date(), "date");
        var tenant = callers.billing();
        PackageRunOptions options = PackageRunOptions.all().forTenant(callers.tenantId()).dryRun(dryRun);
        return meters != null ? meters.timePackageRun(dryRun, () -> tenant.packages().run(date, options))
                : tenant.packages().run(date, options);
    }
}
