package dev.billops.spi;

import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.TenantId;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** Found by ServiceLoader (declared as a Notifier and as a BillingEventListener in the test resources). */
public final class DiscoverablePlugin implements Notifier, BillingEventListener {

    public static final AtomicInteger CONFIGURED = new AtomicInteger();
    public static volatile @Nullable PluginConfig lastConfig;

    public DiscoverablePlugin() {
    }

    @Override
    public String id() {
        return "discoverable";
    }

    @Override
    public void configure(PluginConfig config) {
        CONFIGURED.incrementAndGet();
        lastConfig = config;
    }

    @Override
    public void send(Notification notification) {
    }

    @Override
    public void onEvent(TenantId tenant, BillingEvent event) {
    }
}
