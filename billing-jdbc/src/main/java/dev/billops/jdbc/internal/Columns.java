package dev.billops.jdbc.internal;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import org.jspecify.annotations.Nullable;

/**
 * Conversions between domain values and the column types of the schema, the same for both
 * dialects. Every conversion is exact: a value that a column cannot hold exactly is rejected with
 * {@link InvalidInputException} before anything is written, never rounded.
 */
public final class Columns {

    /** Scale of the NUMERIC(38,18) columns that hold exact decimals beside their original scale. */
    static final int EXACT_SCALE = 18;
    /** Integer digits those columns hold. */
    static final int EXACT_INTEGER_DIGITS = 38 - EXACT_SCALE;
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);

    private Columns() {
    }

    // ---- instants: UTC TIMESTAMP(6), plus the nano-of-second where it must survive exactly

    /** The UTC wall-clock reading of {@code instant}, truncated to microseconds (what TIMESTAMP(6) holds). */
    public static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    public static @Nullable LocalDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    /** Reads a UTC timestamp column. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime ts = rs.getObject(column, LocalDateTime.class);
        return ts.toInstant(ZoneOffset.UTC);
    }

    public static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        LocalDateTime ts = rs.getObject(column, LocalDateTime.class);
        return ts == null ? null : ts.toInstant(ZoneOffset.UTC);
    }

    /** Reads a UTC timestamp column and restores its exact nano-of-second from {@code nanosColumn}. */
    static Instant exactInstant(ResultSet rs, String column, String nanosColumn) throws SQLException {
        LocalDateTime ts = rs.getObject(column, LocalDateTime.class);
        return ts.withNano(rs.getInt(nanosColumn)).toInstant(ZoneOffset.UTC);
    }

    // ---- dates

    static @Nullable LocalDate dateOrNull(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    // ---- money and prices

    /** Reads an amount in {@code currency}; the column's extra zeros are dropped by {@link Money}. */
    static Money money(ResultSet rs, String column, CurrencyUnit currency) throws SQLException {
        return Money.of(currency, rs.getBigDecimal(column));
    }

    static @Nullable Money moneyOrNull(ResultSet rs, String column, @Nullable CurrencyUnit currency)
            throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null || currency == null ? null : Money.of(currency, amount);
    }

    static CurrencyUnit currency(ResultSet rs, String column) throws SQLException {
        return Currencies.of(rs.getString(column));
    }

    static @Nullable CurrencyUnit currencyOrNull(ResultSet rs, String column) throws SQLException {
        String code = rs.getString(column);
        return code == null ? null : Currencies.of(code);
    }

    /** Reads a unit price; trailing zeros the column added are dropped (prices compare numerically). */
    static UnitPrice unitPrice(ResultSet rs, String column, CurrencyUnit currency) throws SQLException {
        return UnitPrice.of(currency, rs.getBigDecimal(column).stripTrailingZeros());
    }

    static @Nullable UnitPrice unitPriceOrNull(ResultSet rs, String column, @Nullable CurrencyUnit currency)
            throws SQLException {
        BigDecimal amount = rs.getBigDecimal(column);
        return amount == null || currency == null ? null : UnitPrice.of(currency, amount.stripTrailingZeros());
    }

    // ---- exact decimals: value in NUMERIC(38,18), original scale beside it

    /**
     * Checks that {@code value} fits a NUMERIC(38,18) column exactly.
     *
     * @throws InvalidInputException naming {@code what} if it has more than 18 decimals or more than 20 integer digits
     */
    static BigDecimal exact(String what, BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > EXACT_SCALE || stripped.precision() - stripped.scale() > EXACT_INTEGER_DIGITS) {
            throw new InvalidInputException(what + " " + value.toPlainString() + " cannot be stored exactly (at most "
                    + EXACT_INTEGER_DIGITS + " integer digits and " + EXACT_SCALE + " decimals)");
        }
        return value;
    }

    static @Nullable BigDecimal exactOrNull(String what, @Nullable BigDecimal value) {
        return value == null ? null : exact(what, value);
    }

    static @Nullable Integer scaleOrNull(@Nullable BigDecimal value) {
        return value == null ? null : value.scale();
    }

    /** Reads an exact decimal and gives it back its original scale. */
    static BigDecimal exact(ResultSet rs, String column, String scaleColumn) throws SQLException {
        return rs.getBigDecimal(column).setScale(rs.getInt(scaleColumn));
    }

    static @Nullable BigDecimal exactOrNull(ResultSet rs, String column, String scaleColumn) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.setScale(rs.getInt(scaleColumn));
    }

    /** A decimal from a column whose readers normalize it anyway (tax rates), without the column's zeros. */
    static @Nullable BigDecimal normalizedOrNull(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // ---- durations: seconds in NUMERIC(30,9)

    static BigDecimal seconds(Duration d) {
        return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9));
    }

    static @Nullable BigDecimal secondsOrNull(@Nullable Duration d) {
        return d == null ? null : seconds(d);
    }

    static Duration duration(ResultSet rs, String column) throws SQLException {
        return toDuration(rs.getBigDecimal(column));
    }

    static @Nullable Duration durationOrNull(ResultSet rs, String column) throws SQLException {
        BigDecimal s = rs.getBigDecimal(column);
        return s == null ? null : toDuration(s);
    }

    private static Duration toDuration(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).multiply(NANOS_PER_SECOND).longValueExact();
        return Duration.ofSeconds(whole.longValueExact(), nanos);
    }

    // ---- addresses: up to three lines

    static @Nullable String line(Address address, int index) {
        return address.lines().size() > index ? address.lines().get(index) : null;
    }

    static Address address(ResultSet rs) throws SQLException {
        List<String> lines = new ArrayList<>(3);
        for (String column : new String[] {"address_line1", "address_line2", "address_line3"}) {
            String line = rs.getString(column);
            if (line != null) {
                lines.add(line);
            }
        }
        return new Address(lines, rs.getString("postal_code"), rs.getString("city"), rs.getString("country_code"));
    }

    // ---- ids and enums

    static <I> @Nullable I idOrNull(ResultSet rs, String column, Function<String, I> factory) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : factory.apply(value);
    }

    static @Nullable String valueOrNull(@Nullable Object id) {
        return id == null ? null : id.toString();
    }

    static <E extends Enum<E>> E enumValue(ResultSet rs, String column, Class<E> type) throws SQLException {
        return Enum.valueOf(type, rs.getString(column));
    }

    static <E extends Enum<E>> @Nullable E enumOrNull(ResultSet rs, String column, Class<E> type) throws SQLException {
        String name = rs.getString(column);
        return name == null ? null : Enum.valueOf(type, name);
    }

    static @Nullable String nameOrNull(@Nullable Enum<?> value) {
        return value == null ? null : value.name();
    }
}
