package dev.billops.spring;

import dev.billops.core.Billing;
import dev.billops.core.BillingPolicies;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.DeliveryLog;
import dev.billops.jackson3.BillOpsJackson3Module;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.spi.BillingPlugin;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.PluginCallListener;
import dev.billops.spi.runtime.PluginRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds BillOps on the application's {@link DataSource}: the {@link JdbcBillingStore} (PostgreSQL or
 * H2, told by the driver; see {@link JdbcStores#of(DataSource)}), {@link Billing} (with the
 * application's {@link Clock} and {@link BillingPolicies} beans if it has them), the
 * {@link PluginRegistry} with the plugins found on the class path and the {@link BillingPlugin} beans,
 * configured from {@code billops.plugins.<id>.*}, the {@link EventDelivery} of committed events to
 * the listener plugins, and the Jackson 3 module for the application's JSON mapper.
 *
 * <p>Every bean backs off when the application defines one of its type.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Billing.class)
@EnableConfigurationProperties(BillOpsProperties.class)
public class BillOpsAutoConfiguration {

    /** The DataSource of the store this configuration built, if it built one. */
    private volatile @Nullable DataSource storeDataSource;

    /** The store on the application's DataSource, migrated on first use unless {@code billops.migrate=false}. */
    @Bean
    @ConditionalOnMissingBean(BillingStore.class)
    @ConditionalOnBean(DataSource.class)
    public JdbcBillingStore billOpsStore(DataSource dataSource, BillOpsProperties properties) {
        JdbcBillingStore store = JdbcStores.of(dataSource).migrate(properties.isMigrate());
        storeDataSource = dataSource;
        return store;
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean(BillingStore.class)
    public Billing billing(BillingStore store, ObjectProvider<Clock> clock, ObjectProvider<BillingPolicies> policies) {
        Billing.Builder b = Billing.builder().stores(store);
        clock.ifUnique(b::clock);
        policies.ifUnique(b::policies);
        return b.build();
    }

    /**
     * The plugins: discovered on the class path (unless {@code billops.discover-plugins=false}) and the
     * application's {@link BillingPlugin} beans, each configured from {@code billops.plugins.<id>}, with
     * every {@link PluginCallListener} bean told of their calls. Closed with the context.
     */
    @Bean
    @ConditionalOnMissingBean
    public PluginRegistry billOpsPluginRegistry(BillOpsProperties properties, ObjectProvider<BillingPlugin> plugins,
            ObjectProvider<PluginCallListener> callListeners) {
        PluginRegistry.Builder b = PluginRegistry.builder();
        List<PluginCallListener> listeners = callListeners.orderedStream().toList();
        if (!listeners.isEmpty()) {
            b.callListener((id, operation, outcome, duration) -> {
                for (PluginCallListener l : listeners) {
                    l.onCall(id, operation, outcome, duration);
                }
            });
        }
        plugins.orderedStream().forEach(b::register);
        if (properties.isDiscoverPlugins()) {
            b.discover();
        }
        for (Map.Entry<String, BillOpsProperties.Plugin> e : properties.getPlugins().entrySet()) {
            b.configure(e.getKey(), PluginSettings.config(e.getKey(), e.getValue()));
            if (e.getValue().getTimeout() != null) {
                b.timeout(e.getKey(), e.getValue().getTimeout());
            }
        }
        return b.build();
    }

    /**
     * Delivery of committed events to the listener plugins, deduplicated in the database's delivery
     * log when this configuration built the store on the application's DataSource (in memory
     * otherwise), unless the application has a {@link DeliveryLog} bean.
     */
    @Bean
    @ConditionalOnMissingBean
    public EventDelivery billOpsEventDelivery(PluginRegistry plugins, BillOpsProperties properties,
            ObjectProvider<DeliveryLog> log, ObjectProvider<JdbcBillingStore> store) {
        DeliveryLog chosen = log.getIfUnique();
        JdbcBillingStore jdbc = store.getIfUnique();
        DataSource ds = storeDataSource;
        if (chosen == null && jdbc != null && ds != null) {
            if (properties.isMigrate()) {
                jdbc.migrator().migrate();
            }
            chosen = jdbc.deliveryLog();
        }
        return new EventDelivery(plugins, chosen != null ? chosen : DeliveryLog.inMemory());
    }

    /** Registers the BillOps JSON mapping with the application's Jackson 3 mapper. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "tools.jackson.databind.json.JsonMapper")
    static class JacksonConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BillOpsJackson3Module billOpsJacksonModule() {
            return new BillOpsJackson3Module();
        }
    }
}
