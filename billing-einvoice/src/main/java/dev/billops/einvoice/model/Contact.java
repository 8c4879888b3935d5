package dev.billops.einvoice.model;

import org.jspecify.annotations.Nullable;

/**
 * A contact point (BG-6 seller contact, BG-9 buyer contact).
 *
 * @param name contact person or department (BT-41/BT-56), or null
 * @param phone telephone number (BT-42/BT-57), or null
 * @param email e-mail address (BT-43/BT-58), or null
 */
public record Contact(@Nullable String name, @Nullable String phone, @Nullable String email) {

    public Contact {
        name = Checks.optional("contact name", name);
        phone = Checks.optional("contact telephone", phone);
        email = Checks.optional("contact e-mail", email);
    }
}
