package dev.billops.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.audit.AuditRecord;
import dev.billops.core.event.BillingEvent;
import dev.billops.core.event.InvoiceIssued;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackagePolicy;
import dev.billops.core.engagement.PackageRunOptions;
import dev.billops.core.engagement.PackageRunResult;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.internal.Transitions;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceQuery;
import dev.billops.core.invoice.InvoiceStatus;
import dev.billops.core.money.Money;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Client;
import dev.billops.core.BillingPolicies;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.spi.AuditLog;
import dev.billops.core.spi.BillingStore;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.spi.StoreSession;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The package run's batched chunks, through the facade on a real database: a chunk's invoices are
 * written together ({@link InvoiceStore#insertAll}, one call per chunk, no single inserts), each
 * with its audit record and outbox event; a period billed meanwhile by a writer that did not wait
 * for the engagement's lock makes the batch fall back to one invoice per savepoint, which bills
 * the others exactly once with gapless numbers; an invoice that cannot be built fails alone; a
 * client with credit to apply is issued on its own and paid from its credit.
 */
abstract class PackageRunBatchTests {

    static final LocalDate DATE = LocalDate.of(2026, 3, 1);
    static final int ENGAGEMENTS = 30;
    static final Pattern SEQUENCE = Pattern.compile("(\\d+)$");
    static final ClientId INITECH = ClientId.of("initech");

    final Clock clock = Clock.fixed(DATE.atTime(6, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    TenantId tenant;
    CountingStore counting;

    abstract JdbcBillingStore store();

    @BeforeEach
    void engagements() {
        tenant = TenantId.generate();
        counting = new CountingStore(store());
        Seeds.tenantWithClient(store(), tenant);
        TenantBilling t = facade();
        t.clients().create(Client.of(INITECH, "Initech", Seeds.ADDRESS, Seeds.EUR));
        for (int i = 0; i < ENGAGEMENTS; i++) {
            // started on 1 March: one period due on 1 March
            t.engagements().create(Engagement.ofPackage(EngagementId.of(String.format("E%04d", i)),
                    i % 10 == 7 ? INITECH : Seeds.CLIENT, "Retainer " + i, Money.of(Seeds.EUR, "100.00"),
                    PackageSchedule.MONTHLY, DATE, null));
        }
    }

    TenantBilling facade() {
        return Billing.builder().stores(counting).clock(clock)
                .policies(BillingPolicies.defaults().withPackages(PackagePolicy.defaults().withTenantNumbering()))
                .build().tenant(tenant, Actor.system("run"));
    }

    @Test
    void run_noClash_eachChunkWrittenByOneInsertAll_withAuditAndEventPerInvoice() {
        PackageRunResult result = facade().packages().run(DATE, PackageRunOptions.all().withChunkSize(12));

        assertEquals(List.of(), result.failed());
        assertEquals(List.of(), result.skipped());
        assertEquals(ENGAGEMENTS, result.created().size());
        assertEquals(3, counting.insertAlls.get(), "one batched write per chunk");
        assertEquals(0, counting.inserts.get(), "no invoice inserted on its own");
        assertExactlyOnceGapless(ENGAGEMENTS);
        assertAuditAndEventPerInvoice();
    }

    @Test
    void run_periodBilledMeanwhileByAnotherWriter_othersBilledOnceGapless_clashSkipped() {
        EngagementId taken = EngagementId.of("E0004");
        counting.beforeFirstInsertAll = () -> {
            // another transaction, on another connection, commits an invoice of that period
            // without waiting for the engagement's row lock the chunk holds
            CompletableFuture.runAsync(() -> store().inTransaction(tenant, s -> {
                s.get(InvoiceStore.class).insert(Transitions.issuedAs(Seeds.packageDraft("intruder", taken, DATE)
                        .withSeries("OTHER"), "OTHER-1", DATE, DATE.plusDays(14)));
                return null;
            })).join();
        };

        PackageRunResult result = facade().packages().run(DATE, PackageRunOptions.all().withChunkSize(12));

        assertEquals(List.of(), result.failed());
        assertEquals(ENGAGEMENTS - 1, result.created().size());
        assertEquals(1, result.skipped().size(), result.skipped().toString());
        PackageRunResult.Skipped skipped = result.skipped().get(0);
        assertEquals(taken, skipped.engagementId());
        assertEquals(PackageRunResult.SkipReason.ALREADY_INVOICED, skipped.reason());
        assertEquals("OTHER-1", skipped.existingNumber());
        // the refused chunk went one by one, the other two were written together
        assertEquals(3, counting.insertAlls.get());
        assertEquals(12, counting.inserts.get(), "the refused chunk's invoices issued one per savepoint");
        List<Invoice> ours = ours();
        assertEquals(ENGAGEMENTS - 1, ours.size());
        assertExactlyOnceGapless(ENGAGEMENTS - 1);
        assertAuditAndEventPerInvoice();
    }

    @Test
    void run_oneInvoiceCannotBeBuilt_failsAlone_othersWrittenTogetherGapless() {
        facade().clients().deactivate(INITECH);

        PackageRunResult result = facade().packages().run(DATE, PackageRunOptions.all().withChunkSize(12));

        Set<String> failed = new TreeSet<>();
        result.failed().forEach(f -> failed.add(f.engagementId().value()));
        assertEquals(Set.of("E0007", "E0017", "E0027"), failed, result.failed().toString());
        assertEquals(ENGAGEMENTS - 3, result.created().size());
        assertEquals(0, counting.inserts.get());
        assertExactlyOnceGapless(ENGAGEMENTS - 3);
        assertAuditAndEventPerInvoice();
    }

    @Test
    void run_oneClientWithCredit_issuedAloneAndPaidFromCredit_othersWrittenTogether() {
        facade().payments().record(PaymentRequest.of(INITECH, Money.of(Seeds.EUR, "1000.00")).asCredit());

        PackageRunResult result = facade().packages().run(DATE, PackageRunOptions.all().withChunkSize(12));

        assertEquals(List.of(), result.failed());
        assertEquals(ENGAGEMENTS, result.created().size());
        assertEquals(3, counting.inserts.get(), "Initech's three invoices issued on their own");
        // reported in plan order although issued after the others of their chunk
        List<String> order = result.created().stream().map(c -> c.engagementId().value()).toList();
        assertEquals(order.stream().sorted().toList(), order);
        for (Invoice inv : ours()) {
            InvoiceStatus expected = inv.clientId().equals(INITECH) ? InvoiceStatus.PAID : InvoiceStatus.ISSUED;
            assertEquals(expected, inv.status(), inv.engagementId() + " " + inv.number());
            assertEquals(inv.clientId().equals(INITECH) ? inv.totals().payable() : Money.zero(Seeds.EUR),
                    inv.prepaid(), "prepaid fixed at issue");
        }
        assertExactlyOnceGapless(ENGAGEMENTS);
    }

    /** The invoices of the tenant's package series. */
    List<Invoice> ours() {
        List<Invoice> out = new ArrayList<>();
        for (Invoice inv : store().inTransaction(tenant, s -> s.get(InvoiceStore.class).list(InvoiceQuery.all()))) {
            if (!"OTHER".equals(inv.series())) {
                out.add(inv);
            }
        }
        return out;
    }

    /** Each engagement billed at most once and the run's numbers are 1..n. */
    void assertExactlyOnceGapless(int n) {
        List<Invoice> invoices = ours();
        assertEquals(n, invoices.size());
        Set<String> billed = new HashSet<>();
        Set<Long> numbers = new TreeSet<>();
        for (Invoice inv : invoices) {
            assertTrue(billed.add(inv.engagementId() + "@" + inv.packagePeriodStart()), "billed twice: " + inv);
            Matcher m = SEQUENCE.matcher(String.valueOf(inv.number()));
            assertTrue(m.find(), inv.number());
            assertTrue(numbers.add(Long.parseLong(m.group(1))), "number twice: " + inv.number());
        }
        for (long k = 1; k <= n; k++) {
            assertTrue(numbers.contains(k), "number " + k + " missing: " + numbers);
        }
        assertFalse(numbers.contains((long) n + 1));
    }

    /** One {@code invoice.issue} audit record and one {@code invoice.issued} event per invoice of the run. */
    void assertAuditAndEventPerInvoice() {
        List<Invoice> invoices = ours();
        store().inTransaction(tenant, s -> {
            for (Invoice inv : invoices) {
                List<AuditRecord> history = s.get(AuditLog.class).history("invoice", inv.id().value());
                assertEquals(1, history.size(), inv.id().value());
                assertEquals("invoice.issue", history.get(0).action());
            }
            return null;
        });
        List<InvoiceId> issued = new ArrayList<>();
        for (BillingEvent e : store().outbox().events(tenant)) {
            if (e instanceof InvoiceIssued i) {
                issued.add(i.invoiceId());
            }
        }
        assertEquals(invoices.size(), issued.size());
        for (Invoice inv : invoices) {
            assertEquals(1, issued.stream().filter(inv.id()::equals).count(), inv.id().value());
        }
    }

    /**
     * A store that counts the invoice inserts of every transaction and may run a hook right before
     * the first {@link InvoiceStore#insertAll}, as a concurrent writer would act.
     */
    static final class CountingStore implements BillingStore {
        final BillingStore delegate;
        final AtomicInteger inserts = new AtomicInteger();
        final AtomicInteger insertAlls = new AtomicInteger();
        volatile Runnable beforeFirstInsertAll = () -> { };

        CountingStore(BillingStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public <T> T inTransaction(TenantId tenant, Function<StoreSession, T> work) {
            return delegate.inTransaction(tenant, s -> work.apply(new StoreSession() {
                @Override
                public TenantId tenant() {
                    return s.tenant();
                }

                @Override
                public <S> S get(Class<S> port) {
                    S real = s.get(port);
                    if (port != InvoiceStore.class) {
                        return real;
                    }
                    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
                            (proxy, method, args) -> {
                                if (method.getName().equals("insert")) {
                                    inserts.incrementAndGet();
                                } else if (method.getName().equals("insertAll")) {
                                    if (insertAlls.getAndIncrement() == 0) {
                                        beforeFirstInsertAll.run();
                                    }
                                }
                                try {
                                    return method.invoke(real, args);
                                } catch (InvocationTargetException e) {
                                    throw e.getCause();
                                }
                            }));
                }
            }));
        }

        @Override
        public List<TenantId> tenantIds() {
            return delegate.tenantIds();
        }
    }
}
