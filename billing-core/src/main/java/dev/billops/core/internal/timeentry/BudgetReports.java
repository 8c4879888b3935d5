package dev.billops.core.internal.timeentry;

import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.Money;
import dev.billops.core.party.Client;
import dev.billops.core.project.Budget;
import dev.billops.core.project.Project;
import dev.billops.core.rate.DayRatePolicy;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.rate.ResolvedRate;
import dev.billops.core.time.LocalDateRange;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.money.CurrencyUnit;

import dev.billops.core.timeentry.BudgetReport;
import dev.billops.core.timeentry.BudgetUsage;
import dev.billops.core.timeentry.TimeEntry;

/** Not API: computes {@link BudgetReport}s from a project's entries and the tenant's rates. */
public final class BudgetReports {

    private static final int VALUE_SCALE = 12;
    private static final LocalDateRange NO_TIME = LocalDateRange.of(LocalDate.EPOCH, LocalDate.EPOCH);

    private BudgetReports() {
    }

    /**
     * Computes the report of {@code project} from its entries (others are ignored).
     *
     * @param project the project and its budget
     * @param client the project's client (its currency values the work)
     * @param entries entries of the project, any state; non-billable ones are ignored
     * @param rates the tenant's rate rules
     * @param days how DAY rates count days
     * @throws CurrencyMismatchException if a rate or the budget is not in the client's currency
     */
    public static BudgetReport compute(Project project, Client client, List<TimeEntry> entries, RateResolver rates,
            DayRatePolicy days) {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(rates, "rates");
        Objects.requireNonNull(days, "days");
        CurrencyUnit currency = client.currency();
        Budget budget = project.budget();
        if (budget != null && budget.amount() != null
                && !budget.amount().currencyCode().equals(currency.getCurrencyCode())) {
            throw new CurrencyMismatchException(currency.getCurrencyCode(), budget.amount().currencyCode(),
                    "budget of project " + project.id());
        }
        List<TimeEntry> billable = new ArrayList<>();
        for (TimeEntry e : entries) {
            if (e.billable() && e.projectId().equals(project.id())) {
                billable.add(e);
            }
        }
        BilledDurations billed = BilledDurations.of(billable, id -> project);
        BigDecimal dayNanos = BigDecimal.valueOf(days.dayLength().toNanos());
        TreeMap<YearMonth, long[]> hours = new TreeMap<>();
        Map<YearMonth, BigDecimal> value = new TreeMap<>();
        Set<String> monthlyCharged = new HashSet<>();
        long unpriced = 0;
        for (int i = 0; i < billable.size(); i++) {
            TimeEntry e = billable.get(i);
            LocalDate date = e.span().localDate();
            YearMonth month = YearMonth.from(date);
            long nanos = billed.nanos(i);
            hours.computeIfAbsent(month, m -> new long[1])[0] += nanos;
            value.putIfAbsent(month, BigDecimal.ZERO);
            ResolvedRate rate = e.explicitRate() != null
                    ? ResolvedRate.explicit(e.explicitRate(), Objects.requireNonNull(e.explicitRateUnit()))
                    : rates.candidates(client.id(), e.projectId(), e.timekeeperId(), e.activityId()).resolve(date);
            if (rate == null) {
                unpriced += nanos;
                continue;
            }
            if (!rate.price().currencyCode().equals(currency.getCurrencyCode())) {
                throw new CurrencyMismatchException(currency.getCurrencyCode(), rate.price().currencyCode(),
                        "rate " + (rate.ruleId() == null ? "of time entry " + e.id() : rate.ruleId().value())
                                + " for project " + project.id());
            }
            BigDecimal price = rate.price().amount();
            BigDecimal v = switch (rate.unit()) {
                case HOUR -> TimeUnits.perHour(price, nanos, VALUE_SCALE, RoundingMode.HALF_UP);
                case DAY -> price.multiply(BigDecimal.valueOf(nanos)).divide(dayNanos, VALUE_SCALE,
                        RoundingMode.HALF_UP);
                case FIXED -> price;
                case MONTH -> monthlyCharged.add(month + "|" + price.stripTrailingZeros().toPlainString())
                        ? price : BigDecimal.ZERO;
            };
            value.merge(month, v, BigDecimal::add);
        }
        boolean monthly = budget != null && budget.period() == Budget.Period.MONTHLY;
        List<BudgetUsage> months = new ArrayList<>();
        long totalNanos = 0;
        Money totalAmount = Money.zero(currency);
        for (Map.Entry<YearMonth, long[]> m : hours.entrySet()) {
            Money amount = Money.of(currency, value.get(m.getKey()), RoundingMode.HALF_UP);
            months.add(new BudgetUsage(LocalDateRange.ofMonth(m.getKey()), Duration.ofNanos(m.getValue()[0]), amount,
                    monthly ? budget.hours() : null, monthly ? budget.amount() : null));
            totalNanos += m.getValue()[0];
            totalAmount = totalAmount.plus(amount);
        }
        LocalDateRange all = months.isEmpty() ? NO_TIME
                : LocalDateRange.of(months.get(0).period().startInclusive(),
                        months.get(months.size() - 1).period().endExclusive());
        BudgetUsage total = new BudgetUsage(all, Duration.ofNanos(totalNanos), totalAmount,
                budget != null && !monthly ? budget.hours() : null,
                budget != null && !monthly ? budget.amount() : null);
        return new BudgetReport(project.id(), budget, total, months, Duration.ofNanos(unpriced));
    }
}
