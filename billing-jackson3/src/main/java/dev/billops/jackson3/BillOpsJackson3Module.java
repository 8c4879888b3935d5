package dev.billops.jackson3;

import com.fasterxml.jackson.annotation.JsonFormat;
import dev.billops.core.event.EventTypes;
import tools.jackson.databind.jsontype.NamedType;
import tools.jackson.databind.module.SimpleModule;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.EventId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.tax.PayableRounding;
import dev.billops.core.id.PaymentId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.numbering.NumberPattern;
import dev.billops.core.time.LocalDateRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;

/**
 * The Jackson 3 module that maps every public BillOps domain value to JSON and back, exactly as
 * billing-jackson's {@code BillOpsJacksonModule} does for Jackson 2:
 *
 * <ul>
 *   <li>{@link Money} and {@link UnitPrice} as {@code {"amount":"12.50","currency":"EUR"}}, the
 *       amount a string at the value's exact scale ({@code "1200"} for JPY, {@code "1.250"} for
 *       BHD, up to 18 decimals for prices);</li>
 *   <li>{@link CurrencyUnit} as its ISO code; typed ids ({@link ClientId}, …) as plain strings,
 *       also as map keys;</li>
 *   <li>{@link LocalDateRange} as {@code {"start":"2026-11-01","endExclusive":"2026-12-01"}};
 *       a {@link NumberPattern} as its text;</li>
 *   <li>records ({@code Invoice}, {@code TimeEntry}, {@code TimeSpan}, …) as exactly their
 *       components, read back through their validating constructors; java.time values through
 *       Jackson 3's built-in support;</li>
 *   <li>{@link BillingEvent}s with their {@code type()} name in a {@code "type"} property, read
 *       back polymorphically through {@link EventTypes} plus any types given to
 *       {@link #withEventType}.</li>
 * </ul>
 *
 * <p>java.time values are written as ISO text whatever the mapper's timestamp settings. The module
 * is listed in {@code META-INF/services/tools.jackson.databind.JacksonModule}, so
 * {@code JsonMapper.builder().findAndAddModules()} registers it; JSR 354 {@code MonetaryAmount}s use
 * the money shape. {@link BillOpsJson3#mapper()} adds sorted map keys and lenient reading. Values
 * that break a record's rules fail to read with a {@code DatabindException} naming the value.
 * Immutable once registered.
 */
public final class BillOpsJackson3Module extends SimpleModule {

    private static final long serialVersionUID = 1L;

    private final Map<String, Class<? extends BillingEvent>> eventTypes;

    /** The module with the core event types. */
    public BillOpsJackson3Module() {
        this(EventTypes.core());
    }

    private BillOpsJackson3Module(Map<String, Class<? extends BillingEvent>> eventTypes) {
        super("BillOpsJackson3Module");
        this.eventTypes = Map.copyOf(eventTypes);
        addSerializer(Money.class, new MoneyJson.MoneySerializer());
        addDeserializer(Money.class, new MoneyJson.MoneyDeserializer());
        addSerializer(UnitPrice.class, new MoneyJson.UnitPriceSerializer());
        addDeserializer(UnitPrice.class, new MoneyJson.UnitPriceDeserializer());
        addSerializer(MonetaryAmount.class, new MoneyJson.MonetaryAmountSerializer());
        addDeserializer(MonetaryAmount.class, new MoneyJson.MonetaryAmountDeserializer());
        addSerializer(CurrencyUnit.class, new MoneyJson.CurrencySerializer());
        addDeserializer(CurrencyUnit.class, new MoneyJson.CurrencyDeserializer());
        addSerializer(LocalDateRange.class, new DateRangeJson.Serializer());
        addDeserializer(LocalDateRange.class, new DateRangeJson.Deserializer());
        // a number pattern (part of a tenant's numbering policy) as its text, e.g. "{prefix}-{yyyy}-{seq:5}"
        addSerializer(NumberPattern.class, new IdJson.IdSerializer());
        addDeserializer(NumberPattern.class, new IdJson.IdDeserializer<>(NumberPattern.class, NumberPattern::of));
        addSerializer(UnitCode.class, new IdJson.IdSerializer());
        addDeserializer(UnitCode.class, new IdJson.IdDeserializer<>(UnitCode.class, UnitCode::of));
        id(ActivityId.class, ActivityId::of);
        id(ClientId.class, ClientId::of);
        id(EngagementId.class, EngagementId::of);
        id(EventId.class, EventId::of);
        id(InvoiceId.class, InvoiceId::of);
        id(PaymentId.class, PaymentId::of);
        id(ProjectId.class, ProjectId::of);
        id(RateRuleId.class, RateRuleId::of);
        id(TenantId.class, TenantId::of);
        id(TimeEntryId.class, TimeEntryId::of);
        id(TimekeeperId.class, TimekeeperId::of);
        setSerializerModifier(new RecordComponentsOnly());
        setMixInAnnotation(BillingEvent.class, BillingEventMixin.class);
        setMixInAnnotation(PayableRounding.class, PayableRoundingMixin.class);
        eventTypes.forEach((name, type) -> registerSubtypes(new NamedType(type, name)));
    }

    /**
     * This module plus one more event type (a plugin's own event), read and written under
     * {@code type}, which must be what the event's {@code type()} returns.
     *
     * @throws IllegalArgumentException if {@code type} is already registered to another class
     */
    public BillOpsJackson3Module withEventType(String type, Class<? extends BillingEvent> eventClass) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(eventClass, "eventClass");
        Class<? extends BillingEvent> known = eventTypes.get(type);
        if (known != null && known != eventClass) {
            throw new IllegalArgumentException("event type '" + type + "' is already " + known.getName());
        }
        Map<String, Class<? extends BillingEvent>> more = new LinkedHashMap<>(eventTypes);
        more.put(type, eventClass);
        return new BillOpsJackson3Module(more);
    }

    /** The event types this module reads, by name. */
    public Map<String, Class<? extends BillingEvent>> eventTypes() {
        return eventTypes;
    }

    /**
     * Besides the serializers: java.time values as ISO text on any mapper this module is registered
     * on (a per-type format override, so the host's {@code WRITE_DATES_AS_TIMESTAMPS} setting does not
     * matter), and zoned date-times read back in their own zone, not the mapper's.
     */
    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        JsonFormat.Value isoText = JsonFormat.Value.forShape(JsonFormat.Shape.STRING)
                .withoutFeature(JsonFormat.Feature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        for (Class<?> type : ISO_TEXT_TYPES) {
            context.configOverride(type).setFormat(isoText);
        }
    }

    private static final List<Class<?>> ISO_TEXT_TYPES = List.of(Instant.class, LocalDate.class, LocalDateTime.class,
            LocalTime.class, OffsetDateTime.class, OffsetTime.class, ZonedDateTime.class, Duration.class,
            YearMonth.class, MonthDay.class);

    private <T> void id(Class<T> type, Function<String, T> factory) {
        addSerializer(type, new IdJson.IdSerializer());
        addDeserializer(type, new IdJson.IdDeserializer<>(type, factory));
        addKeySerializer(type, new IdJson.IdKeySerializer());
        addKeyDeserializer(type, new IdJson.IdKeyDeserializer<>(type, factory));
    }
}
