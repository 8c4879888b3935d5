package dev.billops.spring;

import dev.billops.core.Billing;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.micrometer.BillingMeters;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * {@link BillingMeters} when the application has a {@link MeterRegistry}: Spring Boot binds it to the
 * registry as a {@code MeterBinder}, the plugin registry takes it as an event listener and a plugin
 * call listener, and {@link BillOpsJobs} times the package runs with it.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"},
        after = BillOpsAutoConfiguration.class)
@ConditionalOnClass({MeterRegistry.class, BillingMeters.class})
@ConditionalOnBean(MeterRegistry.class)
public class BillOpsMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public BillingMeters billingMeters(ObjectProvider<Billing> billing, ObjectProvider<JdbcBillingStore> store) {
        BillingMeters.Builder b = BillingMeters.builder();
        billing.ifUnique(b::billing);
        store.ifUnique(s -> b.outboxBacklog(() -> s.outbox().pendingCount()));
        return b.build();
    }
}
