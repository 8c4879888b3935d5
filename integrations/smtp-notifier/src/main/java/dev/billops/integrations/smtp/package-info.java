/**
 * A {@link dev.billops.spi.Notifier} that sends notifications as e-mail over SMTP with Jakarta
 * Mail (Angus Mail): {@link dev.billops.integrations.smtp.SmtpNotifier}.
 */
@NullMarked
package dev.billops.integrations.smtp;

import org.jspecify.annotations.NullMarked;
