package dev.billops.spring;

import dev.billops.core.Billing;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.OutboxDispatcher;
import dev.billops.micrometer.BillingMeters;
import dev.billops.spi.runtime.EventDelivery;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The outbox dispatcher (unless {@code billops.outbox.enabled=false}) and {@link BillOpsJobs}, which runs
 * it and the daily package run ({@code billops.package-run.cron}, off by default) in the background.
 */
@AutoConfiguration(after = {BillOpsAutoConfiguration.class, BillOpsMetricsAutoConfiguration.class})
@ConditionalOnBean(Billing.class)
public class BillOpsJobsAutoConfiguration {

    /** Claims committed events from the store's outbox and hands them to {@link EventDelivery}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(JdbcBillingStore.class)
    @ConditionalOnProperty(prefix = "billops.outbox", name = "enabled", havingValue = "true", matchIfMissing = true)
    public OutboxDispatcher billOpsOutboxDispatcher(JdbcBillingStore store, EventDelivery delivery,
            BillOpsProperties properties) {
        return new OutboxDispatcher(store.outbox(), m -> delivery.deliver(m.tenant(), m.event()),
                properties.getOutbox().getRetryAfter());
    }

    @Bean
    @ConditionalOnMissingBean
    public BillOpsJobs billOpsJobs(ObjectProvider<OutboxDispatcher> dispatcher, BillOpsProperties properties,
            Billing billing, ObjectProvider<BillingMeters> meters) {
        return new BillOpsJobs(dispatcher.getIfUnique(), properties, billing, meters.getIfUnique());
    }
}
