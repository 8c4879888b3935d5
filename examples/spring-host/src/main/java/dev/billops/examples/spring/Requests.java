package dev.billops.examples.spring;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.party.Address;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON bodies the API accepts. Missing required fields are refused with an
 * {@link InvalidInputException} naming the field (answered 400); values are validated by the
 * library's value types, which name the bad value.
 */
public final class Requests {

    private Requests() {
    }

    static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw new InvalidInputException("field '" + field + "' is required");
        }
        return value;
    }

    static Money money(@Nullable String currency, @Nullable String amount) {
        return Money.of(Currencies.of(required(currency, "currency")), required(amount, "amount"));
    }

    /** A postal address. */
    public record AddressBody(@Nullable String street, @Nullable String postalCode, @Nullable String city,
            @Nullable String country) {
        Address toAddress() {
            return Address.of(required(street, "address.street"), required(postalCode, "address.postalCode"),
                    required(city, "address.city"), required(country, "address.country"));
        }
    }

    /** The tenant's seller profile. */
    public record TenantBody(@Nullable String name, @Nullable AddressBody address, @Nullable String vatId,
            @Nullable String email, @Nullable String iban, @Nullable String bic, @Nullable BigDecimal defaultVatRate) {
    }

    /** A new client. */
    public record ClientBody(@Nullable String name, @Nullable AddressBody address, @Nullable String currency,
            @Nullable Integer paymentTermsDays, @Nullable String email, @Nullable String vatId) {
    }

    /** A new project of a client. */
    public record ProjectBody(@Nullable String clientId, @Nullable String name) {
    }

    /** A new timekeeper. */
    public record TimekeeperBody(@Nullable String name) {
    }

    /**
     * A rate rule: its scope (any combination of client, project, timekeeper, activity; none for a
     * default rate), amount per unit and effective range {@code [from, to)}.
     */
    public record RateRuleBody(@Nullable String clientId, @Nullable String projectId, @Nullable String timekeeperId,
            @Nullable String activityId, @Nullable String currency, @Nullable String amount, @Nullable String unit,
            @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    /** A time entry: local start and end in a time zone. */
    public record TimeEntryBody(@Nullable String projectId, @Nullable String timekeeperId, @Nullable String activityId,
            @Nullable LocalDateTime start, @Nullable LocalDateTime end, @Nullable String zone,
            @Nullable String description, @Nullable Boolean billable) {
    }

    /** Several time entries logged in one transaction. */
    public record BulkTimeEntriesBody(@Nullable List<TimeEntryBody> entries) {
    }

    /** A draft from a client's unbilled time in {@code [from, to)}. */
    public record DraftBody(@Nullable String clientId, @Nullable LocalDate from, @Nullable LocalDate to) {
    }

    /** A credit note: of {@code amount} (in the invoice's currency) with a reason, or of the whole invoice when no amount is given. */
    public record CreditBody(@Nullable String amount, @Nullable String reason) {
    }

    /** A payment received from a client. */
    public record PaymentBody(@Nullable String clientId, @Nullable String currency, @Nullable String amount,
            @Nullable LocalDate receivedOn, @Nullable String method, @Nullable String externalRef) {
    }

    /** A refund of part or all of a payment, in its currency. */
    public record RefundBody(@Nullable String amount) {
    }

    /** A package run for a date. */
    public record PackageRunBody(@Nullable LocalDate date) {
    }
}
