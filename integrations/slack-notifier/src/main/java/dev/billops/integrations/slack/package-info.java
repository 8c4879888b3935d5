/**
 * A {@link dev.billops.spi.Notifier} that posts notifications to a Slack incoming webhook:
 * {@link dev.billops.integrations.slack.SlackNotifier}.
 */
@NullMarked
package dev.billops.integrations.slack;

import org.jspecify.annotations.NullMarked;
