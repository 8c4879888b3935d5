package dev.billops.core.internal.engagement;

import dev.billops.core.engagement.BillingPeriod;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.ProrationPolicy;
import dev.billops.core.error.InvalidInputException;
import dev.billops.core.error.NotFoundException;
import dev.billops.core.error.Text;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.internal.invoice.GenerationContext;
import dev.billops.core.internal.invoice.InvoiceDrafts;
import dev.billops.core.invoice.Invoice;
import dev.billops.core.internal.invoice.InvoiceGenerator;
import dev.billops.core.invoice.InvoiceLine;
import dev.billops.core.spi.InvoiceStore;
import dev.billops.core.internal.invoice.Tariff;
import dev.billops.core.internal.invoice.TaxTreatments;
import dev.billops.core.invoice.UnitCode;
import dev.billops.core.money.CurrencyMismatchException;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.project.Project;
import dev.billops.core.spi.ProjectStore;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.spi.RateRuleStore;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.rate.ResolvedRate;
import dev.billops.core.spi.StoreSession;
import dev.billops.core.tax.TaxTreatment;
import dev.billops.core.internal.timeentry.BilledDurations;
import dev.billops.core.internal.timeentry.TimeUnits;
import dev.billops.core.timeentry.TimeEntry;
import dev.billops.core.timeentry.TimeEntryQuery;
import dev.billops.core.spi.TimeEntryStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The hourly part of a MIXED engagement's period: which of the period's billable time the
 * package fee covers (the included hours) and the lines that bill the rest. Reads through a
 * session, writes nothing. Stateless.
 *
 * <p>The period's work is its OPEN billable entries that start (local date) within it, on the
 * engagement's project or else any project of the client, and are on no draft, each at its billed
 * duration ({@link BilledDurations}). In order of start they use up the available hours
 * ({@link #included} plus, with roll-over, the previous period's unused hours); the entry that
 * exhausts them is split. The rest is billed at the engagement's overage rate, or else at each
 * entry's own hourly rate: one line per {@link Tariff}, in hours ({@value InvoiceGenerator#QUANTITY_SCALE}
 * decimals, half up). Every entry of the period is billed by the invoice: on the fee line if the
 * fee covers it, else on its overage line.
 */
public final class RetainerHours {

    /** Invoice metadata: hours available in the period (included, prorated, plus carried), ISO-8601. */
    public static final String AVAILABLE_KEY = "retainer.availableHours";
    /** Invoice metadata: billed time of the period's work, ISO-8601. */
    public static final String USED_KEY = "retainer.usedHours";
    /** Invoice metadata: available hours left unused (what rolls over), ISO-8601. */
    public static final String UNUSED_KEY = "retainer.unusedHours";
    /** Invoice metadata: time billed beyond the available hours, ISO-8601. */
    public static final String OVERAGE_KEY = "retainer.overageHours";

    private RetainerHours() {
    }

    /**
     * What the fee covers and what is billed beyond it.
     *
     * @param coveredEntries entries within the available hours (listed on the fee line)
     * @param overageLines lines billing the rest, positions from 2
     * @param metadata the invoice metadata describing the hours
     */
    public record Result(List<TimeEntryId> coveredEntries, List<InvoiceLine> overageLines, Map<String, String> metadata) {
    }

    public static Result compute(StoreSession session, Engagement engagement, BillingPeriod period, BillingPeriods periods,
            Tenant tenant, Client client) {
        Map<ProjectId, Project> projects = projectsOf(session, engagement, client);
        List<TimeEntry> entries = entriesOf(session, projects.keySet(), period, client);
        BilledDurations billed = BilledDurations.of(entries, projects);
        Duration available = included(engagement, period).plus(carried(session, engagement, period, periods));

        long remaining = available.toNanos();
        List<TimeEntryId> covered = new ArrayList<>();
        Map<Tariff, Group> groups = new LinkedHashMap<>();
        @Nullable GenerationContext rates = engagement.overageRate() != null ? null
                : GenerationContext.of(tenant, client, projects.values(), List.of(), List.of(),
                        RateResolver.of(session.get(RateRuleStore.class).list()));
        long used = 0;
        long overage = 0;
        for (int i = 0; i < entries.size(); i++) {
            TimeEntry entry = entries.get(i);
            long nanos = billed.nanos(i);
            used += nanos;
            if (nanos <= remaining) {
                remaining -= nanos;
                covered.add(entry.id());
                continue;
            }
            long beyond = nanos - remaining;
            remaining = 0;
            overage += beyond;
            Project project = projects.get(entry.projectId());
            TaxTreatment tax = TaxTreatments.forLine(tenant, client, project);
            UnitPrice price = priceOf(engagement, entry, rates, client);
            groups.computeIfAbsent(Tariff.of(price, RateUnit.HOUR, tax), t -> new Group()).add(entry.id(), beyond);
        }

        List<InvoiceLine> lines = new ArrayList<>(groups.size());
        int position = 2;
        for (Map.Entry<Tariff, Group> g : groups.entrySet()) {
            BigDecimal hours = TimeUnits.hours(g.getValue().nanos, InvoiceGenerator.QUANTITY_SCALE,
                    InvoiceGenerator.QUANTITY_ROUNDING);
            lines.add(new InvoiceLine(position++, description(engagement, period, available), hours, UnitCode.HOUR,
                    g.getKey().price(), BigDecimal.ONE, List.of(), g.getKey().tax(), period.range(), g.getValue().ids,
                    engagement.projectId(), null, null, null));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(AVAILABLE_KEY, available.toString());
        metadata.put(USED_KEY, Duration.ofNanos(used).toString());
        metadata.put(UNUSED_KEY, Duration.ofNanos(remaining).toString());
        metadata.put(OVERAGE_KEY, Duration.ofNanos(overage).toString());
        return new Result(covered, lines, metadata);
    }

    /**
     * The included hours of {@code period}: the engagement's (none if unset), prorated by days in a
     * partial period when it prorates, rounded down to the second.
     */
    public static Duration included(Engagement engagement, BillingPeriod period) {
        Duration included = engagement.includedHours();
        if (included == null || included.isZero()) {
            return Duration.ZERO;
        }
        if (!period.isPartial() || engagement.proration() != ProrationPolicy.PRORATE_BY_DAYS) {
            return included;
        }
        long seconds = BigDecimal.valueOf(included.getSeconds()).multiply(BigDecimal.valueOf(period.days()))
                .divide(BigDecimal.valueOf(period.fullDays()), 0, java.math.RoundingMode.DOWN).longValueExact();
        return Duration.ofSeconds(seconds);
    }

    /**
     * With roll-over: the unused hours recorded on the previous period's invoice (none if that
     * period has no invoice); else nothing.
     */
    private static Duration carried(StoreSession session, Engagement engagement, BillingPeriod period,
            BillingPeriods periods) {
        if (!engagement.rollOverUnusedHours() || !period.start().isAfter(engagement.startDate())) {
            return Duration.ZERO;
        }
        Optional<BillingPeriod> previous = periods.periodContaining(engagement, period.start().minusDays(1));
        if (previous.isEmpty()) {
            return Duration.ZERO;
        }
        Optional<Invoice> invoice = session.get(InvoiceStore.class)
                .findByEngagementPeriod(engagement.id(), previous.get().start());
        String unused = invoice.map(i -> i.metadata().get(UNUSED_KEY)).orElse(null);
        return unused == null ? Duration.ZERO : Duration.parse(unused);
    }

    private static Map<ProjectId, Project> projectsOf(StoreSession session, Engagement engagement, Client client) {
        ProjectStore store = session.get(ProjectStore.class);
        Map<ProjectId, Project> projects = new HashMap<>();
        ProjectId only = engagement.projectId();
        if (only != null) {
            Project p = store.find(only).orElseThrow(() -> new NotFoundException("project", only.value()));
            projects.put(p.id(), p);
        } else {
            for (Project p : store.listByClient(client.id())) {
                projects.put(p.id(), p);
            }
        }
        return projects;
    }

    private static List<TimeEntry> entriesOf(StoreSession session, Set<ProjectId> projects, BillingPeriod period,
            Client client) {
        if (projects.isEmpty()) {
            return List.of();
        }
        Set<TimeEntryId> onDrafts = InvoiceDrafts.entriesOnDrafts(session, client.id());
        List<TimeEntry> entries = session.get(TimeEntryStore.class)
                .list(TimeEntryQuery.unbilled(projects, period.range()));
        if (onDrafts.isEmpty()) {
            return entries;
        }
        List<TimeEntry> out = new ArrayList<>(entries.size());
        for (TimeEntry e : entries) {
            if (!onDrafts.contains(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    private static UnitPrice priceOf(Engagement engagement, TimeEntry entry, @Nullable GenerationContext rates,
            Client client) {
        UnitPrice overage = engagement.overageRate();
        if (overage != null) {
            return overage;
        }
        ResolvedRate rate = InvoiceGenerator.rateOf(Objects.requireNonNull(rates, "rates"), entry);
        if (rate.unit() != RateUnit.HOUR) {
            throw new InvalidInputException("time entry " + entry.id() + " of engagement " + engagement.id()
                    + " is priced per " + rate.unit() + "; work beyond the included hours needs an hourly rate "
                    + "(set the engagement's overage rate)");
        }
        if (!rate.price().currencyCode().equals(client.currency().getCurrencyCode())) {
            throw new CurrencyMismatchException(client.currency().getCurrencyCode(), rate.price().currencyCode(),
                    "rate of time entry " + entry.id());
        }
        return rate.price();
    }

    private static String description(Engagement engagement, BillingPeriod period, Duration available) {
        LocalDate first = period.start();
        LocalDate last = period.lastDay();
        return Text.fit("Hours beyond the " + hours(available) + " h included, " + first + " \u2013 " + last
                + (engagement.description().isBlank() ? "" : " (" + engagement.description() + ")"),
                InvoiceLine.MAX_DESCRIPTION);
    }

    /** Hours as a plain decimal, e.g. {@code 12.5}. */
    private static String hours(Duration d) {
        return TimeUnits.hours(d.toNanos(), InvoiceGenerator.QUANTITY_SCALE, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static final class Group {
        final List<TimeEntryId> ids = new ArrayList<>();
        long nanos;

        void add(TimeEntryId id, long beyond) {
            ids.add(id);
            nanos += beyond;
        }
    }
}
