package dev.billops.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.billops.core.id.ClientId;
import dev.billops.core.id.InvoiceId;
import dev.billops.core.id.TenantId;
import dev.billops.core.money.Money;
import dev.billops.spi.ChargeRequest;
import dev.billops.spi.ChargeResult;
import org.junit.jupiter.api.Test;

class DemoCardGatewayTest {

    private final DemoCardGateway gateway = new DemoCardGateway(Money.of("EUR", "100.00"));

    @Test
    void charge_sameKeyTwice_chargesOnceAndAnswersTheSame() {
        ChargeResult first = gateway.charge(request("k1", "60.00"));
        ChargeResult again = gateway.charge(request("k1", "60.00"));

        assertEquals(ChargeResult.Status.SUCCEEDED, first.status());
        assertEquals(first, again);
        // only 60 of the 100 are used: a second key of 40 still fits
        assertEquals(ChargeResult.Status.SUCCEEDED, gateway.charge(request("k2", "40.00")).status());
    }

    @Test
    void charge_pastTheLimit_isDeclinedAndStatusSaysSo() {
        gateway.charge(request("k1", "60.00"));

        ChargeResult declined = gateway.charge(request("k2", "40.01"));

        assertEquals(ChargeResult.Status.FAILED, declined.status());
        assertEquals(declined, gateway.status("k2"));
        assertEquals(ChargeResult.Status.SUCCEEDED, gateway.status("k1").status());
    }

    @Test
    void charge_otherCurrency_isDeclined() {
        assertEquals(ChargeResult.Status.FAILED, gateway.charge(request("k1", "USD", "1.00")).status());
    }

    private static ChargeRequest request(String key, String amount) {
        return request(key, "EUR", amount);
    }

    private static ChargeRequest request(String key, String currency, String amount) {
        return new ChargeRequest(TenantId.of("t"), ClientId.of("c"), InvoiceId.of("i-" + key), "PKG-1",
                Money.of(currency, amount), "pm_1", key);
    }
}
