package dev.billops.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.Billing;
import dev.billops.core.TenantBilling;
import dev.billops.core.error.InvalidTextException;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Actor;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.payment.Payment;
import dev.billops.core.payment.PaymentRequest;
import dev.billops.core.project.Activity;
import dev.billops.core.tax.TaxTreatment;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every store sees the same texts: a text that a store could not keep exactly (an unpaired
 * surrogate, which a driver turns into {@code ?}; a NUL character; more characters than the
 * column holds) is refused by the value types with {@link InvalidTextException} naming the field,
 * the same on every store, and nothing is stored. Written through the public {@link Billing}
 * facade. See {@link StoreContract}.
 */
public abstract class TextContract extends StoreContract {

    /** Texts no store can keep exactly, each with what makes it so. */
    protected static final List<String> UNSTORABLE = List.of(
            "bank-ref-\uD800", // unpaired high surrogate at the end
            "bank-ref-\uDBFF",
            "\uDBFF",
            "\uDC00 low surrogate first",
            "swapped pair \uDE00\uD83D",
            "nul \u0000 inside");

    private TenantBilling billing() {
        Billing b = Billing.builder().stores(store).clock(Clock.fixed(Fixtures.T0, ZoneOffset.UTC)).build();
        return b.tenant(tenant, Actor.user("alice"));
    }

    private void assertRefusedStoringNothing(String field, Executable failing) {
        InvalidTextException e = assertFailsStoringNothing(InvalidTextException.class, failing);
        assertTrue(e.getMessage().length() < 300, "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().startsWith(field), "message names the field " + field + ": " + e.getMessage());
    }

    @Test
    void createClient_unstorableName_refusedStoringNothing() {
        TenantBilling b = billing();
        for (String text : UNSTORABLE) {
            assertRefusedStoringNothing("client name", () -> b.clients().create(Client.of(ClientId.of("c"), text,
                    Address.of("Main St 1", "10115", "Berlin", "DE"), Fixtures.EUR)));
        }
    }

    @Test
    void createClient_nameLongerThanColumn_refusedStoringNothing() {
        TenantBilling b = billing();
        String tooLong = "N".repeat(1001);
        assertRefusedStoringNothing("client name", () -> b.clients().create(Client.of(ClientId.of("c"), tooLong,
                Address.of("Main St 1", "10115", "Berlin", "DE"), Fixtures.EUR)));
        String longest = "N".repeat(1000);
        Client stored = b.clients().create(Client.of(ClientId.of("c"), longest,
                Address.of("Main St 1", "10115", "Berlin", "DE"), Fixtures.EUR));
        assertEquals(longest, b.clients().get(stored.id()).name(), "the longest name the column holds round-trips");
    }

    @Test
    void createCatalog_unstorableTexts_refusedStoringNothing() {
        TenantBilling b = billing();
        for (String text : UNSTORABLE) {
            assertRefusedStoringNothing("address line", () -> b.clients().create(Client.of(ClientId.of("c"), "Acme",
                    Address.of(text, "10115", "Berlin", "DE"), Fixtures.EUR)));
            assertRefusedStoringNothing("timekeeper name", () -> b.timekeepers().create(
                    new Timekeeper(TimekeeperId.of("tk"), text, null, true)));
            assertRefusedStoringNothing("activity name", () -> b.activities().create(
                    new Activity(ActivityId.of("dev"), text, true)));
            assertRefusedStoringNothing("project code", () -> b.projects().create(Fixtures.sparseProject(
                    ProjectId.of("p"), ClientId.of("c")).withCode(text)));
        }
    }

    @Test
    void recordPayment_unstorableIdempotencyKeyOrReference_refusedStoringNothing() {
        TenantBilling b = billing();
        b.profile().save(Fixtures.sparseTenant(tenant));
        ClientId acme = b.clients().create(Fixtures.sparseClient(ClientId.of("acme"))).id();
        Money amount = Money.of(Fixtures.EUR, "77.00");
        for (String text : UNSTORABLE) {
            assertRefusedStoringNothing("payment idempotency key", () -> b.payments().record(
                    PaymentRequest.of(acme, amount).withIdempotencyKey(text)));
            assertRefusedStoringNothing("payment external reference", () -> b.payments().record(
                    PaymentRequest.of(acme, amount).withExternalRef(text)));
            assertRefusedStoringNothing("payment failure reason", () -> b.payments().recordFailed(
                    PaymentRequest.of(acme, amount), InvoiceId.of("inv-1"), "card declined: " + text));
        }
    }

    /** Three distinct keys that differ only where a driver would substitute '?' are three payments. */
    @Test
    void recordPayment_keysDifferingInOneCharacter_eachRecordedOnce() {
        TenantBilling b = billing();
        ClientId acme = b.clients().create(Fixtures.sparseClient(ClientId.of("acme"))).id();
        Money amount = Money.of(Fixtures.EUR, "77.00");
        Set<Object> ids = new HashSet<>();
        for (String key : List.of("bank-ref-?", "bank-ref-\uD83D\uDE00", "bank-ref-\uD83D\uDE01")) {
            Payment first = b.payments().record(PaymentRequest.of(acme, amount).withIdempotencyKey(key));
            Payment again = b.payments().record(PaymentRequest.of(acme, amount).withIdempotencyKey(key));
            assertEquals(first.id(), again.id(), "a retry with key " + key + " returns the first payment");
            assertEquals(key, first.idempotencyKey());
            ids.add(first.id());
        }
        assertEquals(3, ids.size());
        assertEquals(3, visible().payments().size());
        assertEquals(Money.of(Fixtures.EUR, "231.00"), b.payments().creditBalance(acme, Fixtures.EUR),
                "all three payments are recorded in full");
    }

    @Test
    void addLineAndNotes_unstorableTexts_refusedStoringNothing() {
        TenantBilling b = billing();
        b.profile().save(Fixtures.sparseTenant(tenant));
        ClientId acme = b.clients().create(Fixtures.sparseClient(ClientId.of("acme"))).id();
        Invoice draft = b.invoices().createDraft(acme);
        InvoiceId id = draft.id();
        for (String text : UNSTORABLE) {
            assertRefusedStoringNothing("line description", () -> b.invoices().addLine(id, InvoiceLine.of(text,
                    BigDecimal.ONE, UnitCode.PIECE, UnitPrice.of(Fixtures.EUR, "10.00"), TaxTreatment.zeroRated())));
            assertRefusedStoringNothing("invoice notes", () -> b.invoices().setNotes(id, text));
        }
    }
}
