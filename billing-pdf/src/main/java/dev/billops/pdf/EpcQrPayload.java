package dev.billops.pdf;

import dev.billops.core.error.InvalidInputException;
import dev.billops.core.money.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The text of an EPC QR code ("GiroCode", "Scan to pay"): a SEPA credit transfer as defined by
 * the European Payments Council's guideline EPC069-12, version 002, UTF-8.
 *
 * <p>A banking app that scans it pre-fills a transfer of {@code amount} to {@code iban}. The
 * remittance is sent as a structured creditor reference when it is a valid ISO 11649 reference
 * ({@code RF…}), otherwise as unstructured text.
 *
 * @param beneficiaryName the payee, 1–70 characters
 * @param iban the payee's IBAN; spaces are removed and letters upper-cased; must pass the
 *     ISO 13616 check digits
 * @param bic the payee's BIC (8 or 11 characters), or null (optional within the EEA)
 * @param amount a euro amount from 0.01 to 999,999,999.99
 * @param remittance the payment reference: an RF creditor reference (up to 25 characters) or
 *     free text up to 140 characters; null for none
 * @param information a note to the payer shown by the app, up to 70 characters, or null
 */
public record EpcQrPayload(
        String beneficiaryName,
        String iban,
        @Nullable String bic,
        Money amount,
        @Nullable String remittance,
        @Nullable String information) {

    // compiled once: every rendering with a QR code checks its IBAN, BIC and reference
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern CREDITOR_REFERENCE = Pattern.compile("RF[0-9]{2}[A-Z0-9]{1,21}");

    /** Longest payload the guideline allows, in bytes. */
    public static final int MAX_BYTES = 331;

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    public EpcQrPayload {
        Objects.requireNonNull(beneficiaryName, "beneficiaryName");
        Objects.requireNonNull(iban, "iban");
        Objects.requireNonNull(amount, "amount");
        beneficiaryName = beneficiaryName.strip();
        if (beneficiaryName.isEmpty() || beneficiaryName.length() > 70 || hasLineBreak(beneficiaryName)) {
            throw new InvalidInputException("EPC QR beneficiary name '" + beneficiaryName
                    + "' must be 1 to 70 characters on one line");
        }
        iban = normalizeIban(iban);
        if (!isValidIban(iban)) {
            throw new InvalidInputException("IBAN '" + iban + "' fails the ISO 13616 format or check digits");
        }
        if (bic != null) {
            bic = bic.replace(" ", "").toUpperCase(Locale.ROOT);
            if (!BIC.matcher(bic).matches()) {
                throw new InvalidInputException("BIC '" + bic + "' is not 8 or 11 characters of the form AAAACCLL[BBB]");
            }
        }
        if (!amount.currencyCode().equals("EUR")) {
            throw new InvalidInputException("an EPC QR code transfers euros only, got " + amount);
        }
        if (amount.amount().compareTo(new BigDecimal("0.01")) < 0 || amount.amount().compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidInputException("EPC QR amount " + amount + " is outside EUR 0.01..999999999.99");
        }
        if (remittance != null) {
            remittance = remittance.strip();
            if (remittance.isEmpty()) {
                remittance = null;
            } else if (remittance.length() > 140 || hasLineBreak(remittance)) {
                throw new InvalidInputException("EPC QR remittance '" + remittance
                        + "' must be at most 140 characters on one line");
            }
        }
        if (information != null) {
            information = information.strip();
            if (information.isEmpty()) {
                information = null;
            } else if (information.length() > 70 || hasLineBreak(information)) {
                throw new InvalidInputException("EPC QR information '" + information
                        + "' must be at most 70 characters on one line");
            }
        }
        int bytes = text(beneficiaryName, iban, bic, amount, remittance, information)
                .getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new InvalidInputException("EPC QR payload is " + bytes + " bytes, more than the " + MAX_BYTES
                    + " allowed; shorten the name, remittance or information");
        }
    }

    /** A transfer of {@code amount} with a payment reference and no note. */
    public static EpcQrPayload of(String beneficiaryName, String iban, @Nullable String bic, Money amount,
            @Nullable String remittance) {
        return new EpcQrPayload(beneficiaryName, iban, bic, amount, remittance, null);
    }

    /**
     * The payload: twelve lines separated by LF (service tag BCD, version 002, character set 1 =
     * UTF-8, identification SCT, BIC, name, IBAN, amount, purpose, structured reference,
     * unstructured remittance, information), without the empty trailing lines.
     */
    public String text() {
        return text(beneficiaryName, iban, bic, amount, remittance, information);
    }

    /** Whether the remittance travels as a structured ISO 11649 creditor reference. */
    public boolean structuredReference() {
        return remittance != null && isCreditorReference(remittance);
    }

    /** The IBAN without spaces and upper-cased. */
    static String normalizeIban(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** ISO 13616: country, two check digits, up to 30 alphanumerics, and mod 97 = 1. */
    static boolean isValidIban(String iban) {
        String s = normalizeIban(iban);
        if (!IBAN.matcher(s).matches()) {
            return false;
        }
        return mod97(s.substring(4) + s.substring(0, 4)) == 1;
    }

    /** ISO 11649: "RF", two check digits, 1–21 alphanumerics, and mod 97 = 1. */
    static boolean isCreditorReference(String reference) {
        String s = reference.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!CREDITOR_REFERENCE.matcher(s).matches()) {
            return false;
        }
        return mod97(s.substring(4) + s.substring(0, 4)) == 1;
    }

    private static int mod97(String alphanumeric) {
        int remainder = 0;
        for (int i = 0; i < alphanumeric.length(); i++) {
            char c = alphanumeric.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = (value > 9 ? remainder * 100 + value : remainder * 10 + value) % 97;
        }
        return remainder;
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static String text(String name, String iban, @Nullable String bic, Money amount,
            @Nullable String remittance, @Nullable String information) {
        boolean structured = remittance != null && isCreditorReference(remittance);
        String[] fields = {
            "BCD", "002", "1", "SCT",
            bic == null ? "" : bic,
            name,
            iban,
            "EUR" + amount.amount().toPlainString(),
            "",
            structured ? remittance.replace(" ", "").toUpperCase(Locale.ROOT) : "",
            remittance != null && !structured ? remittance : "",
            information == null ? "" : information,
        };
        int last = fields.length - 1;
        while (fields[last].isEmpty()) {
            last--;
        }
        StringBuilder sb = new StringBuilder(128);
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(fields[i]);
        }
        return sb.toString();
    }
}
