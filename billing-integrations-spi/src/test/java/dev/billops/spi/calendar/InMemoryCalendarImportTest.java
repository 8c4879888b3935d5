package dev.billops.spi.calendar;

import dev.billops.spi.SpiFixture;
import dev.billops.core.memory.InMemoryBillingStore;

class InMemoryCalendarImportTest extends CalendarImportTests {

    @Override
    SpiFixture fixture() {
        InMemoryBillingStore memory = new InMemoryBillingStore();
        return new SpiFixture(memory, memory::events);
    }
}
