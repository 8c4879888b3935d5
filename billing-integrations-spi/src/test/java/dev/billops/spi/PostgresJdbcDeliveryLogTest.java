package dev.billops.spi;

import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;

class PostgresJdbcDeliveryLogTest extends JdbcDeliveryLogTests {

    private PostgresSchema schema;

    @Override
    DataSource dataSource() {
        if (schema == null) {
            schema = PostgresSchema.open();
            schema.store.migrator().migrate();
        }
        return schema.dataSource;
    }

    @AfterEach
    void drop() {
        if (schema != null) {
            schema.close();
        }
    }
}
