package dev.billops.core.invoice;

import dev.billops.core.error.CodeLists;
import dev.billops.core.error.InvalidBusinessTermException;
import dev.billops.core.money.UnitPrice;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What an e-invoice says about a line beyond its name, quantity and price (EN 16931 BG-25, BG-29,
 * BG-31). Every part is optional; {@link #NONE} has none. Texts are checked when set (not blank,
 * at most {@link CodeLists#MAX_TERM} characters), codes against their lists, so a line that is
 * stored can be written.
 *
 * @param note line note (BT-127)
 * @param objectId line object identifier (BT-128)
 * @param objectIdScheme its scheme, a UNTDID 1153 code such as {@code "AAJ"} (BT-128-1), or null
 * @param orderLineReference referenced purchase order line (BT-132)
 * @param accountingReference the buyer's accounting reference for the line (BT-133)
 * @param sellerItemId the seller's identifier of the item (BT-155)
 * @param buyerItemId the buyer's identifier of the item (BT-156)
 * @param standardItemId a standard identifier of the item, e.g. a GTIN (BT-157)
 * @param standardItemScheme its ISO 6523 ICD scheme, e.g. {@code "0160"} for GTIN (BT-157-1)
 * @param classifications item classifications (BT-158)
 * @param originCountry ISO 3166-1 alpha-2 country the item comes from (BT-159)
 * @param attributes item attributes (BG-32)
 * @param priceBeforeDiscount the item price before the price discount (BT-148, "gross price" in
 *     EN 16931, not tax-inclusive); the discount (BT-147) is this minus the line's price
 */
public record LineDetails(
        @Nullable String note,
        @Nullable String objectId,
        @Nullable String objectIdScheme,
        @Nullable String orderLineReference,
        @Nullable String accountingReference,
        @Nullable String sellerItemId,
        @Nullable String buyerItemId,
        @Nullable String standardItemId,
        @Nullable String standardItemScheme,
        List<Classification> classifications,
        @Nullable String originCountry,
        List<Attribute> attributes,
        @Nullable UnitPrice priceBeforeDiscount) {

    /** No details. */
    public static final LineDetails NONE = new LineDetails(null, null, null, null, null, null, null, null, null,
            List.of(), null, List.of(), null);

    /** Most classifications or attributes of one line. */
    public static final int MAX_ENTRIES = 100;

    private static final Pattern UNTDID_CODE = Pattern.compile("[A-Z0-9]{1,3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    /**
     * An item classification (BT-158): {@code code} in the list {@code listId}, a UNTDID 7143 code
     * such as {@code "STI"} (BT-158-1), of version {@code listVersion} (BT-158-2) or null.
     */
    public record Classification(String code, String listId, @Nullable String listVersion) {
        public Classification {
            Objects.requireNonNull(code, "code");
            CodeLists.optionalText("BT-158 item classification", code, CodeLists.MAX_TERM);
            Objects.requireNonNull(listId, "listId");
            if (!UNTDID_CODE.matcher(listId).matches()) {
                throw new InvalidBusinessTermException("BT-158-1 classification list", listId,
                        "is not a UNTDID 7143 code (e.g. STI, CV, TST)");
            }
            listVersion = CodeLists.optionalText("BT-158-2 classification list version", listVersion, CodeLists.MAX_TERM);
        }
    }

    /** An item attribute (BT-160 name, BT-161 value). */
    public record Attribute(String name, String value) {
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            CodeLists.optionalText("BT-160 item attribute name", name, CodeLists.MAX_TERM);
            CodeLists.optionalText("BT-161 item attribute value", value, CodeLists.MAX_TERM);
        }
    }

    public LineDetails {
        note = CodeLists.optionalText("BT-127 line note", note, 4000);
        objectId = CodeLists.optionalText("BT-128 line object identifier", objectId, CodeLists.MAX_TERM);
        if (objectIdScheme != null) {
            if (objectId == null) {
                throw new InvalidBusinessTermException("BT-128-1 object identifier scheme", objectIdScheme,
                        "is given without an object identifier");
            }
            if (!UNTDID_CODE.matcher(objectIdScheme).matches()) {
                throw new InvalidBusinessTermException("BT-128-1 object identifier scheme", objectIdScheme,
                        "is not a UNTDID 1153 code (e.g. AAJ, ABZ)");
            }
        }
        orderLineReference = CodeLists.optionalText("BT-132 referenced purchase order line", orderLineReference,
                CodeLists.MAX_TERM);
        accountingReference = CodeLists.optionalText("BT-133 line buyer accounting reference", accountingReference,
                CodeLists.MAX_TERM);
        sellerItemId = CodeLists.optionalText("BT-155 item seller's identifier", sellerItemId, CodeLists.MAX_TERM);
        buyerItemId = CodeLists.optionalText("BT-156 item buyer's identifier", buyerItemId, CodeLists.MAX_TERM);
        standardItemId = CodeLists.optionalText("BT-157 item standard identifier", standardItemId, CodeLists.MAX_TERM);
        if (standardItemId == null) {
            if (standardItemScheme != null) {
                throw new InvalidBusinessTermException("BT-157-1 item standard identifier scheme", standardItemScheme,
                        "is given without a standard identifier");
            }
        } else {
            if (standardItemScheme == null) {
                throw new InvalidBusinessTermException("BT-157 item standard identifier", standardItemId,
                        "needs its ISO 6523 scheme (BR-64), e.g. 0160 for a GTIN");
            }
            standardItemScheme = CodeLists.icd("BT-157-1 item standard identifier scheme", standardItemScheme);
        }
        classifications = List.copyOf(Objects.requireNonNull(classifications, "classifications"));
        attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
        if (classifications.size() > MAX_ENTRIES || attributes.size() > MAX_ENTRIES) {
            throw new InvalidBusinessTermException("BG-31 item information",
                    classifications.size() + " classifications, " + attributes.size() + " attributes",
                    "are more than the " + MAX_ENTRIES + " a line may have of each");
        }
        if (originCountry != null && !COUNTRY.matcher(originCountry).matches()) {
            throw new InvalidBusinessTermException("BT-159 item country of origin", originCountry,
                    "is not an ISO 3166-1 alpha-2 code");
        }
    }

    /** These details with line note {@code note} (BT-127), or none if null. */
    public LineDetails withNote(@Nullable String note) {
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, accountingReference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, classifications, originCountry, attributes,
                priceBeforeDiscount);
    }

    /** These details with object identifier {@code id} (BT-128) of UNTDID 1153 scheme {@code scheme} (or null). */
    public LineDetails withObjectId(@Nullable String id, @Nullable String scheme) {
        return new LineDetails(note, id, scheme, orderLineReference, accountingReference, sellerItemId, buyerItemId,
                standardItemId, standardItemScheme, classifications, originCountry, attributes, priceBeforeDiscount);
    }

    /** These details referring to purchase order line {@code reference} (BT-132), or none if null. */
    public LineDetails withOrderLineReference(@Nullable String reference) {
        return new LineDetails(note, objectId, objectIdScheme, reference, accountingReference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, classifications, originCountry, attributes,
                priceBeforeDiscount);
    }

    /** These details with the buyer's accounting reference {@code reference} (BT-133), or none if null. */
    public LineDetails withAccountingReference(@Nullable String reference) {
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, reference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, classifications, originCountry, attributes,
                priceBeforeDiscount);
    }

    /** These details with the seller's and the buyer's item identifiers (BT-155, BT-156), each or both null. */
    public LineDetails withItemIds(@Nullable String sellerItemId, @Nullable String buyerItemId) {
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, accountingReference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, classifications, originCountry, attributes,
                priceBeforeDiscount);
    }

    /** These details with standard item identifier {@code id} (BT-157) of ISO 6523 scheme {@code scheme}. */
    public LineDetails withStandardItemId(@Nullable String id, @Nullable String scheme) {
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, accountingReference, sellerItemId,
                buyerItemId, id, scheme, classifications, originCountry, attributes, priceBeforeDiscount);
    }

    /** These details with one more classification (BT-158). */
    public LineDetails withClassification(String code, String listId, @Nullable String listVersion) {
        List<Classification> all = new ArrayList<>(classifications);
        all.add(new Classification(code, listId, listVersion));
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, accountingReference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, all, originCountry, attributes, priceBeforeDiscount);
    }

    /** These details with country of origin {@code country} (BT-159), or none if null. */
    public LineDetails withOriginCountry(@Nullable String country) {
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, accountingReference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, classifications, country, attributes,
                priceBeforeDiscount);
    }

    /** These details with one more attribute (BT-160/161). */
    public LineDetails withAttribute(String name, String value) {
        List<Attribute> all = new ArrayList<>(attributes);
        all.add(new Attribute(name, value));
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, accountingReference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, classifications, originCountry, all,
                priceBeforeDiscount);
    }

    /**
     * These details with the item price before discount {@code price} (BT-148), or none if null;
     * the line checks it against its own price.
     */
    public LineDetails withPriceBeforeDiscount(@Nullable UnitPrice price) {
        return new LineDetails(note, objectId, objectIdScheme, orderLineReference, accountingReference, sellerItemId,
                buyerItemId, standardItemId, standardItemScheme, classifications, originCountry, attributes, price);
    }
}
