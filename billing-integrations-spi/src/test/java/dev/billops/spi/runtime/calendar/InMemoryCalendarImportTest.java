package dev.billops.spi.runtime.calendar;

import dev.billops.core.memory.InMemoryBillingStore;
import dev.billops.spi.SpiFixture;

class InMemoryCalendarImportTest extends CalendarImportTests {

    @Override
    SpiFixture fixture() {
        InMemoryBillingStore memory = new InMemoryBillingStore();
        return new SpiFixture(memory, memory::events);
    }
}
