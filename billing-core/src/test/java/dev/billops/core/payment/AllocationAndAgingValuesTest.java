package dev.billops.core.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import org.junit.jupiter.api.Test;

/** The payment value records {@link Allocation} and {@link AgingBuckets}. */
class AllocationAndAgingValuesTest {

    private static final CurrencyUnit EUR = Currencies.of("EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @Test
    void allocation_zeroOrNegativeAmount_throwsAmountOutOfRange() {
        for (String amount : new String[] {"0.00", "-0.01"}) {
            AmountOutOfRangeException e = assertThrows(AmountOutOfRangeException.class,
                    () -> new Allocation(InvoiceId.of("inv-1"), Money.of(EUR, amount), DAY, 1));
            assertTrue(e.getMessage().contains("EUR " + amount) && e.getMessage().contains("inv-1"), e.getMessage());
        }
    }

    @Test
    void allocation_sequenceBelowOne_throwsInvalidInput() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> new Allocation(InvoiceId.of("inv-1"), Money.of(EUR, "1.00"), DAY, 0));
        assertTrue(e.getMessage().contains("0"), e.getMessage());
    }

    @Test
    void agingBuckets_anyInputOrder_bucketsIterateFromCurrentToOver90() {
        Map<AgingBucket, Money> reversed = new java.util.LinkedHashMap<>();
        List<AgingBucket> backwards = new ArrayList<>(List.of(AgingBucket.values()));
        java.util.Collections.reverse(backwards);
        for (AgingBucket b : backwards) {
            reversed.put(b, Money.of(EUR, String.valueOf(b.ordinal() + 1)));
        }
        AgingBuckets buckets = new AgingBuckets(EUR, reversed);
        assertEquals(List.of(AgingBucket.values()), new ArrayList<>(buckets.amounts().keySet()));
        assertEquals(List.of(AgingBucket.values()),
                new ArrayList<>(buckets.plus(AgingBucket.OVER_90, Money.of(EUR, "1.00")).amounts().keySet()));
        assertEquals(List.of(AgingBucket.values()), new ArrayList<>(AgingBuckets.empty(EUR).amounts().keySet()));
        assertEquals(new AgingBuckets(EUR, new EnumMap<>(reversed)), buckets);
    }

    @Test
    void agingBuckets_amounts_unmodifiable() {
        AgingBuckets buckets = AgingBuckets.empty(EUR);
        assertThrows(UnsupportedOperationException.class,
                () -> buckets.amounts().put(AgingBucket.CURRENT, Money.of(EUR, "1.00")));
    }
}
