package dev.billops.core.internal.invoice;

import static dev.billops.core.internal.timeentry.TimeUnits.NANOS_PER_SECOND;

import dev.billops.core.invoice.GroupingPolicy;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.invoice.NoRateForEntryException;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.error.Text;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.rate.DayRatePolicy;
import dev.billops.core.rate.RateQuery;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.rate.ResolvedRate;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.internal.timeentry.BilledDurations;
import dev.billops.core.internal.timeentry.LocalDates;
import dev.billops.core.internal.timeentry.TimeUnits;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns time entries into invoice lines: a pure function of the entries, the master data
 * ({@link GenerationContext}) and the request (period, project, exclusions, policy). Same inputs,
 * equal lines in the same order; nothing is read from or written to a store. Stateless.
 *
 * <p>It bills the OPEN billable entries of the client's projects (or of the requested one) that
 * start, local to their zone, within the period and are not excluded: each at its billed duration
 * ({@link BilledDurations}) and at its explicit rate or else the rate rule in force on its start
 * date ({@link RateResolver}). Entries share a line when they agree on the {@link GroupingPolicy}'s
 * dimensions and on their {@link Tariff}; a line lists its entries and its service period, and
 * lines come in the order of their earliest entry (start, then id). The quantity by rate unit:
 * <ul>
 *   <li>HOUR: the billed hours, {@value #QUANTITY_SCALE} decimals, half up;</li>
 *   <li>DAY: billed time ÷ day length, or started half or whole days counted once per timekeeper,
 *       project and date ({@link DayRatePolicy}), shared by the tariffs of that date;</li>
 *   <li>MONTH: 1, the project's monthly fee once per calendar month, prorated by days when the
 *       rate changes inside the month; 0 for a month whose fee is already billed;</li>
 *   <li>FIXED: 1 per entry.</li>
 * </ul>
 *
 * <p>Throws {@link NoRateForEntryException} for a selected entry without a rate and
 * {@link CurrencyMismatchException} for a rate in another currency than the client's.
 */
public final class InvoiceGenerator {

    /** Decimals of hour and day quantities. */
    public static final int QUANTITY_SCALE = 4;
    /** Rounding of hour and day quantities to {@link #QUANTITY_SCALE}. */
    public static final RoundingMode QUANTITY_ROUNDING = RoundingMode.HALF_UP;
    /** Separates the parts of a generated line description. */
    public static final String DESCRIPTION_SEPARATOR = " – ";
    /** Nanoseconds in one unit of an hour quantity: 1/10^{@value #QUANTITY_SCALE} hour. */
    private static final long NANOS_PER_QUANTITY_UNIT = TimeUnits.NANOS_PER_HOUR
            / BigDecimal.ONE.scaleByPowerOfTen(QUANTITY_SCALE).longValueExact();

    private static final Comparator<TimeEntry> ENTRY_ORDER = Comparator
            .comparing((TimeEntry e) -> e.span().start()).thenComparing(TimeEntry::id);

    private InvoiceGenerator() {
    }

    /**
     * Generates the lines that bill the selected entries.
     *
     * @param context master data and rate rules
     * @param entries candidate entries, in any order; those not selected are ignored
     * @param request period, project filter, exclusions and policy
     * @throws NoRateForEntryException if a selected entry has no rate
     * @throws CurrencyMismatchException if a selected entry's rate is not in the client's currency
     */
    public static Generation generate(GenerationContext context, List<TimeEntry> entries, GenerationRequest request) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(entries, "entries");
        Objects.requireNonNull(request, "request");
        return new Run(context, request).run(entries);
    }

    /**
     * The rate of one entry as generation resolves it: its explicit rate, else the rule in force
     * on its start date.
     *
     * @throws NoRateForEntryException if there is none
     */
    public static ResolvedRate rateOf(GenerationContext context, TimeEntry entry) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(entry, "entry");
        if (entry.explicitRate() != null) {
            return ResolvedRate.explicit(entry.explicitRate(), Objects.requireNonNull(entry.explicitRateUnit()));
        }
        LocalDate date = entry.span().localDate();
        ResolvedRate rate = context.rates().candidates(context.client().id(), entry.projectId(), entry.timekeeperId(),
                entry.activityId()).resolve(date);
        if (rate == null) {
            throw new NoRateForEntryException(entry.id(), RateQuery.of(context.client().id(), entry.projectId(),
                    entry.timekeeperId(), entry.activityId(), date));
        }
        return rate;
    }

    /** {@code entries} in (start, id) order: the list itself if it is in that order already, else a sorted copy. */
    public static List<TimeEntry> inOrder(List<TimeEntry> entries) {
        int n = entries.size();
        if (n < 2) {
            return entries;
        }
        // ENTRY_ORDER spelled out on the start's seconds and nanos: this check reads every entry
        Instant previous = entries.get(0).span().start();
        for (int i = 1; i < n; i++) {
            Instant start = entries.get(i).span().start();
            long seconds = start.getEpochSecond();
            long previousSeconds = previous.getEpochSecond();
            if (seconds < previousSeconds || seconds == previousSeconds && (start.getNano() < previous.getNano()
                    || start.getNano() == previous.getNano()
                    && ENTRY_ORDER.compare(entries.get(i - 1), entries.get(i)) > 0)) {
                List<TimeEntry> copy = new ArrayList<>(entries);
                copy.sort(ENTRY_ORDER);
                return copy;
            }
            previous = start;
        }
        return entries;
    }

    /** One generation: caches and accumulators; not shared. */
    private static final class Run {
        private final GenerationContext ctx;
        private final GenerationRequest req;
        private final DayRatePolicy days;
        private final boolean byEntry;
        private final boolean byDay;
        private final boolean byProject;
        private final boolean byActivity;
        private final boolean byTimekeeper;
        private final String currency;
        /** Up to this many projects are scanned in {@link #projectArray}; more are looked up in {@link #projects}. */
        private static final int PROJECTS_SCANNED = 8;
        /** The projects billed, by id, where more than {@link #PROJECTS_SCANNED}; else empty. */
        private final Map<ProjectId, ProjectInfo> projects = new HashMap<>();
        /** The project of the last lookup: entries in time order mostly repeat their project. */
        private @Nullable ProjectInfo lastProject;
        private @Nullable LocalDate lastDate;
        private String lastDateText = "";
        /** The projects billed, where at most {@link #PROJECTS_SCANNED}, scanned by id identity, then by equality. */
        private final ProjectInfo[] projectArray;
        private final Map<Tariff, Tariff> tariffs = new HashMap<>();
        private final LinkedHashMap<LineKey, Line> lines = new LinkedHashMap<>();
        private final LocalDates localDates = new LocalDates();
        /** The monthly fee lines of each project and month, made when its first MONTH entry comes. */
        private final Map<ProjectMonth, MonthFee> fees = new HashMap<>();
        /** Billed time per counted day (timekeeper, project, date) and line, for whole or half days. */
        private final Map<DayBucket, Map<Line, long[]>> countedDays = new LinkedHashMap<>();

        Run(GenerationContext ctx, GenerationRequest req) {
            this.ctx = ctx;
            this.req = req;
            this.days = req.policy().days();
            GroupingPolicy g = req.policy().grouping();
            this.byEntry = g.has(GroupingPolicy.Dimension.ENTRY);
            this.byDay = g.has(GroupingPolicy.Dimension.DAY);
            this.byProject = g.has(GroupingPolicy.Dimension.PROJECT);
            this.byActivity = g.has(GroupingPolicy.Dimension.ACTIVITY);
            this.byTimekeeper = g.has(GroupingPolicy.Dimension.TIMEKEEPER);
            this.currency = ctx.client().currency().getCurrencyCode();
            List<ProjectInfo> billed = new ArrayList<>(ctx.projects().size());
            for (Project p : ctx.projects().values()) {
                if (req.projectId() == null || req.projectId().equals(p.id())) {
                    billed.add(new ProjectInfo(p, TaxTreatments.forLine(ctx.tenant(), ctx.client(), p),
                            ctx.rates().projectCandidates(ctx.client().id(), p.id())));
                }
            }
            if (billed.size() <= PROJECTS_SCANNED) {
                this.projectArray = billed.toArray(new ProjectInfo[0]);
            } else {
                this.projectArray = new ProjectInfo[0];
                for (ProjectInfo info : billed) {
                    projects.put(info.project.id(), info);
                }
            }
        }

        Generation run(List<TimeEntry> candidates) {
            List<TimeEntry> ordered = inOrder(candidates);
            int n = ordered.size();
            // first only read each entry's span into flat arrays: a loop of loads alone, whose cache
            // misses the processor overlaps across entries; the work below then finds them cached
            long[] startSeconds = new long[n];
            long[] lastSeconds = new long[n];
            ProjectId[] projectIds = new ProjectId[n];
            boolean[] open = new boolean[n];
            for (int i = 0; i < n; i++) {
                TimeEntry e = ordered.get(i);
                open[i] = e.isOpen() && e.billable();
                projectIds[i] = e.projectId();
                TimeSpan span = e.span();
                startSeconds[i] = span.start().getEpochSecond();
                Instant end = span.end();
                // the last second before the end: the span's last date (as LocalDates.before)
                lastSeconds[i] = end.getNano() == 0 ? end.getEpochSecond() - 1 : end.getEpochSecond();
            }
            List<TimeEntry> selected = new ArrayList<>(n);
            LocalDate[] startDates = new LocalDate[n];
            LocalDate[] endDates = new LocalDate[n];
            ProjectInfo[] infos = new ProjectInfo[n];
            LocalDateRange period = req.period();
            Set<TimeEntryId> excluded = req.excluded();
            for (int i = 0; i < n; i++) {
                ProjectInfo info = open[i] ? info(projectIds[i]) : null;
                if (info == null) {
                    continue;
                }
                TimeEntry e = ordered.get(i);
                ZoneId zone = e.span().zone();
                LocalDate start = localDates.of(startSeconds[i], zone);
                if (!period.contains(start) || !excluded.isEmpty() && excluded.contains(e.id())) {
                    continue;
                }
                startDates[selected.size()] = start;
                endDates[selected.size()] = localDates.of(lastSeconds[i], zone);
                infos[selected.size()] = info;
                selected.add(e);
            }
            BilledDurations billed = BilledDurations.of(selected, id -> Objects.requireNonNull(info(id)).project);
            for (int i = 0; i < selected.size(); i++) {
                add(selected.get(i), infos[i], startDates[i], endDates[i], billed.nanos(i));
            }
            allocateCountedDays();
            List<InvoiceLine> out = new ArrayList<>(lines.size());
            List<Duration> times = new ArrayList<>(lines.size());
            for (Line line : lines.values()) {
                out.add(line.build(out.size() + 1));
                times.add(Duration.ofSeconds(line.seconds, line.nanos));
            }
            return new Generation(ctx.client().id(), ctx.client().currency(), period, out, times);
        }

        private @Nullable ProjectInfo info(ProjectId id) {
            for (ProjectInfo p : projectArray) {
                if (p.project.id() == id) {
                    return p;
                }
            }
            if (projectArray.length > 0) {
                for (ProjectInfo p : projectArray) {
                    if (p.project.id().equals(id)) {
                        return p;
                    }
                }
                return null;
            }
            ProjectInfo last = lastProject;
            if (last != null && last.project.id().equals(id)) {
                return last;
            }
            ProjectInfo found = projects.get(id);
            if (found != null) {
                lastProject = found;
            }
            return found;
        }

        /** {@code date.toString()}, kept for the last date: lines per entry or day repeat their dates. */
        private String dateText(LocalDate date) {
            if (!date.equals(lastDate)) {
                lastDate = date;
                lastDateText = date.toString();
            }
            return lastDateText;
        }

        private void add(TimeEntry e, ProjectInfo info, LocalDate date, LocalDate endDate, long billedNanos) {
            Tariff tariff;
            RateRuleId ruleId;
            int rule = -1;
            if (e.explicitRate() != null) {
                tariff = intern(Tariff.of(e.explicitRate(), Objects.requireNonNull(e.explicitRateUnit()), info.tax),
                        e, null);
                ruleId = null;
            } else {
                rule = info.rates.indexOf(e.timekeeperId(), e.activityId(), date.toEpochDay());
                if (rule < 0) {
                    throw new NoRateForEntryException(e.id(), RateQuery.of(ctx.client().id(), e.projectId(),
                            e.timekeeperId(), e.activityId(), date));
                }
                tariff = tariff(info, rule, e);
                ruleId = info.rates.rate(rule).ruleId();
            }
            RateUnit unit = tariff.unit();
            if (unit == RateUnit.MONTH) {
                ProjectMonth pm = new ProjectMonth(e.projectId(), YearMonth.from(date));
                MonthFee fee = fees.get(pm);
                if (fee == null) {
                    fee = monthFee(pm, e, info, tariff);
                    fees.put(pm, fee);
                }
                fee.lineFor(date).add(e, date, endDate, billedNanos, ruleId, false);
                return;
            }
            boolean dayBuckets = unit == RateUnit.DAY && days.partialDays() != DayRatePolicy.PartialDays.PRO_RATA;
            // without entry, day, activity and timekeeper dimensions a rule's line depends on its project only
            boolean perProjectAndRule = rule >= 0 && !byEntry && !byDay && !byActivity && !byTimekeeper;
            Line line = perProjectAndRule ? info.lines[rule] : null;
            if (line == null) {
                LineKey key;
                if (dayBuckets) {
                    key = new LineKey(null, byDay ? date : null, null, byProject ? e.projectId() : null, null,
                            byTimekeeper ? e.timekeeperId() : null, tariff);
                } else {
                    key = new LineKey(byEntry ? e.id() : null, byDay ? date : null, null,
                            byProject ? e.projectId() : null, byActivity ? e.activityId() : null,
                            byTimekeeper ? e.timekeeperId() : null, tariff);
                }
                line = lines.get(key);
                if (line == null) {
                    line = new Line(key, e, date);
                    lines.put(key, line);
                }
                if (perProjectAndRule) {
                    info.lines[rule] = line;
                }
            }
            line.add(e, date, endDate, billedNanos, ruleId, dayBuckets);
            if (dayBuckets) {
                countedDays.computeIfAbsent(new DayBucket(e.timekeeperId(), e.projectId(), date),
                        k -> new LinkedHashMap<>()).computeIfAbsent(line, k -> new long[1])[0] += billedNanos;
            }
        }

        /**
         * Counts the started half or whole days of each (timekeeper, project, date) once, over
         * all its DAY tariffs, and splits each day's count across the lines that share it in
         * proportion to their billed time, in units of the quantity scale by largest remainder
         * (ties to the earlier line), so the lines' quantities add up to exactly the counted days.
         */
        private void allocateCountedDays() {
            long day = days.dayLength().toNanos();
            boolean half = days.partialDays() == DayRatePolicy.PartialDays.HALF_DAYS;
            long step = half ? day / 2 : day;
            BigInteger unitsPerStep = BigInteger.TEN.pow(QUANTITY_SCALE).divide(BigInteger.valueOf(half ? 2 : 1));
            for (Map<Line, long[]> shares : countedDays.values()) {
                long worked = 0;
                for (long[] nanos : shares.values()) {
                    worked += nanos[0];
                }
                if (worked == 0) {
                    continue;
                }
                BigInteger units = BigInteger.valueOf((worked + step - 1) / step).multiply(unitsPerStep);
                BigInteger total = BigInteger.valueOf(worked);
                List<Line> order = new ArrayList<>(shares.keySet());
                BigInteger[] remainders = new BigInteger[order.size()];
                BigInteger given = BigInteger.ZERO;
                for (int i = 0; i < order.size(); i++) {
                    BigInteger[] qr = units.multiply(BigInteger.valueOf(shares.get(order.get(i))[0]))
                            .divideAndRemainder(total);
                    order.get(i).dayUnits = order.get(i).dayUnits.add(qr[0]);
                    remainders[i] = qr[1];
                    given = given.add(qr[0]);
                }
                Integer[] byRemainder = new Integer[order.size()];
                for (int i = 0; i < byRemainder.length; i++) {
                    byRemainder[i] = i;
                }
                Arrays.sort(byRemainder, (a, b) -> remainders[b].compareTo(remainders[a]));
                for (int k = 0; given.compareTo(units) < 0; k++, given = given.add(BigInteger.ONE)) {
                    Line line = order.get(byRemainder[k]);
                    line.dayUnits = line.dayUnits.add(BigInteger.ONE);
                }
            }
        }

        /**
         * The fee lines of a project and month, from its first MONTH-priced entry {@code e}: one
         * line of quantity 0 if the fee is already billed; else the MONTH rate in force on each
         * day of the month for the entry's rate scope (project, timekeeper, activity), one line
         * per run of days with the same rate, each at rate × days / days of the month rounded
         * once half up to the currency (a whole month is the rate itself); an explicit MONTH
         * rate on the entry is in force the whole month.
         */
        private MonthFee monthFee(ProjectMonth pm, TimeEntry e, ProjectInfo info, Tariff first) {
            YearMonth month = pm.month();
            if (req.feesBilled().contains(pm)) {
                Line line = new Line(new LineKey(null, null, month, pm.projectId(), null, null, first), e,
                        month.atDay(1));
                line.feeBilled = true;
                lines.put(line.key, line);
                return new MonthFee(List.of(line));
            }
            int monthDays = month.lengthOfMonth();
            ResolvedRate[] daily = new ResolvedRate[monthDays];
            if (e.explicitRate() == null) {
                long firstDay = month.atDay(1).toEpochDay();
                for (int d = 0; d < monthDays; d++) {
                    int rule = info.rates.indexOf(e.timekeeperId(), e.activityId(), firstDay + d);
                    ResolvedRate r = rule < 0 ? null : info.rates.rate(rule);
                    daily[d] = r != null && r.unit() == RateUnit.MONTH ? r : null;
                }
            } else {
                Arrays.fill(daily, ResolvedRate.explicit(first.price(), RateUnit.MONTH));
            }
            List<Line> segments = new ArrayList<>(2);
            int d = 0;
            while (d < monthDays) {
                ResolvedRate r = daily[d];
                int end = d + 1;
                while (end < monthDays && Objects.equals(daily[end], r)) {
                    end++;
                }
                if (r != null) {
                    int days = end - d;
                    LocalDateRange range = LocalDateRange.of(month.atDay(d + 1), month.atDay(1).plusDays(end));
                    Tariff tariff = intern(Tariff.of(days == monthDays ? r.price() : prorate(r.price(), days,
                            monthDays), RateUnit.MONTH, info.tax), e, r.ruleId());
                    Line line = new Line(new LineKey(null, days == monthDays ? null : range.startInclusive(), month,
                            pm.projectId(), null, null, tariff), e, range.startInclusive());
                    if (days < monthDays) {
                        line.feeDays = range;
                        line.monthDays = monthDays;
                    }
                    line.feeRule = r.ruleId();
                    lines.put(line.key, line);
                    segments.add(line);
                }
                d = end;
            }
            return new MonthFee(segments);
        }

        /** {@code price × days / monthDays}, rounded once half up to the currency's minor unit. */
        private UnitPrice prorate(UnitPrice price, int days, int monthDays) {
            int scale = ctx.client().currency().getDefaultFractionDigits();
            return UnitPrice.of(ctx.client().currency(), price.amount().multiply(BigDecimal.valueOf(days))
                    .divide(BigDecimal.valueOf(monthDays), scale, InvoiceLine.LINE_ROUNDING));
        }

        /** The fee lines of one project and month, in date order. */
        private final class MonthFee {
            final List<Line> lines;

            MonthFee(List<Line> lines) {
                this.lines = lines;
            }

            /** The line whose days hold {@code date}, else the first. */
            Line lineFor(LocalDate date) {
                for (Line line : lines) {
                    if (line.feeDays == null || line.feeDays.contains(date)) {
                        return line;
                    }
                }
                return lines.get(0);
            }
        }

        /** The tariff of the project's candidate rule {@code rule}, interned on first use. */
        private Tariff tariff(ProjectInfo info, int rule, TimeEntry e) {
            Tariff t = info.tariffs[rule];
            if (t == null) {
                ResolvedRate rate = info.rates.rate(rule);
                t = intern(Tariff.of(rate.price(), rate.unit(), info.tax), e, rate.ruleId());
                info.tariffs[rule] = t;
            }
            return t;
        }

        private Tariff intern(Tariff candidate, TimeEntry e, @Nullable RateRuleId rule) {
            Tariff known = tariffs.get(candidate);
            if (known != null) {
                return known;
            }
            if (!candidate.price().currencyCode().equals(currency)) {
                throw new CurrencyMismatchException(currency, candidate.price().currencyCode(), (rule == null
                        ? "explicit rate of time entry " + e.id() : "rate rule " + rule + " pricing time entry "
                        + e.id()) + " for client " + ctx.client().id());
            }
            tariffs.put(candidate, candidate);
            return candidate;
        }

        /** The entries of one line being built. */
        private final class Line {
            final LineKey key;
            final Tariff tariff;
            final TimeEntry firstEntry;
            /** The ids of the line's entries: the first {@code idCount}, in the order they came. */
            private TimeEntryId[] ids = new TimeEntryId[8];
            private int idCount;
            long seconds;
            long nanos;
            LocalDate first;
            LocalDate last;
            /** The latest start date of the line's entries. */
            LocalDate lastStart;
            @Nullable ProjectId project;
            boolean mixedProject;
            @Nullable ActivityId activity;
            boolean mixedActivity;
            @Nullable TimekeeperId timekeeper;
            boolean mixedTimekeeper;
            @Nullable RateRuleId rule;
            boolean mixedRule;
            /** A monthly fee line of quantity 0: the month's fee is billed elsewhere. */
            boolean feeBilled;
            /** The days of a prorated monthly fee line, or null. */
            @Nullable LocalDateRange feeDays;
            int monthDays;
            /** The rule of a monthly fee line. */
            @Nullable RateRuleId feeRule;
            /** Whole or half days counted for this line, in units of the quantity scale. */
            BigInteger dayUnits = BigInteger.ZERO;
            boolean counted;

            Line(LineKey key, TimeEntry firstEntry, LocalDate date) {
                this.key = key;
                this.tariff = key.tariff;
                this.firstEntry = firstEntry;
                this.first = date;
                this.last = first;
                this.lastStart = first;
                this.project = firstEntry.projectId();
                this.activity = firstEntry.activityId();
                this.timekeeper = firstEntry.timekeeperId();
            }

            void add(TimeEntry e, LocalDate date, LocalDate endDate, long billedNanos, @Nullable RateRuleId ruleId,
                    boolean dayBuckets) {
                if (idCount == 0) {
                    rule = ruleId;
                } else {
                    mixedProject = mixedProject || !same(e.projectId(), project);
                    mixedActivity = mixedActivity || !same(e.activityId(), activity);
                    mixedTimekeeper = mixedTimekeeper || !same(e.timekeeperId(), timekeeper);
                    mixedRule = mixedRule || !same(ruleId, rule);
                }
                if (idCount == ids.length) {
                    ids = Arrays.copyOf(ids, idCount * 2);
                }
                ids[idCount++] = e.id();
                seconds += billedNanos / NANOS_PER_SECOND;
                nanos += billedNanos % NANOS_PER_SECOND;
                if (nanos >= NANOS_PER_SECOND) {
                    seconds++;
                    nanos -= NANOS_PER_SECOND;
                }
                if (date.isBefore(first)) {
                    first = date;
                }
                if (endDate.isAfter(last)) {
                    last = endDate;
                }
                if (date.isAfter(lastStart)) {
                    lastStart = date;
                }
                counted |= dayBuckets;
            }

            InvoiceLine build(int position) {
                RateUnit unit = tariff.unit();
                BigDecimal quantity;
                UnitCode code;
                LocalDateRange period;
                switch (unit) {
                    case HOUR -> {
                        quantity = hoursHalfUp();
                        code = UnitCode.HOUR;
                    }
                    case DAY -> {
                        quantity = counted ? new BigDecimal(dayUnits, QUANTITY_SCALE)
                                : exactNanos().divide(BigDecimal.valueOf(days.dayLength().toNanos()), QUANTITY_SCALE,
                                        QUANTITY_ROUNDING);
                        code = UnitCode.DAY;
                    }
                    case MONTH -> {
                        quantity = feeBilled ? BigDecimal.ZERO : BigDecimal.ONE;
                        code = UnitCode.MONTH;
                    }
                    default -> {
                        quantity = BigDecimal.valueOf(idCount);
                        code = UnitCode.PIECE;
                    }
                }
                LocalDateRange feeRange = feeDays;
                if (feeRange != null) {
                    // the fee's days, widened to entries placed here from days without a fee
                    period = idCount == 0 ? feeRange : LocalDateRange.of(
                            first.isBefore(feeRange.startInclusive()) ? first : feeRange.startInclusive(),
                            lastStart.isAfter(feeRange.endExclusive().minusDays(1)) ? lastStart.plusDays(1)
                                    : feeRange.endExclusive());
                } else if (unit == RateUnit.MONTH) {
                    period = LocalDateRange.ofMonth(Objects.requireNonNull(key.month)).intersection(req.period())
                            .orElseThrow();
                } else {
                    period = LocalDateRange.of(first, last.plusDays(1));
                }
                return new InvoiceLine(position, description(), quantity, code, tariff.price(), BigDecimal.ONE,
                        List.of(), tariff.tax(), period, List.of(Arrays.copyOf(ids, idCount)),
                        mixedProject ? null : project, mixedActivity ? null : activity,
                        mixedTimekeeper ? null : timekeeper,
                        unit == RateUnit.MONTH && !feeBilled ? feeRule : mixedRule ? null : rule);
            }

            private BigDecimal exactNanos() {
                return BigDecimal.valueOf(seconds).multiply(BigDecimal.valueOf(NANOS_PER_SECOND))
                        .add(BigDecimal.valueOf(nanos));
            }

            /** The parts that apply, joined by {@link #DESCRIPTION_SEPARATOR}; "Services" if none does. */
            private String description() {
                Description text = new Description();
                if (!mixedProject && project != null) {
                    text.add(Objects.requireNonNull(info(project)).project.name());
                }
                if (key.month != null) {
                    LocalDateRange feeRange = feeDays;
                    text.add(key.month + (feeBilled ? " (monthly fee already billed)" : feeRange != null
                            ? " (prorated: " + feeRange.days() + " of " + monthDays + " days)" : ""));
                } else {
                    if (byTimekeeper && !mixedTimekeeper && timekeeper != null) {
                        Timekeeper t = ctx.timekeepers().get(timekeeper);
                        text.add(t == null ? timekeeper.value() : t.name());
                    }
                    if ((byActivity || key.entry != null) && !counted && !mixedActivity && activity != null) {
                        Activity a = ctx.activities().get(activity);
                        text.add(a == null ? activity.value() : a.name());
                    }
                    if (byDay || key.entry != null) {
                        text.add(dateText(first));
                    }
                    if (key.entry != null && !firstEntry.description().isBlank()) {
                        text.add(firstEntry.description().strip());
                    }
                }
                if (tariff.unit() == RateUnit.FIXED) {
                    text.add("fixed fee");
                }
                return text.isEmpty() ? "Services" : Text.fit(text.toString(), InvoiceLine.MAX_DESCRIPTION);
            }

            /**
             * The billed hours to {@link #QUANTITY_SCALE} decimals, {@link #QUANTITY_ROUNDING} (half
             * up): in whole units of 1/10,000 hour (360,000,000 ns) while the nanoseconds fit a long,
             * else by {@link TimeUnits#hours}.
             */
            private BigDecimal hoursHalfUp() {
                if (seconds >= Long.MAX_VALUE / NANOS_PER_SECOND - 1) {
                    return TimeUnits.hours(exactNanos(), QUANTITY_SCALE, QUANTITY_ROUNDING);
                }
                long total = seconds * NANOS_PER_SECOND + nanos;
                long units = total / NANOS_PER_QUANTITY_UNIT;
                if (total % NANOS_PER_QUANTITY_UNIT >= NANOS_PER_QUANTITY_UNIT / 2) {
                    units++;
                }
                return BigDecimal.valueOf(units, QUANTITY_SCALE);
            }
        }
    }

    /** Parts of a line description joined as {@code String.join(DESCRIPTION_SEPARATOR, parts)} would. */
    private static final class Description {
        private final StringBuilder text = new StringBuilder(64);
        private boolean any;

        void add(String part) {
            if (any) {
                text.append(DESCRIPTION_SEPARATOR);
            }
            text.append(part);
            any = true;
        }

        boolean isEmpty() {
            return !any;
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** {@code Objects.equals}, with the identity check first: ids repeat as the same instances. */
    private static boolean same(@Nullable Object a, @Nullable Object b) {
        return a == b || a != null && a.equals(b);
    }

    /** A project billed in one generation: its tax, the rules that can price it and the tariffs they gave. */
    private static final class ProjectInfo {
        final Project project;
        final TaxTreatment tax;
        final RateResolver.ProjectCandidates rates;
        /** The tariff of each candidate rule, once an entry used it. */
        final @Nullable Tariff[] tariffs;
        /** The line of each candidate rule, where the grouping makes it depend on the project and rule only. */
        final Run.@Nullable Line[] lines;

        ProjectInfo(Project project, TaxTreatment tax, RateResolver.ProjectCandidates rates) {
            this.project = project;
            this.tax = tax;
            this.rates = rates;
            this.tariffs = new Tariff[rates.size()];
            this.lines = new Run.Line[rates.size()];
        }
    }

    private record DayBucket(TimekeeperId timekeeper, ProjectId project, LocalDate date) {
    }

    /** What entries on one line share; the tariff is interned, so compared by identity. */
    private static final class LineKey {
        final @Nullable TimeEntryId entry;
        final @Nullable LocalDate day;
        final @Nullable YearMonth month;
        final @Nullable ProjectId project;
        final @Nullable ActivityId activity;
        final @Nullable TimekeeperId timekeeper;
        final Tariff tariff;
        private final int hash;

        LineKey(@Nullable TimeEntryId entry, @Nullable LocalDate day, @Nullable YearMonth month,
                @Nullable ProjectId project, @Nullable ActivityId activity, @Nullable TimekeeperId timekeeper,
                Tariff tariff) {
            this.entry = entry;
            this.day = day;
            this.month = month;
            this.project = project;
            this.activity = activity;
            this.timekeeper = timekeeper;
            this.tariff = tariff;
            int h = tariff.hashCode();
            h = h * 31 + Objects.hashCode(entry);
            h = h * 31 + Objects.hashCode(day);
            h = h * 31 + Objects.hashCode(month);
            h = h * 31 + Objects.hashCode(project);
            h = h * 31 + Objects.hashCode(activity);
            h = h * 31 + Objects.hashCode(timekeeper);
            this.hash = h;
        }

        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof LineKey k && hash == k.hash && tariff == k.tariff && Objects.equals(entry, k.entry)
                    && Objects.equals(day, k.day) && Objects.equals(month, k.month)
                    && Objects.equals(project, k.project) && Objects.equals(activity, k.activity)
                    && Objects.equals(timekeeper, k.timekeeper);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
