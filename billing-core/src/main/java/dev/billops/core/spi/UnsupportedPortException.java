package dev.billops.core.spi;

import dev.billops.core.error.BillingException;

/** A store was asked for a port it does not implement; a wiring error in the host or the store. */
public final class UnsupportedPortException extends BillingException {

    private static final long serialVersionUID = 1L;

    public UnsupportedPortException(Class<?> port) {
        super("this store does not implement the port " + port.getName());
    }
}
