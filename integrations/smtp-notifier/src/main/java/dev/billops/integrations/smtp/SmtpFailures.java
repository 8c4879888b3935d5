package dev.billops.integrations.smtp;

import dev.billops.spi.PluginException;
import dev.billops.spi.TransientPluginException;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.jspecify.annotations.Nullable;

/**
 * Sorts what Jakarta Mail threw into retry-worthy and final failures, the way SMTP means its
 * reply codes (RFC 5321 §4.2.1): 4yz is a transient negative completion (mailbox busy, greylisted,
 * server shutting down), 5yz permanent (no such user, relaying denied, message refused).
 * Unreachable servers and timeouts are transient; failed authentication and TLS problems are
 * configuration errors and final.
 */
final class SmtpFailures {

    private static final Pattern GREETING_CODE = Pattern.compile("bad greeting.*response: \\[?(\\d{3})");

    private SmtpFailures() {
    }

    static PluginException classify(MessagingException e, String what, @Nullable String username) {
        if (e instanceof AuthenticationFailedException) {
            return new PluginException(SmtpNotifier.ID, what + ": the server refused authentication"
                    + (username == null ? "" : " as '" + username + "'") + ": " + oneLine(e.getMessage())
                    + "; not retried", e);
        }
        List<Integer> codes = new ArrayList<>();
        Set<String> rejected = new LinkedHashSet<>();
        String serverSaid = null;
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            Integer code = replyCode(x);
            if (code != null) {
                codes.add(code);
                if (serverSaid == null) {
                    serverSaid = oneLine(x.getMessage());
                }
            }
            if (x instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                rejected.add(a.getAddress().getAddress());
            }
            if (x instanceof SendFailedException sf && sf.getInvalidAddresses() != null) {
                for (Address invalid : sf.getInvalidAddresses()) {
                    rejected.add(invalid.toString());
                }
            }
        }
        if (!codes.isEmpty()) {
            boolean permanent = codes.stream().anyMatch(c -> c >= 500);
            String detail = what + ": the server answered " + serverSaid
                    + (rejected.isEmpty() ? "" : " (rejected: " + String.join(", ", rejected) + ")");
            return permanent
                    ? new PluginException(SmtpNotifier.ID, detail + "; not retried", e)
                    : new TransientPluginException(SmtpNotifier.ID, detail, null, e);
        }
        if (e instanceof MailConnectException) {
            return new TransientPluginException(SmtpNotifier.ID, what + ": could not connect: "
                    + oneLine(e.getMessage()), null, e);
        }
        Throwable ssl = find(e, SSLException.class);
        if (ssl != null) {
            return new PluginException(SmtpNotifier.ID, what + ": TLS failed (" + oneLine(ssl.getMessage())
                    + "); check ssl, starttls and the server's certificate; not retried", e);
        }
        Throwable io = find(e, IOException.class);
        if (io != null) {
            return new TransientPluginException(SmtpNotifier.ID, what + ": connection failed: "
                    + io.getClass().getSimpleName() + " " + oneLine(io.getMessage()), null, e);
        }
        return new PluginException(SmtpNotifier.ID, what + ": " + oneLine(e.getMessage()) + "; not retried", e);
    }

    /** The SMTP reply code an exception carries, if any. */
    static @Nullable Integer replyCode(Exception x) {
        if (x instanceof SMTPAddressFailedException a) {
            return negative(a.getReturnCode());
        }
        if (x instanceof SMTPSenderFailedException s) {
            return negative(s.getReturnCode());
        }
        if (x instanceof SMTPSendFailedException s) {
            return negative(s.getReturnCode());
        }
        if (x instanceof MessagingException && x.getMessage() != null) {
            Matcher m = GREETING_CODE.matcher(x.getMessage());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        return null;
    }

    /** A 4yz or 5yz code; anything else (-1 when the server said nothing) is no code. */
    private static @Nullable Integer negative(int code) {
        return code >= 400 && code < 600 ? code : null;
    }

    private static @Nullable Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static String oneLine(@Nullable String s) {
        return s == null ? "(no message)" : s.replaceAll("\\s+", " ").strip();
    }
}
