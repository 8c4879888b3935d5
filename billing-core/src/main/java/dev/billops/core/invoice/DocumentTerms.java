package dev.billops.core.invoice;

import dev.billops.core.error.CodeLists;
import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.error.Text;
import dev.billops.core.party.DeliverTo;
import dev.billops.core.party.Payee;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one document says beyond its lines, amounts and {@linkplain InvoiceReferences references}:
 * the VAT point (BT-7 or BT-8), notes with subject codes (BG-1), delivery (BG-13), a payee of its
 * own (BG-10), a payment card or a direct-debit mandate (BG-18/BG-19), and the preceding invoice
 * it refers to (BG-3). Every part is optional; codes are checked against their code lists when
 * the value is built, so a refused value is never stored. Build from {@link #none()} with the
 * withers and set on a draft with {@code Invoices.terms(draftId, terms)}.
 *
 * <p>Parts that default from elsewhere when left out: the deliver-to party from the client's
 * {@linkplain dev.billops.core.party.PartyDetails#deliverTo() default} (taken at issue), the payee
 * from the tenant's (when the e-invoice is written). Without card or mandate the document asks for
 * a credit transfer to the tenant's account.
 *
 * @param taxPointDate the date VAT becomes due (BT-7), or null
 * @param taxPointCode instead of a date, the UNTDID 2005 code of the event that fixes it (BT-8):
 *     {@code 3} invoice date, {@code 35} delivery date, {@code 432} payment date; or null.
 *     At most one of the two is given (BR-CO-03)
 * @param notes the document's notes (BG-1), each with an optional subject code, in order; the
 *     invoice's plain {@link Invoice#notes() notes} text comes first, without a code
 * @param deliverTo where it was delivered (BT-70, BT-71, BG-15), or null
 * @param deliveryDate the actual delivery date (BT-72), or null
 * @param payee a payee for this document only (BG-10), e.g. the factoring company of a
 *     receivable sold alone; null for the tenant's default
 * @param card the payment card the buyer pays with (BG-18), or null
 * @param directDebit the direct-debit mandate the seller collects with (BG-19), or null; at most
 *     one of card and direct debit is given
 * @param precedingInvoice the invoice this one refers to (BG-3), or null; required for a
 *     {@linkplain DocumentType#CORRECTED corrected invoice}
 */
public record DocumentTerms(
        @Nullable LocalDate taxPointDate,
        @Nullable String taxPointCode,
        List<Note> notes,
        @Nullable DeliverTo deliverTo,
        @Nullable LocalDate deliveryDate,
        @Nullable Payee payee,
        @Nullable Card card,
        @Nullable DirectDebit directDebit,
        @Nullable PrecedingInvoice precedingInvoice) {

    /** Most notes on one document. */
    public static final int MAX_NOTES = 100;

    private static final DocumentTerms NONE = new DocumentTerms(null, null, List.of(), null, null, null, null, null,
            null);

    /**
     * @throws InvalidBusinessTermException if both BT-7 and BT-8 are given, a code is unknown, or
     *     both a card and a direct debit are given
     */
    public DocumentTerms {
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
        taxPointCode = CodeLists.taxPointCode("BT-8 value added tax point date code", taxPointCode);
        if (taxPointDate != null && taxPointCode != null) {
            throw new InvalidBusinessTermException("BT-8 value added tax point date code", taxPointCode,
                    "is given beside the VAT point date " + taxPointDate + " (BT-7); give one of them (BR-CO-03)");
        }
        if (notes.size() > MAX_NOTES) {
            throw new InvalidBusinessTermException("BG-1 invoice note", notes.size() + " notes",
                    "are more than " + MAX_NOTES);
        }
        if (card != null && directDebit != null) {
            throw new InvalidBusinessTermException("BG-18 payment card", card.lastDigits(),
                    "is given beside the direct-debit mandate " + Text.quote(directDebit.mandate())
                            + " (BG-19); a document is paid one way");
        }
    }

    /** No terms. */
    public static DocumentTerms none() {
        return NONE;
    }

    /** Whether every part is absent. */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** These terms with VAT point date {@code date} (BT-7) and no date code, or neither if null. */
    public DocumentTerms withTaxPointDate(@Nullable LocalDate date) {
        return new DocumentTerms(date, null, notes, deliverTo, deliveryDate, payee, card, directDebit,
                precedingInvoice);
    }

    /**
     * These terms with VAT point date code {@code code} (BT-8) and no date, or neither if null.
     *
     * @throws InvalidBusinessTermException if it is not 3, 35 or 432
     */
    public DocumentTerms withTaxPointCode(@Nullable String code) {
        return new DocumentTerms(null, code, notes, deliverTo, deliveryDate, payee, card, directDebit,
                precedingInvoice);
    }

    /** These terms with {@code notes} replacing their own. */
    public DocumentTerms withNotes(List<Note> notes) {
        return new DocumentTerms(taxPointDate, taxPointCode, notes, deliverTo, deliveryDate, payee, card, directDebit,
                precedingInvoice);
    }

    /**
     * These terms with note {@code text} (BT-22) with subject code {@code subjectCode} (BT-21, or
     * null) added last.
     *
     * @throws InvalidBusinessTermException if the text is blank or the code is not in UNTDID 4451
     */
    public DocumentTerms withNote(@Nullable String subjectCode, String text) {
        List<Note> all = new ArrayList<>(notes);
        all.add(new Note(subjectCode, text));
        return withNotes(all);
    }

    /** These terms delivered to {@code deliverTo} (BT-70, BT-71, BG-15) on {@code date} (BT-72); null for none. */
    public DocumentTerms withDelivery(@Nullable DeliverTo deliverTo, @Nullable LocalDate date) {
        return new DocumentTerms(taxPointDate, taxPointCode, notes, deliverTo, date, payee, card, directDebit,
                precedingInvoice);
    }

    /** These terms with payee {@code payee} (BG-10) for this document, or the tenant's if null. */
    public DocumentTerms withPayee(@Nullable Payee payee) {
        return new DocumentTerms(taxPointDate, taxPointCode, notes, deliverTo, deliveryDate, payee, card, directDebit,
                precedingInvoice);
    }

    /** These terms paid with {@code card} (BG-18) instead of any direct debit, or neither if null. */
    public DocumentTerms withCard(@Nullable Card card) {
        return new DocumentTerms(taxPointDate, taxPointCode, notes, deliverTo, deliveryDate, payee, card, null,
                precedingInvoice);
    }

    /** These terms collected by {@code directDebit} (BG-19) instead of any card, or neither if null. */
    public DocumentTerms withDirectDebit(@Nullable DirectDebit directDebit) {
        return new DocumentTerms(taxPointDate, taxPointCode, notes, deliverTo, deliveryDate, payee, null, directDebit,
                precedingInvoice);
    }

    /** These terms referring to {@code preceding} (BG-3), or to none if null. */
    public DocumentTerms withPrecedingInvoice(@Nullable PrecedingInvoice preceding) {
        return new DocumentTerms(taxPointDate, taxPointCode, notes, deliverTo, deliveryDate, payee, card, directDebit,
                preceding);
    }

    /**
     * A note (BG-1).
     *
     * @param subjectCode its UNTDID 4451 subject code (BT-21), e.g. {@code AAI} general
     *     information, {@code REG} regulatory, {@code SUR} supplier remarks; or null
     * @param text the note (BT-22), not blank
     */
    public record Note(@Nullable String subjectCode, String text) {

        /** Longest note. */
        public static final int MAX_TEXT = 100_000;

        /** @throws InvalidBusinessTermException if the text is blank or the code is not in UNTDID 4451 */
        public Note {
            Objects.requireNonNull(text, "text");
            subjectCode = CodeLists.subjectCode("BT-21 invoice note subject code", subjectCode);
            text = Objects.requireNonNull(CodeLists.optionalText("BT-22 invoice note", text, MAX_TEXT));
        }
    }

    /**
     * Payment by card (BG-18). Only the last digits of the card number are kept, as the card
     * industry's data security rules require.
     *
     * @param meansCode UNTDID 4461 payment means code (BT-81): {@code 48} bank card, {@code 54}
     *     credit card or {@code 55} debit card
     * @param lastDigits the last 4 to 6 digits of the primary account number (BT-87)
     * @param holder the card holder's name (BT-88), or null
     */
    public record Card(String meansCode, String lastDigits, @Nullable String holder) {

        /** @throws InvalidBusinessTermException if the code is no card code or the digits are not 4 to 6 digits */
        public Card {
            Objects.requireNonNull(meansCode, "meansCode");
            Objects.requireNonNull(lastDigits, "lastDigits");
            if (!meansCode.equals("48") && !meansCode.equals("54") && !meansCode.equals("55")) {
                throw new InvalidBusinessTermException("BT-81 payment means type code", meansCode,
                        "is no card payment code (48 bank card, 54 credit card, 55 debit card)");
            }
            if (!lastDigits.matches("[0-9]{4,6}")) {
                throw new InvalidBusinessTermException("BT-87 payment card primary account number", lastDigits,
                        "is not the last 4 to 6 digits of the card number");
            }
            holder = CodeLists.optionalText("BT-88 payment card holder name", holder, CodeLists.MAX_TERM);
        }

        /** A bank card (code 48) ending in {@code lastDigits}, holder {@code holder} or none. */
        public static Card bankCard(String lastDigits, @Nullable String holder) {
            return new Card("48", lastDigits, holder);
        }
    }

    /**
     * Collection by direct debit (BG-19). The creditor identifier (BT-90) is the tenant's
     * ({@link dev.billops.core.party.PartyDetails#creditorId()}), the debited account (BT-91) the
     * client's ({@link dev.billops.core.party.PartyDetails#debitedAccount()}).
     *
     * @param meansCode UNTDID 4461 payment means code (BT-81): {@code 59} SEPA direct debit or
     *     {@code 49} direct debit
     * @param mandate the mandate reference (BT-89)
     */
    public record DirectDebit(String meansCode, String mandate) {

        /** @throws InvalidBusinessTermException if the code is no direct-debit code or the mandate is blank */
        public DirectDebit {
            Objects.requireNonNull(meansCode, "meansCode");
            Objects.requireNonNull(mandate, "mandate");
            if (!meansCode.equals("49") && !meansCode.equals("59")) {
                throw new InvalidBusinessTermException("BT-81 payment means type code", meansCode,
                        "is no direct-debit code (59 SEPA direct debit, 49 direct debit)");
            }
            // a SEPA mandate reference has at most 35 characters
            mandate = Objects.requireNonNull(CodeLists.optionalText("BT-89 mandate reference identifier", mandate,
                    35));
        }

        /** A SEPA direct debit (code 59) under mandate {@code mandate}. */
        public static DirectDebit sepa(String mandate) {
            return new DirectDebit("59", mandate);
        }
    }

    /**
     * A preceding invoice reference (BG-3).
     *
     * @param number its number (BT-25)
     * @param issueDate its issue date (BT-26), or null
     */
    public record PrecedingInvoice(String number, @Nullable LocalDate issueDate) {

        /** @throws InvalidBusinessTermException if the number is blank */
        public PrecedingInvoice {
            Objects.requireNonNull(number, "number");
            number = Objects.requireNonNull(CodeLists.optionalText("BT-25 preceding invoice reference", number,
                    CodeLists.MAX_TERM));
        }
    }
}
