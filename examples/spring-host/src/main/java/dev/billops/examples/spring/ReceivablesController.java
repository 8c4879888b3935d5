package dev.billops.examples.spring;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.id.ClientId;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.InvoiceBalance;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Receivables: open balances and AR aging at a date (the tenant's today unless given). */
@RestController
public class ReceivablesController {

    private final Callers callers;
    private final Clock clock;

    public ReceivablesController(Callers callers, Billing billing) {
        this.callers = callers;
        this.clock = billing.clock();
    }

    /** Aging in buckets current, 1-30, 31-60, 61-90 and 90+ days overdue, per client and in total. */
    @GetMapping("/api/receivables/aging")
    public AgingReport aging(@RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String clientId) {
        TenantBilling t = callers.billing();
        return t.receivables().aging(clientId == null ? null : ClientId.of(clientId), asOf != null ? asOf : today(t));
    }

    /** Invoices with a balance due at the date. */
    @GetMapping("/api/receivables/balances")
    public List<InvoiceBalance> balances(@RequestParam(required = false) @Nullable LocalDate asOf,
            @RequestParam(required = false) @Nullable String clientId) {
        TenantBilling t = callers.billing();
        return t.receivables().openBalances(clientId == null ? null : ClientId.of(clientId),
                asOf != null ? asOf : today(t));
    }

    private LocalDate today(TenantBilling t) {
        return t.profile().find().map(p -> p.policies().today(clock)).orElseGet(() -> LocalDate.now(clock));
    }
}
