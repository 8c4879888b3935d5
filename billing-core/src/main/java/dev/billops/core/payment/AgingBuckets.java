package dev.billops.core.payment;

import dev.billops.core.money.Money;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import javax.money.CurrencyUnit;

/**
 * Open balances of one currency split by {@link AgingBucket}; every bucket is present (zero if
 * empty), and {@link #total()} is their sum.
 *
 * @param currency the currency of every amount
 * @param amounts one amount per bucket, unmodifiable, iterating in bucket order (CURRENT first,
 *     OVER_90 last) whatever the order of the map it was built from
 */
public record AgingBuckets(CurrencyUnit currency, Map<AgingBucket, Money> amounts) {

    public AgingBuckets {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(amounts, "amounts");
        EnumMap<AgingBucket, Money> full = new EnumMap<>(AgingBucket.class);
        Money zero = Money.zero(currency);
        for (AgingBucket b : AgingBucket.values()) {
            Money m = amounts.getOrDefault(b, zero);
            zero.requireSameCurrency(m);
            full.put(b, m);
        }
        amounts = Collections.unmodifiableMap(full);
    }

    /** All buckets zero. */
    public static AgingBuckets empty(CurrencyUnit currency) {
        return new AgingBuckets(currency, Map.of());
    }

    public Money amount(AgingBucket bucket) {
        return Objects.requireNonNull(amounts.get(bucket));
    }

    /** Sum of all buckets: the total outstanding. */
    public Money total() {
        Money sum = Money.zero(currency);
        for (AgingBucket b : AgingBucket.values()) {
            sum = sum.plus(amount(b));
        }
        return sum;
    }

    /** These buckets with {@code amount} added to {@code bucket}. */
    public AgingBuckets plus(AgingBucket bucket, Money amount) {
        EnumMap<AgingBucket, Money> next = new EnumMap<>(amounts);
        next.put(bucket, amount(bucket).plus(amount));
        return new AgingBuckets(currency, next);
    }

    /** Bucket-wise sum with {@code other} (same currency). */
    public AgingBuckets plus(AgingBuckets other) {
        EnumMap<AgingBucket, Money> next = new EnumMap<>(AgingBucket.class);
        for (AgingBucket b : AgingBucket.values()) {
            next.put(b, amount(b).plus(other.amount(b)));
        }
        return new AgingBuckets(currency, next);
    }
}
