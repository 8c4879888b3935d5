package dev.billops.einvoice.model;

/**
 * An item attribute (BG-32).
 *
 * @param name attribute name (BT-160)
 * @param value attribute value (BT-161)
 */
public record ItemAttribute(String name, String value) {

    public ItemAttribute {
        name = Checks.text("item attribute name", name);
        value = Checks.text("item attribute value", value);
    }
}
