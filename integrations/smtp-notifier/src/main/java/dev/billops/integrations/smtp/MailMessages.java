package dev.billops.integrations.smtp;

import dev.billops.spi.Attachment;
import dev.billops.spi.Notification;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Builds the MIME message of a notification: UTF-8 subject and plain-text body (the body, then
 * the facts as {@code key: value} lines), and, when there are attachments, a
 * {@code multipart/mixed} with each attachment as a base64 part carrying its file name and content
 * type. The text travels with CRLF line ends, as MIME wants text; attachments arrive byte for byte.
 */
final class MailMessages {

    static final String EVENT_ID_HEADER = "X-BillOps-Event-Id";
    static final String KIND_HEADER = "X-BillOps-Kind";

    private MailMessages() {
    }

    static MimeMessage build(Session session, InternetAddress from, List<InternetAddress> to, Notification n,
            Instant now) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(from);
        m.setRecipients(Message.RecipientType.TO, to.toArray(new InternetAddress[0]));
        m.setSubject(n.subject(), "UTF-8");
        m.setSentDate(Date.from(now));
        m.setHeader(KIND_HEADER, n.kind().name());
        if (n.eventId() != null) {
            m.setHeader(EVENT_ID_HEADER, n.eventId().value());
        }
        String text = text(n);
        if (n.attachments().isEmpty()) {
            m.setText(text, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart textPart = new MimeBodyPart();
            textPart.setText(text, "UTF-8");
            mixed.addBodyPart(textPart);
            for (Attachment a : n.attachments()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(a.content(), a.contentType())));
                part.setFileName(a.fileName());
                part.setDisposition(Part.ATTACHMENT);
                // base64 for every file, text ones too: MIME would rewrite a text part's line
                // endings to CRLF, and an attachment must arrive byte for byte as it was made
                part.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    /** The body, a blank line, then one {@code key: value} line per fact, in display order. */
    static String text(Notification n) {
        StringBuilder b = new StringBuilder(n.body());
        if (!n.facts().isEmpty()) {
            if (b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                b.append('\n');
            }
            b.append('\n');
            for (Map.Entry<String, String> fact : n.facts().entrySet()) {
                b.append(fact.getKey()).append(": ").append(fact.getValue()).append('\n');
            }
        }
        return b.toString();
    }
}
