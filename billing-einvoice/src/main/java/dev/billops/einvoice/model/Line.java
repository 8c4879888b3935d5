package dev.billops.einvoice.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An invoice line (BG-25) with its price details (BG-29) and item information (BG-31).
 *
 * @param id line identifier (BT-126)
 * @param note line note (BT-127), or null
 * @param objectId line object identifier with its scheme (BT-128), or null
 * @param quantity invoiced quantity (BT-129); negative on corrections
 * @param unitCode unit of measure, a UN/ECE Rec 20 or Rec 21 code (BT-130), e.g. {@code "HUR"}, {@code "MIN"}, {@code "C62"}, {@code "KGM"}
 * @param netAmount line net amount (BT-131)
 * @param orderLineReference referenced purchase order line (BT-132), or null
 * @param accountingReference line buyer accounting reference (BT-133), or null
 * @param period line period (BG-26), or null
 * @param allowancesCharges line allowances and charges (BG-27/BG-28)
 * @param netPrice item net price (BT-146), never negative in a valid document
 * @param priceDiscount item price discount (BT-147), or null
 * @param grossPrice item gross price (BT-148), or null
 * @param baseQuantity item price base quantity (BT-149), or null for 1
 * @param baseQuantityUnit unit of the base quantity (BT-150), or null
 * @param vatCategory invoiced item VAT category code (BT-151)
 * @param vatRate invoiced item VAT rate (BT-152); null for category O
 * @param itemName item name (BT-153)
 * @param itemDescription item description (BT-154), or null
 * @param sellersItemId item seller's identifier (BT-155), or null
 * @param buyersItemId item buyer's identifier (BT-156), or null
 * @param standardItemId item standard identifier with scheme (BT-157), or null
 * @param classifications item classifications (BT-158)
 * @param originCountry item country of origin (BT-159), or null
 * @param attributes item attributes (BG-32)
 */
public record Line(
        String id,
        @Nullable String note,
        @Nullable Identifier objectId,
        BigDecimal quantity,
        String unitCode,
        BigDecimal netAmount,
        @Nullable String orderLineReference,
        @Nullable String accountingReference,
        @Nullable Period period,
        List<AllowanceCharge> allowancesCharges,
        BigDecimal netPrice,
        @Nullable BigDecimal priceDiscount,
        @Nullable BigDecimal grossPrice,
        @Nullable BigDecimal baseQuantity,
        @Nullable String baseQuantityUnit,
        String vatCategory,
        @Nullable BigDecimal vatRate,
        String itemName,
        @Nullable String itemDescription,
        @Nullable String sellersItemId,
        @Nullable String buyersItemId,
        @Nullable Identifier standardItemId,
        List<ItemClassification> classifications,
        @Nullable String originCountry,
        List<ItemAttribute> attributes) {

    public Line {
        id = Checks.text("line identifier", id);
        note = Checks.optional("line note", note);
        Objects.requireNonNull(quantity, "quantity");
        unitCode = Checks.text("unit of measure", unitCode);
        Objects.requireNonNull(netAmount, "netAmount");
        orderLineReference = Checks.optional("referenced purchase order line", orderLineReference);
        accountingReference = Checks.optional("line buyer accounting reference", accountingReference);
        allowancesCharges = Checks.list("allowancesCharges", allowancesCharges);
        Objects.requireNonNull(netPrice, "netPrice");
        baseQuantityUnit = Checks.optional("unit of the base quantity", baseQuantityUnit);
        vatCategory = Checks.text("invoiced item VAT category code", vatCategory);
        itemName = Checks.text("item name", itemName);
        itemDescription = Checks.optional("item description", itemDescription);
        sellersItemId = Checks.optional("item seller's identifier", sellersItemId);
        buyersItemId = Checks.optional("item buyer's identifier", buyersItemId);
        classifications = Checks.list("classifications", classifications);
        originCountry = Checks.optional("item country of origin", originCountry);
        attributes = Checks.list("attributes", attributes);

    }

    /**
     * A plain line: quantity × net price, no allowances, no item details.
     */
    public static Line of(String id, BigDecimal quantity, String unitCode, BigDecimal netAmount, BigDecimal netPrice,
            String vatCategory, @Nullable BigDecimal vatRate, String itemName) {
        return new Line(id, null, null, quantity, unitCode, netAmount, null, null, null, List.of(), netPrice, null, null,
                null, null, vatCategory, vatRate, itemName, null, null, null, null, List.of(), null, List.of());
    }


    /** This line with a line note (BT-127). */
    public Line withNote(@Nullable String note) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

    /** This line with a line period (BG-26). */
    public Line withPeriod(@Nullable Period period) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

    /** This line with its allowances and charges replaced. */
    public Line withAllowancesCharges(List<AllowanceCharge> allowancesCharges) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

    /** This line with price details (BT-146 to BT-150). */
    public Line withPrice(BigDecimal netPrice, @Nullable BigDecimal priceDiscount, @Nullable BigDecimal grossPrice, @Nullable BigDecimal baseQuantity, @Nullable String baseQuantityUnit) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

    /** This line with a purchase order line reference (BT-132). */
    public Line withOrderLineReference(@Nullable String orderLineReference) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

    /** This line with an object identifier (BT-128). */
    public Line withObjectId(@Nullable Identifier objectId) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

    /** This line with a buyer accounting reference (BT-133). */
    public Line withAccountingReference(@Nullable String accountingReference) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

    /** This line with item details (BT-154 to BT-159, BG-32). */
    public Line withItem(@Nullable String itemDescription, @Nullable String sellersItemId, @Nullable String buyersItemId, @Nullable Identifier standardItemId, List<ItemClassification> classifications, @Nullable String originCountry, List<ItemAttribute> attributes) {
        return new Line(id, note, objectId, quantity, unitCode, netAmount, orderLineReference, accountingReference, period, allowancesCharges, netPrice, priceDiscount, grossPrice, baseQuantity, baseQuantityUnit, vatCategory, vatRate, itemName, itemDescription, sellersItemId, buyersItemId, standardItemId, classifications, originCountry, attributes);
    }

}
