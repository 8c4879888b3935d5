package dev.billops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billops.core.Billing;
import dev.billops.core.spi.BillingStore;
import dev.billops.jackson3.BillOpsJackson3Module;
import dev.billops.jdbc.Dialect;
import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;
import dev.billops.jdbc.OutboxDispatcher;
import dev.billops.micrometer.BillingMeters;
import dev.billops.spi.Notification;
import dev.billops.spi.Notifier;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.runtime.EventDelivery;
import dev.billops.spi.runtime.PluginRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The auto-configuration in application contexts built by Spring Boot's runner. */
class BillOpsAutoConfigurationTest {

    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, JacksonAutoConfiguration.class,
                    MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
                    BillOpsAutoConfiguration.class, BillOpsMetricsAutoConfiguration.class,
                    BillOpsJobsAutoConfiguration.class, BillOpsActuatorAutoConfiguration.class));

    private static String h2Url() {
        return "spring.datasource.url=jdbc:h2:mem:starter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + H2_SETTINGS;
    }

    @Test
    void autoConfiguration_withH2DataSource_everyBeanAppears() {
        runner.withPropertyValues(h2Url()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(JdbcBillingStore.class);
            assertThat(context.getBean(JdbcBillingStore.class).dialect()).isEqualTo(Dialect.H2);
            assertThat(context).hasSingleBean(Billing.class);
            assertThat(context).hasSingleBean(PluginRegistry.class);
            assertThat(context).hasSingleBean(EventDelivery.class);
            assertThat(context).hasSingleBean(OutboxDispatcher.class);
            assertThat(context).hasSingleBean(BillOpsJobs.class);
            assertThat(context).hasSingleBean(BillingMeters.class);
            assertThat(context).hasSingleBean(BillOpsJackson3Module.class);
            assertThat(context).hasBean("billopsPluginsHealthContributor");
            assertThat(context).hasBean("billopsOutboxHealthIndicator");
            assertThat(context).hasBean("billOpsSecretsSanitizer");
            assertThat(context.getBean(BillOpsJobs.class).isRunning()).isTrue();
            assertThat(context.getBean(BillOpsJobs.class).packageRunScheduled()).isFalse();
            assertThat(context.getBean(PluginRegistry.class).ids()).contains(BillingMeters.ID);
            // the meters are bound to the application's registry, and the JSON mapper has the module
            assertThat(context.getBean(MeterRegistry.class).find(BillingMeters.INVOICES_ISSUED).counter()).isNotNull();
            assertThat(context.getBean(MeterRegistry.class).find(BillingMeters.OUTBOX_BACKLOG).gauge().value())
                    .isEqualTo(0.0);
            assertThat(context.getBean(JsonMapper.class).writeValueAsString(
                    dev.billops.core.money.Money.of("EUR", "12.50"))).isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
        });
    }

    @Test
    void autoConfiguration_withoutDataSource_noStoreNoBilling() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BillOpsAutoConfiguration.class,
                BillOpsJobsAutoConfiguration.class, BillOpsActuatorAutoConfiguration.class)).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(BillingStore.class);
                    assertThat(context).doesNotHaveBean(Billing.class);
                    assertThat(context).doesNotHaveBean(OutboxDispatcher.class);
                    assertThat(context).doesNotHaveBean(BillOpsJobs.class);
                    assertThat(context).hasSingleBean(PluginRegistry.class);
                });
    }

    @Test
    void autoConfiguration_withoutMeterRegistry_noMeters() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                BillOpsAutoConfiguration.class, BillOpsMetricsAutoConfiguration.class,
                BillOpsJobsAutoConfiguration.class)).withPropertyValues(h2Url()).run(context -> {
                    assertThat(context).hasSingleBean(Billing.class);
                    assertThat(context).doesNotHaveBean(BillingMeters.class);
                    assertThat(context.getBean(PluginRegistry.class).ids()).doesNotContain(BillingMeters.ID);
                });
    }

    @Test
    void autoConfiguration_hostDefinesItsOwnBeans_backsOff() {
        runner.withPropertyValues(h2Url()).withUserConfiguration(HostBeans.class).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(BillingStore.class)).isSameAs(context.getBean("hostStore"));
            assertThat(context.getBean(Billing.class)).isSameAs(context.getBean("hostBilling"));
            assertThat(context.getBean(PluginRegistry.class)).isSameAs(context.getBean("hostPlugins"));
            assertThat(context.getBean(BillingMeters.class)).isSameAs(context.getBean("hostMeters"));
            assertThat(context.getBean(OutboxDispatcher.class)).isSameAs(context.getBean("hostDispatcher"));
            assertThat(context.getBean(BillOpsJackson3Module.class)).isSameAs(context.getBean("hostModule"));
            assertThat(context).hasSingleBean(JdbcBillingStore.class);
        });
    }

    @Test
    void autoConfiguration_outboxDisabled_noDispatcher() {
        runner.withPropertyValues(h2Url(), "billops.outbox.enabled=false").run(context -> {
            assertThat(context).doesNotHaveBean(OutboxDispatcher.class);
            assertThat(context).hasSingleBean(BillOpsJobs.class);
            assertThat(context.getBean(BillOpsJobs.class).dispatchOnce()).isZero();
        });
    }

    @Test
    void properties_bind_andConfigureThePluginOfThatId() {
        runner.withPropertyValues(h2Url(), "billops.migrate=true", "billops.discover-plugins=false",
                "billops.outbox.interval=2s", "billops.outbox.batch-size=7", "billops.outbox.backlog-warning=3",
                "billops.package-run.cron=0 30 2 * * *", "billops.package-run.zone=Europe/Berlin",
                "billops.package-run.actor=nightly",
                "billops.plugins.chat.timeout=3s", "billops.plugins.chat.settings.channel=#billing",
                "billops.plugins.chat.settings.apiKey=k-123456", "billops.plugins.chat.secrets.webhookUrl=https://hooks.test/T1/B2/s3cr3t")
                .withUserConfiguration(ChatPlugin.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    BillOpsProperties p = context.getBean(BillOpsProperties.class);
                    assertThat(p.isDiscoverPlugins()).isFalse();
                    assertThat(p.getOutbox().getInterval()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(p.getOutbox().getBatchSize()).isEqualTo(7);
                    assertThat(p.getOutbox().getBacklogWarning()).isEqualTo(3);
                    assertThat(p.getPackageRun().getCron()).isEqualTo("0 30 2 * * *");
                    assertThat(p.getPackageRun().getZone()).isEqualTo("Europe/Berlin");
                    assertThat(p.getPackageRun().getActor()).isEqualTo("nightly");
                    assertThat(p.getPlugins().get("chat").getTimeout()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(context.getBean(BillOpsJobs.class).packageRunScheduled()).isTrue();

                    RecordingChat chat = context.getBean(RecordingChat.class);
                    PluginConfig config = chat.config;
                    assertThat(config).isNotNull();
                    assertThat(config.string("channel")).contains("#billing");
                    assertThat(config.secret("webhookUrl").reveal()).isEqualTo("https://hooks.test/T1/B2/s3cr3t");
                    assertThat(config.secret("apiKey").reveal()).isEqualTo("k-123456");
                    assertThat(config.toString()).doesNotContain("s3cr3t").doesNotContain("k-123456");
                    assertThat(context.getBean(PluginRegistry.class).ids()).containsExactly("chat", BillingMeters.ID);
                });
    }

    @Test
    void configprops_showingValues_masksPluginSecretsOnly() {
        runner.withConfiguration(AutoConfigurations.of(EndpointAutoConfiguration.class,
                ConfigurationPropertiesReportEndpointAutoConfiguration.class))
                .withPropertyValues(h2Url(), "management.endpoint.configprops.show-values=ALWAYS",
                        "management.endpoints.jmx.exposure.include=configprops",
                        "management.endpoints.web.exposure.include=configprops",
                        "billops.plugins.chat.settings.channel=#billing",
                        "billops.plugins.chat.settings.apiKey=k-123456",
                        "billops.plugins.chat.secrets.webhookUrl=https://hooks.test/T1/B2/s3cr3t")
                .run(context -> {
                    ConfigurationPropertiesReportEndpoint endpoint = context.getBean(
                            ConfigurationPropertiesReportEndpoint.class);
                    Map<String, Object> billops = endpoint.configurationPropertiesWithPrefix("billops").getContexts()
                            .values().iterator().next().getBeans().values().iterator().next().getProperties();
                    Map<?, ?> chat = (Map<?, ?>) ((Map<?, ?>) billops.get("plugins")).get("chat");
                    assertThat(((Map<?, ?>) chat.get("secrets")).get("webhookUrl")).isEqualTo("******");
                    assertThat(((Map<?, ?>) chat.get("settings")).get("apiKey")).isEqualTo("******");
                    assertThat(((Map<?, ?>) chat.get("settings")).get("channel")).isEqualTo("#billing");
                    assertThat(((Map<?, ?>) billops.get("outbox")).get("batchSize")).isEqualTo(100);
                    assertThat(billops.toString()).doesNotContain("s3cr3t").doesNotContain("k-123456");
                    assertThat(context.getBeansOfType(SanitizingFunction.class)).containsKey("billOpsSecretsSanitizer");
                });
    }

    @Test
    void health_perPluginAndOutbox_reportsStatus() {
        runner.withPropertyValues(h2Url(), "billops.discover-plugins=false", "billops.outbox.enabled=false",
                "billops.outbox.backlog-warning=0").withUserConfiguration(ChatPlugin.class).run(context -> {
                    PluginRegistry registry = context.getBean(PluginRegistry.class);
                    RecordingChat chat = context.getBean(RecordingChat.class);
                    CompositeHealthContributor plugins = (CompositeHealthContributor) context.getBean(
                            "billopsPluginsHealthContributor");
                    HealthIndicator chatHealth = (HealthIndicator) plugins.getContributor("chat");
                    assertThat(chatHealth.health().getStatus()).isEqualTo(Status.UP);

                    chat.failing = true;
                    try {
                        registry.notifier("chat").send(Notification.of(Notification.Kind.OTHER,
                                dev.billops.core.id.TenantId.of("acme"), "s", "b"));
                    } catch (RuntimeException expected) {
                        // recorded by the registry
                    }
                    Health degraded = chatHealth.health();
                    assertThat(degraded.getStatus()).isEqualTo(BillOpsHealth.DEGRADED);
                    assertThat(degraded.getDetails()).containsEntry("consecutiveFailures", 1);
                    assertThat(BillOpsHealth.of(PluginHealth.down("gone")).getStatus()).isEqualTo(Status.DOWN);

                    HealthIndicator outbox = (HealthIndicator) context.getBean("billopsOutboxHealthIndicator");
                    assertThat(outbox.health().getStatus()).isEqualTo(Status.UP);
                    assertThat(outbox.health().getDetails()).containsEntry("backlog", 0L);
                    // a payment's event, written and not delivered, puts the backlog above the warning of 0
                    var acme = context.getBean(Billing.class).tenant(dev.billops.core.id.TenantId.of("acme"),
                            dev.billops.core.party.Actor.user("t"));
                    var client = acme.clients().create(dev.billops.core.party.Client.of(
                            dev.billops.core.id.ClientId.generate(), "Globex",
                            dev.billops.core.party.Address.of("Hauptstr. 1", "10115", "Berlin", "DE"),
                            dev.billops.core.money.Currencies.of("EUR")));
                    acme.payments().record(dev.billops.core.payment.PaymentRequest.of(client.id(),
                            dev.billops.core.money.Money.of("EUR", "10.00")).asCredit());
                    assertThat(outbox.health().getStatus()).isEqualTo(BillOpsHealth.DEGRADED);
                    assertThat((Long) outbox.health().getDetails().get("backlog")).isPositive();
                });
    }

    @Test
    void jobs_dispatcherAndCronPackageRun_runInTheBackground() {
        runner.withPropertyValues(h2Url(), "billops.discover-plugins=false", "billops.outbox.interval=100ms",
                "billops.package-run.cron=* * * * * *").withUserConfiguration(ListenerPlugin.class).run(context -> {
                    assertThat(context).hasNotFailed();
                    var acme = context.getBean(Billing.class).tenant(dev.billops.core.id.TenantId.of("acme"),
                            dev.billops.core.party.Actor.user("t"));
                    var client = acme.clients().create(dev.billops.core.party.Client.of(
                            dev.billops.core.id.ClientId.generate(), "Globex",
                            dev.billops.core.party.Address.of("Hauptstr. 1", "10115", "Berlin", "DE"),
                            dev.billops.core.money.Currencies.of("EUR")));
                    acme.payments().record(dev.billops.core.payment.PaymentRequest.of(client.id(),
                            dev.billops.core.money.Money.of("EUR", "10.00")).asCredit());
                    RecordingListener listener = context.getBean(RecordingListener.class);
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    JdbcBillingStore store = context.getBean(JdbcBillingStore.class);
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    // the dispatcher acknowledges a batch after its handlers ran: wait for all of it
                    while ((listener.types.isEmpty() || meters.find(BillingMeters.PACKAGE_RUNS).timer() == null
                            || meters.get(BillingMeters.PAYMENTS_RECORDED).counter().count() < 1
                            || store.outbox().pendingCount() > 0) && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    assertThat(listener.types).contains("payment.received");
                    assertThat(meters.get(BillingMeters.PAYMENTS_RECORDED).counter().count()).isEqualTo(1.0);
                    assertThat(meters.get(BillingMeters.PACKAGE_RUNS).timer().count()).isPositive();
                    assertThat(store.outbox().pendingCount()).isZero();
                });
    }

    @Test
    void autoConfiguration_h2WithoutPostgresMode_failsNamingTheSettings() {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:plain-" + UUID.randomUUID()).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("MODE=PostgreSQL");
        });
    }

    @Test
    void autoConfiguration_withPostgresDataSource_isAPostgresStore() throws Exception {
        String url = System.getenv("BILLOPS_TEST_POSTGRES_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(), "BILLOPS_TEST_POSTGRES_URL is not set");
        String schema = "billops_t_starter_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL)
                .toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        try {
            runner.withPropertyValues("spring.datasource.url=" + url + (url.contains("?") ? "&" : "?")
                    + "currentSchema=" + schema).run(context -> {
                        assertThat(context).hasNotFailed();
                        JdbcBillingStore store = context.getBean(JdbcBillingStore.class);
                        assertThat(store.dialect()).isEqualTo(Dialect.POSTGRESQL);
                        assertThat(store.outbox().pendingCount()).isZero();
                    });
        } finally {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    /** A host that defines every bean itself. */
    @Configuration(proxyBeanMethods = false)
    static class HostBeans {

        @Bean
        JdbcBillingStore hostStore() {
            return JdbcStores.h2InMemory("host-" + UUID.randomUUID());
        }

        @Bean
        Billing hostBilling(JdbcBillingStore hostStore) {
            return Billing.builder().stores(hostStore).build();
        }

        @Bean
        PluginRegistry hostPlugins() {
            return PluginRegistry.builder().build();
        }

        @Bean
        BillingMeters hostMeters() {
            return BillingMeters.create();
        }

        @Bean
        OutboxDispatcher hostDispatcher(JdbcBillingStore hostStore) {
            return new OutboxDispatcher(hostStore.outbox(), m -> {
            });
        }

        @Bean
        BillOpsJackson3Module hostModule() {
            return new BillOpsJackson3Module();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ChatPlugin {
        @Bean
        RecordingChat chat() {
            return new RecordingChat();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ListenerPlugin {
        @Bean
        RecordingListener listener() {
            return new RecordingListener();
        }
    }

    /** An event listener bean that keeps the types it was given. */
    static final class RecordingListener implements dev.billops.spi.BillingEventListener {
        final java.util.List<String> types = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public String id() {
            return "recorder";
        }

        @Override
        public void onEvent(dev.billops.core.id.TenantId tenant, dev.billops.core.event.BillingEvent event) {
            types.add(event.type());
        }
    }

    /** A notifier bean with id "chat" that keeps its configuration. */
    static final class RecordingChat implements Notifier {
        volatile @Nullable PluginConfig config;
        volatile boolean failing;

        @Override
        public String id() {
            return "chat";
        }

        @Override
        public void configure(PluginConfig config) {
            this.config = config;
        }

        @Override
        public void send(Notification notification) {
            if (failing) {
                throw new IllegalStateException("chat is down");
            }
        }
    }
}
