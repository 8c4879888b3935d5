package dev.billops.spring;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.spi.runtime.PluginRegistry;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Actuator support: health of every plugin ({@code billopsPlugins}) and of the outbox backlog
 * ({@code billopsOutbox}), switched off with {@code management.health.billops.enabled=false}; and a
 * {@link SanitizingFunction} that masks the plugin secrets in {@code /actuator/configprops} and
 * {@code /actuator/env} even where the application shows values.
 */
@AutoConfiguration(after = BillOpsAutoConfiguration.class)
public class BillOpsActuatorAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    @ConditionalOnEnabledHealthIndicator("billops")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "billopsPluginsHealthContributor")
        @ConditionalOnBean(PluginRegistry.class)
        CompositeHealthContributor billopsPluginsHealthContributor(PluginRegistry registry) {
            return BillOpsHealth.plugins(registry);
        }

        @Bean
        @ConditionalOnMissingBean(name = "billopsOutboxHealthIndicator")
        @ConditionalOnBean(JdbcBillingStore.class)
        HealthIndicator billopsOutboxHealthIndicator(JdbcBillingStore store, BillOpsProperties properties) {
            return BillOpsHealth.outbox(store, properties.getOutbox().getBacklogWarning());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class SanitizingConfiguration {

        /** Masks {@code billops.plugins.<id>.secrets.*} and plugin settings whose key names a credential. */
        @Bean
        @ConditionalOnMissingBean(name = "billOpsSecretsSanitizer")
        SanitizingFunction billOpsSecretsSanitizer() {
            return data -> PluginSettings.isSecretProperty(data.getKey()) ? data.withSanitizedValue() : data;
        }
    }

}
