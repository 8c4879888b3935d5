package dev.billops.spi.runtime.calendar;

import dev.billops.spi.PostgresSchema;
import dev.billops.spi.SpiFixture;
import org.junit.jupiter.api.AfterEach;

/** The import tests on PostgreSQL, when configured. */
class PostgresCalendarImportTest extends CalendarImportTests {

    private PostgresSchema schema;

    @Override
    SpiFixture fixture() {
        schema = PostgresSchema.open();
        return new SpiFixture(schema.store, schema.store.outbox()::events);
    }

    @AfterEach
    void drop() {
        schema.close();
    }
}
