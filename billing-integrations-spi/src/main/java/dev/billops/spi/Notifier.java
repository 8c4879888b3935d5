package dev.billops.spi;

import java.util.Set;

/**
 * Sends notifications over one channel (e-mail, chat, SMS).
 *
 * <p>{@link #send} either delivers or throws: {@link TransientPluginException} for what may
 * work later (the registry retries), {@link PluginException} otherwise.
 */
public interface Notifier extends BillingPlugin {

    /** Delivers {@code notification}. */
    void send(Notification notification);

    /** The kinds this notifier wants; the default is every kind. */
    default Set<Notification.Kind> kinds() {
        return Set.of(Notification.Kind.values());
    }
}
