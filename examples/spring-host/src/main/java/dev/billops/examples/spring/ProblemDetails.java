package dev.billops.examples.spring;

import dev.billops.core.error.BillingException;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.InvalidTextException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.invoice.DraftOutOfDateException;
import dev.billops.core.invoice.InvoiceAlreadyIssuedException;
import dev.billops.core.invoice.InvoiceHasPaymentsException;
import dev.billops.core.invoice.InvoiceNotIssuedException;
import dev.billops.core.invoice.LineAlreadyCreditedException;
import dev.billops.core.invoice.MonthlyFeeAlreadyBilledException;
import dev.billops.core.money.AmountOutOfRangeException;
import dev.billops.core.money.UnknownCurrencyException;
import dev.billops.core.numbering.InvalidNumberPatternException;
import dev.billops.core.payment.IdempotencyKeyReusedException;
import dev.billops.core.error.ConcurrentUpdateException;
import dev.billops.core.error.DuplicateKeyException;
import dev.billops.core.time.InvalidRangeException;
import dev.billops.core.time.InvalidRoundingRuleException;
import dev.billops.core.timeentry.TimeEntryAlreadyBilledException;
import dev.billops.core.timeentry.TimeEntryOnDraftException;
import dev.billops.spi.PluginException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The library's typed exceptions as RFC 9457 problem details: 404 for what does not exist (or is
 * another client's), 400 for a malformed value, 409 for a state conflict (already issued, has
 * payments, a concurrent change, a reused idempotency key), 422 for a request the billing rules
 * refuse, 503 for an unavailable plugin. Malformed requests (unreadable JSON, a parameter of the
 * wrong type, a missing one) are 400 through Spring's own handler. Each problem names the exception
 * in {@code exception} and has the library's message as {@code detail}.
 */
@RestControllerAdvice
public class ProblemDetails extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetails.class);

    /** Values that cannot be built: answered 400. */
    private static final List<Class<? extends BillingException>> MALFORMED = List.of(InvalidTextException.class,
            AmountOutOfRangeException.class, UnknownCurrencyException.class, InvalidRangeException.class,
            InvalidRoundingRuleException.class, InvalidNumberPatternException.class);

    /** The state does not allow it: answered 409. */
    private static final List<Class<? extends BillingException>> CONFLICT = List.of(
            InvoiceAlreadyIssuedException.class, InvoiceHasPaymentsException.class, InvoiceNotIssuedException.class,
            DraftOutOfDateException.class, DuplicateKeyException.class, ConcurrentUpdateException.class,
            TimeEntryAlreadyBilledException.class, TimeEntryOnDraftException.class,
            MonthlyFeeAlreadyBilledException.class, IdempotencyKeyReusedException.class,
            LineAlreadyCreditedException.class);

    @ExceptionHandler(BillingException.class)
    ProblemDetail billing(BillingException e) {
        return problem(status(e), e);
    }

    static HttpStatus status(BillingException e) {
        if (e instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        if (CONFLICT.stream().anyMatch(c -> c.isInstance(e))) {
            return HttpStatus.CONFLICT;
        }
        if (e.getClass() == InvalidInputException.class || MALFORMED.stream().anyMatch(c -> c.isInstance(e))) {
            return HttpStatus.BAD_REQUEST;
        }
        if (e instanceof PluginException) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        return HttpStatus.UNPROCESSABLE_CONTENT;
    }

    private static ProblemDetail problem(HttpStatus status, RuntimeException e) {
        String name = e.getClass().getSimpleName();
        String detail = String.valueOf(e.getMessage());
        if (detail.length() > 1000) {
            detail = detail.substring(0, 1000) + "...";
        }
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setType(URI.create("https://billops.dev/problems/" + kebab(name.replaceFirst("Exception$", ""))));
        p.setTitle(status.getReasonPhrase());
        p.setProperty("exception", name);
        if (status.is5xxServerError()) {
            LOG.warn("{} answered {}: {}", name, status.value(), detail);
        }
        return p;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
