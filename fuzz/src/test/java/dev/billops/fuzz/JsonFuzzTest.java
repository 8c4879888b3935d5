package dev.billops.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billops.core.error.BillingException;
import dev.billops.jackson.BillOpsJson;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The library's JSON mapping read with hostile text. An input is a type's simple name, a line
 * break, and the JSON text (e.g. {@code Money\n{"amount":"1e999999999","currency":"EUR"}}), so
 * the corpus stays readable and keeps its meaning when types are added.
 *
 * <p>Oracle: the mapper either reads a value that writes back to JSON reading as an equal value,
 * or refuses with Jackson's own exception whose causes are typed refusals (ours, Jackson's, or a
 * required component missing), never a bare runtime exception of our code.
 */
class JsonFuzzTest {

    private static final ObjectMapper MAPPER = BillOpsJson.mapper();

    @FuzzTest(maxDuration = "5m")
    void readValue_anyPublicType_valueThatRoundTripsOrTypedRefusal(byte[] input) throws Exception {
        String text = new String(input, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        if (newline < 0) {
            return;
        }
        Class<?> type = PublicValues.byName().get(text.substring(0, newline));
        if (type == null) {
            return;
        }
        String json = text.substring(newline + 1);
        Object value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            requireTypedCauses(e);
            return;
        } catch (RuntimeException e) {
            Outcomes.refusedOrRethrow(e);
            return;
        }
        if (value == null) {
            return;
        }
        String written = MAPPER.writeValueAsString(value);
        Object back = MAPPER.readValue(written, type);
        if (!Objects.equals(value, back)) {
            throw new AssertionError(type.getSimpleName() + " does not round-trip: " + abbreviate(written));
        }
    }

    private static void requireTypedCauses(JacksonException refusal) {
        for (Throwable cause = refusal.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof BillingException) {
                Outcomes.requireShortMessage(cause);
                return;
            }
            if (cause instanceof JacksonException || cause instanceof java.time.DateTimeException
                    || cause instanceof NumberFormatException || isRequiredComponent(cause)) {
                continue;
            }
            throw new AssertionError("JSON refused with an untyped cause: " + cause, refusal);
        }
    }

    /** {@code Objects.requireNonNull(x, "name")} in a record's constructor: a missing component, named. */
    private static boolean isRequiredComponent(Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        return cause instanceof NullPointerException && trace.length > 0
                && trace[0].getClassName().equals("java.util.Objects") && cause.getMessage() != null;
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
