package dev.billops.benchmarks;

import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.money.CurrencyUnit;
import javax.money.MonetaryAmount;
import javax.money.MonetaryRounding;
import javax.money.Monetary;
import org.javamoney.moneta.Money;

/**
 * What a user would write for case 1 on moneta: per entry find the most specific rate rule by
 * scanning the client's rules, round the duration with {@link Duration} arithmetic, turn it into
 * hours as a {@link BigDecimal}, and add {@code price × hours} as a moneta {@link Money} to a
 * map keyed by project and price; per-day projects sum durations per timekeeper and day first.
 * Lines are rounded with the currency's default rounding at the end.
 */
final class MonetaBaseline {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final Workload w;
    private final Map<String, Project> projects = new HashMap<>();
    private final CurrencyUnit eur = Monetary.getCurrency("EUR");
    private final MonetaryRounding rounding = Monetary.getRounding(eur);

    MonetaBaseline(Workload w) {
        this.w = w;
        for (List<Project> ps : w.projects) {
            for (Project p : ps) {
                projects.put(p.id().value(), p);
            }
        }
    }

    /** The lines of client {@code c}: line key to amount. */
    Map<String, MonetaryAmount> client(int c) {
        List<RateRule> rules = w.rules.get(c);
        Map<String, MonetaryAmount> lines = new LinkedHashMap<>();
        Map<String, Duration> days = new LinkedHashMap<>();
        Map<String, BigDecimal> dayPrices = new HashMap<>();
        for (TimeEntry e : w.entries.get(c)) {
            Project project = projects.get(e.projectId().value());
            LocalDate date = e.span().start().atZone(e.span().zone()).toLocalDate();
            BigDecimal price = e.explicitRate() != null ? e.explicitRate().amount() : rate(rules, e, date);
            Duration worked = Duration.between(e.span().start(), e.span().end());
            if (project.roundingScope() == RoundingScope.PER_DAY_AND_PROJECT) {
                String key = project.id().value() + "|" + e.timekeeperId().value() + "|" + date + "|" + price;
                days.merge(key, worked, Duration::plus);
                dayPrices.put(key, price);
            } else {
                addLine(lines, project, price, round(project, worked));
            }
        }
        for (Map.Entry<String, Duration> d : days.entrySet()) {
            Project project = projects.get(d.getKey().substring(0, d.getKey().indexOf('|')));
            addLine(lines, project, dayPrices.get(d.getKey()), round(project, d.getValue()));
        }
        lines.replaceAll((k, v) -> v.with(rounding));
        return lines;
    }

    private void addLine(Map<String, MonetaryAmount> lines, Project project, BigDecimal price, Duration billed) {
        BigDecimal hours = BigDecimal.valueOf(billed.getSeconds()).divide(SECONDS_PER_HOUR, 4, RoundingMode.HALF_UP);
        MonetaryAmount amount = Money.of(price, eur).multiply(hours);
        lines.merge(project.id().value() + "|" + price, amount, MonetaryAmount::add);
    }

    private static BigDecimal rate(List<RateRule> rules, TimeEntry e, LocalDate date) {
        RateRule best = null;
        int bestScore = -1;
        for (RateRule r : rules) {
            if (date.isBefore(r.effectiveFrom()) || (r.effectiveTo() != null && !date.isBefore(r.effectiveTo()))) {
                continue;
            }
            if (r.scope().projectId() != null && !r.scope().projectId().equals(e.projectId())) {
                continue;
            }
            if (r.scope().timekeeperId() != null && !r.scope().timekeeperId().equals(e.timekeeperId())) {
                continue;
            }
            int score = (r.scope().projectId() != null ? 2 : 0) + (r.scope().timekeeperId() != null ? 4 : 0);
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        if (best == null) {
            throw new IllegalStateException("no rate for " + e.id());
        }
        return best.price().amount();
    }

    private static Duration round(Project project, Duration worked) {
        long inc = project.rounding().increment().getSeconds();
        if (inc == 0) {
            return worked;
        }
        long s = worked.getSeconds();
        long units = project.rounding().direction() == RoundingDirection.NEAREST ? (s + inc / 2) / inc
                : (s + inc - 1) / inc;
        return Duration.ofSeconds(units * inc);
    }
}
