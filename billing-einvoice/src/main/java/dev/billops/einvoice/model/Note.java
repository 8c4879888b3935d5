package dev.billops.einvoice.model;

import dev.billops.core.error.Text;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An invoice note (BG-1).
 *
 * @param subjectCode subject code from UNTDID 4451 (BT-21), e.g. {@code "AAI"}, or null
 * @param text the note (BT-22)
 */
public record Note(@Nullable String subjectCode, String text) {

    public Note {
        subjectCode = Checks.optional("note subject code", subjectCode);
        Objects.requireNonNull(text, "text");
        Text.require("note", text, 100_000);
    }

    public static Note of(String text) {
        return new Note(null, text);
    }
}
