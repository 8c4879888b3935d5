package dev.billops.examples.cli;

import dev.billops.core.id.ClientId;
import dev.billops.core.money.Money;
import dev.billops.core.payment.AgingBucket;
import dev.billops.core.payment.AgingBuckets;
import dev.billops.core.payment.AgingReport;
import dev.billops.core.payment.ClientAging;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** How the command line prints money and tables: plain ASCII, the same on every machine. */
final class Text {

    private Text() {
    }

    /** {@code EUR 1,234.56}: the currency code and the amount at its scale with grouping. */
    static String money(Money money) {
        return money.currencyCode() + " " + amount(money);
    }

    /** {@code 1,234.56}: the amount at its scale with a comma every three digits. */
    static String amount(Money money) {
        return String.format(Locale.ROOT, "%,." + money.amount().scale() + "f", money.amount());
    }

    /** The AR aging table: one row per client and currency, then one total row per currency. */
    static void agingTable(PrintWriter out, AgingReport report, Map<ClientId, String> names) {
        String header = String.format(Locale.ROOT, "  %-28s %-4s %13s %13s %13s %13s %13s %14s", "client", "cur",
                "current", "1-30", "31-60", "61-90", "90+", "total");
        out.println(header);
        out.println("  " + "-".repeat(header.length() - 2));
        if (report.clients().isEmpty()) {
            out.println("  (nothing outstanding)");
            return;
        }
        for (ClientAging row : report.clients()) {
            String name = names.getOrDefault(row.clientId(), row.clientId().value());
            out.println(row(truncate(name, 28), row.buckets()));
        }
        out.println("  " + "-".repeat(header.length() - 2));
        for (AgingBuckets total : report.totals()) {
            out.println(row("TOTAL", total));
        }
    }

    private static String row(String label, AgingBuckets b) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-28s %-4s", label,
                b.currency().getCurrencyCode()));
        for (AgingBucket bucket : AgingBucket.values()) {
            line.append(String.format(Locale.ROOT, " %13s", amount(b.amount(bucket))));
        }
        line.append(String.format(Locale.ROOT, " %14s", amount(b.total())));
        return line.toString();
    }

    static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "~";
    }
}
