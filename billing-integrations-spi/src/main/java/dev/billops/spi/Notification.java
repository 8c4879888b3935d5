package dev.billops.spi;

import dev.billops.core.id.EventId;
import dev.billops.core.id.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.Collections;
import org.jspecify.annotations.Nullable;

/**
 * A message to send: what happened, to whom, with what text and files.
 *
 * <p>Channel-neutral: an e-mail notifier uses the recipients, subject, body and attachments; a
 * chat notifier posts the subject, body and facts to its channel and ignores the recipients.
 *
 * @param kind what it is about
 * @param tenant whose business it is
 * @param recipients e-mail addresses of the client (may be empty for channel notifiers)
 * @param subject a one-line summary, e.g. {@code "Invoice INV-2026-00042"}
 * @param body plain text
 * @param facts key facts in display order (invoice number, amount, due date …)
 * @param attachments files to send, e.g. the invoice PDF
 * @param eventId the event this notification was made for, or null
 */
public record Notification(Kind kind, TenantId tenant, List<String> recipients, String subject, String body,
        Map<String, String> facts, List<Attachment> attachments, @Nullable EventId eventId) {

    /** What a notification is about. */
    public enum Kind { INVOICE_ISSUED, PAYMENT_RECEIPT, PAYMENT_FAILED, REMINDER, OVERDUE, OTHER }

    public Notification {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        recipients = List.copyOf(recipients);
        facts = Collections.unmodifiableMap(new java.util.LinkedHashMap<>(facts));
        attachments = List.copyOf(attachments);
    }

    /** A notification with no recipients, facts or attachments. */
    public static Notification of(Kind kind, TenantId tenant, String subject, String body) {
        return new Notification(kind, tenant, List.of(), subject, body, Map.of(), List.of(), null);
    }

    public Notification withRecipients(List<String> to) {
        return new Notification(kind, tenant, to, subject, body, facts, attachments, eventId);
    }

    public Notification withFacts(Map<String, String> f) {
        return new Notification(kind, tenant, recipients, subject, body, f, attachments, eventId);
    }

    public Notification withAttachment(Attachment a) {
        List<Attachment> all = new java.util.ArrayList<>(attachments);
        all.add(Objects.requireNonNull(a, "attachment"));
        return new Notification(kind, tenant, recipients, subject, body, facts, all, eventId);
    }

    public Notification withEventId(@Nullable EventId id) {
        return new Notification(kind, tenant, recipients, subject, body, facts, attachments, id);
    }

    /** Facts sorted by key, for channels that print them in a stable order. */
    public Map<String, String> sortedFacts() {
        return new TreeMap<>(facts);
    }
}
