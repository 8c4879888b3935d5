package dev.billops.spi.runtime;

import dev.billops.jdbc.JdbcBillingStore;
import dev.billops.spi.PostgresSchema;
import org.junit.jupiter.api.AfterEach;

class PostgresDurableDeliveryTest extends DurableDeliveryTests {

    private PostgresSchema schema;

    @Override
    JdbcBillingStore store() {
        if (schema == null) {
            schema = PostgresSchema.open();
        }
        return schema.store;
    }

    @AfterEach
    void drop() {
        if (schema != null) {
            schema.close();
        }
    }
}
