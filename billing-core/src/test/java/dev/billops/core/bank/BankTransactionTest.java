package dev.billops.core.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.InvalidTextException;
import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BankTransactionTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 15);

    @Test
    void new_zeroOrNegativeAmount_throwsNamingIdAndAmount() {
        InvalidInputException zero = assertThrows(InvalidInputException.class,
                () -> BankTransaction.credit("T-1", DAY, Money.of("EUR", "0.00")));
        InvalidInputException negative = assertThrows(InvalidInputException.class,
                () -> BankTransaction.credit("T-2", DAY, Money.of("EUR", "-5.00")));

        assertTrue(zero.getMessage().contains("'T-1'") && zero.getMessage().contains("EUR 0.00"), zero.getMessage());
        assertTrue(negative.getMessage().contains("EUR -5.00"), negative.getMessage());
    }

    @Test
    void new_blankIdOrBadTexts_throwsNamingTheField() {
        assertThrows(InvalidInputException.class, () -> BankTransaction.credit(" ", DAY, Money.of("EUR", "1.00")));
        InvalidTextException nul = assertThrows(InvalidTextException.class,
                () -> BankTransaction.credit("T", DAY, Money.of("EUR", "1.00")).withRemittance("a\u0000b"));
        InvalidTextException surrogate = assertThrows(InvalidTextException.class,
                () -> BankTransaction.credit("T", DAY, Money.of("EUR", "1.00")).withPayer("\ud800", null));
        InvalidTextException longText = assertThrows(InvalidTextException.class,
                () -> BankTransaction.credit("T", DAY, Money.of("EUR", "1.00")).withRemittance("x".repeat(10_001)));

        assertTrue(nul.getMessage().contains("remittance"), nul.getMessage());
        assertTrue(surrogate.getMessage().contains("payer name"), surrogate.getMessage());
        assertTrue(longText.getMessage().contains("10001"), longText.getMessage());
    }

    @Test
    void new_payerAccountWithPunctuation_throwsNamingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> BankTransaction.credit("T", DAY, Money.of("EUR", "1.00")).withPayer(null, "DE02-1203"));

        assertTrue(e.getMessage().contains("DE02-1203"), e.getMessage());
    }

    @Test
    void new_spacedLowerCaseIbanAndNotProvidedEndToEnd_areNormalized() {
        BankTransaction tx = BankTransaction.credit("T", DAY, Money.of("EUR", "1.00"))
                .withPayer(" ", "de02 1203 0000 0000 2020 51").withEndToEndId("NOTPROVIDED");

        assertEquals("DE02120300000000202051", tx.payerIban());
        assertNull(tx.payerName());
        assertNull(tx.endToEndId());
    }

    @Test
    void idempotencyKey_longIds_areDigestedToAtMost200Characters() {
        BankTransaction tx = BankTransaction.credit("x".repeat(200), DAY, Money.of("EUR", "1.00"));
        BankStatement s = new BankStatement("test", null, "DE89370400440532013000", List.of(tx));
        BankStatement noAccount = new BankStatement("test", null, null, List.of(tx));

        assertTrue(s.idempotencyKey(tx).matches("bank:sha256:[0-9a-f]{64}"), s.idempotencyKey(tx));
        assertEquals("bank:DE89370400440532013000:T", s.idempotencyKey(BankTransaction.credit("T", DAY,
                Money.of("EUR", "1.00"))));
        assertEquals("bank:T", noAccount.idempotencyKey(BankTransaction.credit("T", DAY, Money.of("EUR", "1.00"))));
    }

    @Test
    void payerDirectory_sameAccountTwice_isRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PayerDirectory.of(Map.of(
                "DE02 1203 0000 0000 2020 51", ClientId.of("a"), "de02120300000000202051", ClientId.of("b"))));

        assertTrue(e.getMessage().contains("DE02120300000000202051"), e.getMessage());
    }
}
