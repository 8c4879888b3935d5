package dev.billops.core.money;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.money.CurrencyUnit;
import javax.money.Monetary;

/**
 * Cached lookup of JSR 354 currencies by ISO-4217 code.
 *
 * <p>{@code Monetary.getCurrency} walks its provider chain on every call (about 0.6 µs); money
 * arithmetic looks currencies up constantly, so the result is kept per code. Thread-safe.
 */
public final class Currencies {

    private static final ConcurrentHashMap<String, CurrencyUnit> CACHE = new ConcurrentHashMap<>();

    private Currencies() {
    }

    /**
     * Returns the currency for an ISO-4217 code such as {@code "EUR"}.
     *
     * @throws UnknownCurrencyException if the code is not a known currency
     */
    public static CurrencyUnit of(String code) {
        Objects.requireNonNull(code, "code");
        CurrencyUnit cached = CACHE.get(code);
        if (cached != null) {
            return cached;
        }
        if (!code.matches("[A-Z]{3}")) {
            throw new UnknownCurrencyException(code);
        }
        CurrencyUnit unit;
        try {
            unit = Monetary.getCurrency(code);
        } catch (javax.money.UnknownCurrencyException e) {
            throw new UnknownCurrencyException(code);
        }
        if (unit.getDefaultFractionDigits() < 0) {
            throw new UnknownCurrencyException(code);
        }
        CurrencyUnit previous = CACHE.putIfAbsent(code, unit);
        return previous == null ? unit : previous;
    }

    /** Number of minor-unit digits of the currency: 2 for EUR, 0 for JPY, 3 for BHD. */
    public static int digits(CurrencyUnit currency) {
        return currency.getDefaultFractionDigits();
    }
}
