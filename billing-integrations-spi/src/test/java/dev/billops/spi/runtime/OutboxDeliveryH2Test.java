package dev.billops.spi.runtime;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.jdbc.JdbcStores;

class OutboxDeliveryH2Test extends OutboxDeliveryTests {

    @Override
    JdbcBillingStore open() {
        return JdbcStores.h2InMemory("spi-outbox-" + System.nanoTime());
    }
}
