package dev.billops.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code billops.*} properties of the starter.
 *
 * <pre>
 * billops.plugins.slack.settings.channel=#billing
 * billops.plugins.slack.secrets.webhookUrl=https://hooks.example/T000/B000/XXXX
 * billops.plugins.slack.timeout=5s
 * billops.package-run.cron=0 30 2 * * *
 * </pre>
 *
 * <p>Plugin settings and secrets are passed to the plugin of that id as its {@code PluginConfig};
 * their keys keep the case the plugin reads (write them in properties or YAML, not as environment
 * variables, which Spring lower-cases). Secrets are masked in {@code /actuator/configprops}, and so
 * is any setting whose key looks like a credential (password, secret, token, key, credential);
 * such a setting is also handed to the plugin as a secret.
 */
@ConfigurationProperties(prefix = "billops")
public class BillOpsProperties {

    /** Whether the built-in migrator applies the BillOps schema on first use; false when the host runs the scripts with its own Flyway. */
    private boolean migrate = true;

    /** Whether plugins on the class path (META-INF/services) are discovered, besides the BillingPlugin beans. */
    private boolean discoverPlugins = true;

    /** Plugin configurations by plugin id. */
    private Map<String, Plugin> plugins = new LinkedHashMap<>();

    private final Outbox outbox = new Outbox();

    private final PackageRun packageRun = new PackageRun();

    public boolean isMigrate() {
        return migrate;
    }

    public void setMigrate(boolean migrate) {
        this.migrate = migrate;
    }

    public boolean isDiscoverPlugins() {
        return discoverPlugins;
    }

    public void setDiscoverPlugins(boolean discoverPlugins) {
        this.discoverPlugins = discoverPlugins;
    }

    public Map<String, Plugin> getPlugins() {
        return plugins;
    }

    public void setPlugins(Map<String, Plugin> plugins) {
        this.plugins = plugins;
    }

    public Outbox getOutbox() {
        return outbox;
    }

    public PackageRun getPackageRun() {
        return packageRun;
    }

    /** The configuration of one plugin. */
    public static class Plugin {

        /** Timeout of each call of this plugin; the registry's default (10 s) unless set. */
        private @Nullable Duration timeout;

        /** Plain settings of the plugin, by the keys it reads. */
        private Map<String, String> settings = new LinkedHashMap<>();

        /** Secret settings of the plugin (tokens, passwords, webhook URLs), masked wherever shown. */
        private Map<String, String> secrets = new LinkedHashMap<>();

        public @Nullable Duration getTimeout() {
            return timeout;
        }

        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }

        public Map<String, String> getSettings() {
            return settings;
        }

        public void setSettings(Map<String, String> settings) {
            this.settings = settings;
        }

        public Map<String, String> getSecrets() {
            return secrets;
        }

        public void setSecrets(Map<String, String> secrets) {
            this.secrets = secrets;
        }
    }

    /** The outbox dispatcher that hands committed events to the event listener plugins. */
    public static class Outbox {

        /** Whether a dispatcher runs in this process. */
        private boolean enabled = true;

        /** Pause between two dispatch rounds. */
        private Duration interval = Duration.ofSeconds(5);

        /** Most events claimed per round. */
        private int batchSize = 100;

        /** How long an event whose delivery failed waits before it is offered again. */
        private Duration retryAfter = Duration.ofMinutes(1);

        /** Undelivered events above which the outbox health shows DEGRADED. */
        private long backlogWarning = 10_000;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            this.interval = interval;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public Duration getRetryAfter() {
            return retryAfter;
        }

        public void setRetryAfter(Duration retryAfter) {
            this.retryAfter = retryAfter;
        }

        public long getBacklogWarning() {
            return backlogWarning;
        }

        public void setBacklogWarning(long backlogWarning) {
            this.backlogWarning = backlogWarning;
        }
    }

    /** The daily package (retainer) billing run over every tenant. */
    public static class PackageRun {

        /** Spring cron expression (six fields) of the run, e.g. "0 30 2 * * *"; "-" (the default) runs none. */
        private String cron = "-";

        /** Time zone the cron expression is read in. */
        private String zone = "UTC";

        /** Name of the system actor the run's invoices are attributed to in the audit log. */
        private String actor = "package-run";

        public String getCron() {
            return cron;
        }

        public void setCron(String cron) {
            this.cron = cron;
        }

        public String getZone() {
            return zone;
        }

        public void setZone(String zone) {
            this.zone = zone;
        }

        public String getActor() {
            return actor;
        }

        public void setActor(String actor) {
            this.actor = actor;
        }
    }
}
