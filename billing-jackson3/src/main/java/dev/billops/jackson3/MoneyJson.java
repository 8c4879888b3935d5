package dev.billops.jackson3;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.exc.InvalidFormatException;
import dev.billops.core.error.BillingException;
import dev.billops.core.error.Text;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.BiFunction;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import org.jspecify.annotations.Nullable;

/**
 * JSON of money values: {@code {"amount":"12.50","currency":"EUR"}} with the amount as a string
 * (exact, whatever the reader's number handling), currencies as their ISO code.
 */
final class MoneyJson {

    private MoneyJson() {
    }

    static final class CurrencySerializer extends ValueSerializer<CurrencyUnit> {
        @Override
        public void serialize(CurrencyUnit value, JsonGenerator gen, SerializationContext serializers) {
            gen.writeString(value.getCurrencyCode());
        }
    }

    static final class CurrencyDeserializer extends ValueDeserializer<CurrencyUnit> {
        @Override
        public CurrencyUnit deserialize(JsonParser p, DeserializationContext ctxt) {
            String code = p.getValueAsString();
            if (code == null) {
                return (CurrencyUnit) ctxt.handleUnexpectedToken(CurrencyUnit.class, p);
            }
            try {
                return Currencies.of(code);
            } catch (BillingException e) {
                throw ctxt.weirdStringException(code, CurrencyUnit.class, e.getMessage());
            }
        }
    }

    static final class MoneySerializer extends ValueSerializer<Money> {
        @Override
        public void serialize(Money value, JsonGenerator gen, SerializationContext serializers) {
            writeAmount(gen, value.amount(), value.currencyCode());
        }
    }

    static final class UnitPriceSerializer extends ValueSerializer<UnitPrice> {
        @Override
        public void serialize(UnitPrice value, JsonGenerator gen, SerializationContext serializers) {
            writeAmount(gen, value.amount(), value.currencyCode());
        }
    }

    static final class MoneyDeserializer extends AmountDeserializer<Money> {
        MoneyDeserializer() {
            super(Money.class, Money::of);
        }
    }

    static final class UnitPriceDeserializer extends AmountDeserializer<UnitPrice> {
        UnitPriceDeserializer() {
            super(UnitPrice.class, UnitPrice::of);
        }
    }

    /**
     * A JSR 354 amount in the same shape; the amount at the currency's minor units when it is exact
     * there ({@code "12.50"}, not moneta's {@code "12.5"}), else as many decimals as it has.
     */
    static final class MonetaryAmountSerializer extends ValueSerializer<MonetaryAmount> {
        @Override
        public void serialize(MonetaryAmount value, JsonGenerator gen, SerializationContext serializers) {
            BigDecimal amount = value.getNumber().numberValueExact(BigDecimal.class);
            int digits = value.getCurrency().getDefaultFractionDigits();
            if (digits >= 0 && amount.stripTrailingZeros().scale() <= digits) {
                amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
            }
            writeAmount(gen, amount, value.getCurrency().getCurrencyCode());
        }
    }

    /** Reads the shape as a BillOps {@link Money} (same validation) and returns it as a JSR 354 amount. */
    static final class MonetaryAmountDeserializer extends AmountDeserializer<MonetaryAmount> {
        MonetaryAmountDeserializer() {
            super(MonetaryAmount.class, (currency, amount) -> Money.of(currency, amount).toMonetaryAmount());
        }
    }

    private static void writeAmount(JsonGenerator gen, BigDecimal amount, String currency) {
        gen.writeStartObject();
        gen.writeStringProperty("amount", amount.toPlainString());
        gen.writeStringProperty("currency", currency);
        gen.writeEndObject();
    }

    /** Reads {@code {"amount":"..","currency":".."}} (the amount may also be a JSON number) in any field order. */
    abstract static class AmountDeserializer<T> extends ValueDeserializer<T> {

        private final Class<T> type;
        private final BiFunction<CurrencyUnit, String, T> factory;

        AmountDeserializer(Class<T> type, BiFunction<CurrencyUnit, String, T> factory) {
            this.type = type;
            this.factory = factory;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.isExpectedStartObjectToken()) {
                return (T) ctxt.handleUnexpectedToken(type, p);
            }
            String amount = null;
            String currency = null;
            for (String field = p.nextName(); field != null; field = p.nextName()) {
                JsonToken t = p.nextToken();
                switch (field) {
                    case "amount" -> amount = t == JsonToken.VALUE_NULL ? null : p.getString();
                    case "currency" -> currency = t == JsonToken.VALUE_NULL ? null : p.getString();
                    default -> p.skipChildren();
                }
            }
            return build(p, ctxt, amount, currency);
        }

        private T build(JsonParser p, DeserializationContext ctxt, @Nullable String amount, @Nullable String currency) {
            if (amount == null || currency == null) {
                throw ctxt.weirdStringException(Text.quote(amount), type, type.getSimpleName()
                        + " needs both \"amount\" and \"currency\", got amount " + Text.quote(amount)
                        + " and currency " + Text.quote(currency));
            }
            try {
                // core bounds the text and the magnitude before any arithmetic or formatting
                return factory.apply(Currencies.of(currency), amount);
            } catch (BillingException e) {
                DatabindException refused = InvalidFormatException.from(p, type.getSimpleName() + ": " + e.getMessage(),
                        Text.quote(amount), type);
                refused.initCause(e);
                throw refused;
            }
        }
    }
}
