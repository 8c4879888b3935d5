package dev.billops.einvoice.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Payment instructions (BG-16).
 *
 * @param meansCode payment means type code from UNTDID 4461 (BT-81), e.g. {@code "58"} SEPA credit
 *     transfer, {@code "59"} SEPA direct debit, {@code "48"} card, {@code "30"} credit transfer
 * @param meansText payment means text (BT-82), or null
 * @param remittanceInformation remittance information (BT-83), e.g. the invoice number or a
 *     structured RF creditor reference, or null
 * @param creditTransfers credit transfer accounts (BG-17)
 * @param card payment card (BG-18), or null
 * @param directDebit direct debit (BG-19), or null
 */
public record PaymentInstructions(
        String meansCode,
        @Nullable String meansText,
        @Nullable String remittanceInformation,
        List<CreditTransfer> creditTransfers,
        @Nullable PaymentCard card,
        @Nullable DirectDebit directDebit) {

    /** SEPA credit transfer (UNTDID 4461). */
    public static final String SEPA_CREDIT_TRANSFER = "58";
    /** SEPA direct debit (UNTDID 4461). */
    public static final String SEPA_DIRECT_DEBIT = "59";
    /** Bank card (UNTDID 4461). */
    public static final String BANK_CARD = "48";
    /** Credit transfer, non-SEPA (UNTDID 4461). */
    public static final String CREDIT_TRANSFER = "30";

    public PaymentInstructions {
        meansCode = Checks.text("payment means code", meansCode);
        meansText = Checks.optional("payment means text", meansText);
        remittanceInformation = Checks.optional("remittance information", remittanceInformation);
        creditTransfers = Checks.list("credit transfers", creditTransfers);
    }

    /** A credit transfer to one account, with the given remittance information. */
    public static PaymentInstructions creditTransfer(String meansCode, CreditTransfer account,
            @Nullable String remittanceInformation) {
        return new PaymentInstructions(meansCode, null, remittanceInformation, List.of(account), null, null);
    }
}
