package dev.billops.benchmarks;

import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TenantId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.internal.invoice.GenerationContext;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.internal.rate.RateResolver;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.LocalDateRange;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.EntryState;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.money.CurrencyUnit;

/**
 * The deterministic data set of case 1: a tenant with {@code clients} EUR clients, one or two
 * projects each, 50 timekeepers and {@code entriesPerClient} entries per client in November 2026
 * (Europe/Berlin). The rules are mixed on purpose:
 * <ul>
 *   <li>rounding by project: none; 6 minutes up per entry; 15 minutes to nearest per
 *       timekeeper, project and day;</li>
 *   <li>rates: a client rule for everything; every 4th project has its own rate that changes
 *       on 16 November; every 5th project has a dearer rate for timekeepers tk0..tk4;</li>
 *   <li>2 % of the entries carry an explicit hourly rate.</li>
 * </ul>
 * The same numbers are exposed as flat arrays ({@link Flat}) for the hand-written baseline.
 */
final class Workload {

    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final CurrencyUnit EUR = Currencies.of("EUR");
    static final YearMonth MONTH = YearMonth.of(2026, 11);
    static final LocalDateRange PERIOD = LocalDateRange.ofMonth(MONTH);
    static final LocalDate RATE_CHANGE = LocalDate.of(2026, 11, 16);
    static final LocalDate RULES_FROM = LocalDate.of(2026, 1, 1);
    static final int TIMEKEEPERS = 50;
    static final TenantId TENANT_ID = TenantId.of("bench");
    static final Address ADDRESS = Address.of("Hauptstr. 1", "10115", "Berlin", "DE");

    final Tenant tenant = Tenant.of(TENANT_ID, "Bench GmbH", ADDRESS)
            .withVatId("DE123456789")
            .withDefaultVatRate(new BigDecimal("19"));
    final List<Timekeeper> timekeepers = new ArrayList<>();
    final List<Activity> activities = List.of(Activity.of(ActivityId.of("dev"), "Development"),
            Activity.of(ActivityId.of("meet"), "Meeting"), Activity.of(ActivityId.of("ops"), "Operations"));
    final List<Client> clients = new ArrayList<>();
    /** Projects of client i. */
    final List<List<Project>> projects = new ArrayList<>();
    /** Rate rules naming client i or its projects. */
    final List<List<RateRule>> rules = new ArrayList<>();
    /** Entries of client i, in (start, id) order. */
    final List<List<TimeEntry>> entries = new ArrayList<>();
    final int entryCount;

    private Workload(int clientCount, int entriesPerClient) {
        for (int t = 0; t < TIMEKEEPERS; t++) {
            timekeepers.add(Timekeeper.of(TimekeeperId.of("tk" + t), "Timekeeper " + t));
        }
        SplittableRandom random = new SplittableRandom(42);
        int projectNo = 0;
        int entryNo = 0;
        for (int c = 0; c < clientCount; c++) {
            Client client = Client.of(ClientId.of(clientKey(c)), "Client " + c, ADDRESS, EUR);
            clients.add(client);
            List<Project> ps = new ArrayList<>();
            List<RateRule> rs = new ArrayList<>();
            rs.add(rule("c" + c, RateScope.client(client.id()), 80 + c % 7 * 10, RULES_FROM, null));
            int projectsOfClient = 1 + c % 2;
            for (int k = 0; k < projectsOfClient; k++) {
                int p = projectNo++;
                Project project = Project.of(ProjectId.of("p" + p), client.id(), "Project " + p);
                project = switch (p % 3) {
                    case 1 -> project.withRounding(DurationRounding.ofMinutes(6, RoundingDirection.UP),
                            RoundingScope.PER_ENTRY);
                    case 2 -> project.withRounding(DurationRounding.ofMinutes(15, RoundingDirection.NEAREST),
                            RoundingScope.PER_DAY_AND_PROJECT);
                    default -> project;
                };
                ps.add(project);
                if (p % 4 == 0) {
                    rs.add(rule("p" + p + "a", RateScope.project(project.id()), 100, RULES_FROM,
                            RATE_CHANGE));
                    rs.add(rule("p" + p + "b", RateScope.project(project.id()), 110, RATE_CHANGE, null));
                }
                if (p % 5 == 0) {
                    for (int t = 0; t < 5; t++) {
                        rs.add(rule("p" + p + "t" + t, RateScope.project(project.id())
                                .withTimekeeper(timekeepers.get(t).id()), 150, RULES_FROM, null));
                    }
                }
            }
            List<TimeEntry> es = new ArrayList<>(entriesPerClient);
            // entries spread over the working days of the month, in start order
            LocalDateTime cursor = MONTH.atDay(2).atTime(8, 0);
            for (int i = 0; i < entriesPerClient; i++) {
                int minutes = 7 + random.nextInt(234);
                LocalDateTime start = cursor.plusMinutes(random.nextInt(40));
                LocalDateTime end = start.plusMinutes(minutes);
                Project project = ps.get(random.nextInt(ps.size()));
                TimekeeperId tk = timekeepers.get(random.nextInt(TIMEKEEPERS)).id();
                ActivityId activity = activities.get(random.nextInt(activities.size())).id();
                TimeEntry e = new TimeEntry(TimeEntryId.of("e" + entryNo++), project.id(), tk, activity,
                        TimeSpan.of(start, end, ZONE), "work", true, null, null, EntryState.OPEN, null, null, 0);
                if (random.nextInt(50) == 0) {
                    e = e.withExplicitRate(UnitPrice.of(EUR, BigDecimal.valueOf(95 + random.nextInt(4) * 5)),
                            RateUnit.HOUR);
                }
                es.add(e);
                // about 4 entries a day, 10 hours a working day, so 100 entries fill the month
                cursor = cursor.plusMinutes(150);
                if (cursor.getHour() >= 18) {
                    cursor = cursor.toLocalDate().plusDays(1).atTime(8, 0);
                    while (cursor.getDayOfWeek().getValue() >= 6) {
                        cursor = cursor.plusDays(1);
                    }
                    if (cursor.getMonth() != MONTH.getMonth()) {
                        cursor = MONTH.atDay(2).atTime(8, 0);
                    }
                }
            }
            es.sort(java.util.Comparator.comparing((TimeEntry e) -> e.span().start()).thenComparing(TimeEntry::id));
            projects.add(ps);
            rules.add(rs);
            entries.add(es);
        }
        this.entryCount = entryNo;
    }

    static Workload of(int clients, int entriesPerClient) {
        return new Workload(clients, entriesPerClient);
    }

    static String clientKey(int c) {
        return "c" + c;
    }

    private static RateRule rule(String id, RateScope scope, int euros, LocalDate from, LocalDate to) {
        return new RateRule(RateRuleId.of(id), scope, UnitPrice.of(EUR, BigDecimal.valueOf(euros)), RateUnit.HOUR,
                from, to);
    }

    /** The generation context of client {@code c}, as a draft service would build it from the store. */
    GenerationContext context(int c) {
        return GenerationContext.of(tenant, clients.get(c), projects.get(c), timekeepers, activities,
                RateResolver.of(rules.get(c)));
    }

    int clientCount() {
        return clients.size();
    }

    /** Struct-of-arrays view for the hand-written baseline: minor units and seconds, nothing boxed. */
    Flat flat() {
        return new Flat(this);
    }

    static final class Flat {
        /** First entry index of client i; {@code clientStart[n]} is the entry count. */
        final int[] clientStart;
        final long[] startEpochSecond;
        final int[] durationSeconds;
        final int[] project;
        final int[] timekeeper;
        /** Explicit rate in cents per hour, or -1. */
        final long[] explicitCentsPerHour;
        /** Per project: rounding increment in seconds (0: none), 0 up / 1 nearest, per-day flag. */
        final int[] incrementSeconds;
        final boolean[] nearest;
        final boolean[] perDay;
        /** Per project: price in cents before and after the rate change (same if none), tk0..4 price or -1. */
        final long[] priceBefore;
        final long[] priceAfter;
        final long[] seniorPrice;
        final long rateChangeEpochDay = RATE_CHANGE.toEpochDay();

        Flat(Workload w) {
            int n = w.entryCount;
            clientStart = new int[w.clientCount() + 1];
            startEpochSecond = new long[n];
            durationSeconds = new int[n];
            project = new int[n];
            timekeeper = new int[n];
            explicitCentsPerHour = new long[n];
            int projectCount = 0;
            for (List<Project> ps : w.projects) {
                projectCount += ps.size();
            }
            incrementSeconds = new int[projectCount];
            nearest = new boolean[projectCount];
            perDay = new boolean[projectCount];
            priceBefore = new long[projectCount];
            priceAfter = new long[projectCount];
            seniorPrice = new long[projectCount];
            int i = 0;
            for (int c = 0; c < w.clientCount(); c++) {
                clientStart[c] = i;
                long clientPrice = 0;
                for (RateRule r : w.rules.get(c)) {
                    if (r.scope().projectId() == null) {
                        clientPrice = cents(r.price().amount());
                    }
                }
                for (Project p : w.projects.get(c)) {
                    int pi = index(p.id());
                    Duration inc = p.rounding().increment();
                    incrementSeconds[pi] = (int) inc.getSeconds();
                    nearest[pi] = p.rounding().direction() == RoundingDirection.NEAREST;
                    perDay[pi] = p.roundingScope() == RoundingScope.PER_DAY_AND_PROJECT;
                    priceBefore[pi] = clientPrice;
                    priceAfter[pi] = clientPrice;
                    seniorPrice[pi] = -1;
                    for (RateRule r : w.rules.get(c)) {
                        if (p.id().equals(r.scope().projectId())) {
                            long price = cents(r.price().amount());
                            if (r.scope().timekeeperId() != null) {
                                seniorPrice[pi] = price;
                            } else if (r.effectiveTo() != null) {
                                priceBefore[pi] = price;
                            } else {
                                priceAfter[pi] = price;
                            }
                        }
                    }
                }
                for (TimeEntry e : w.entries.get(c)) {
                    Instant s = e.span().start();
                    startEpochSecond[i] = s.getEpochSecond();
                    durationSeconds[i] = (int) e.duration().getSeconds();
                    project[i] = index(e.projectId());
                    timekeeper[i] = Integer.parseInt(e.timekeeperId().value().substring(2));
                    explicitCentsPerHour[i] = e.explicitRate() == null ? -1 : cents(e.explicitRate().amount());
                    i++;
                }
            }
            clientStart[w.clientCount()] = i;
        }

        private static int index(ProjectId id) {
            return Integer.parseInt(id.value().substring(1));
        }

        private static long cents(BigDecimal amount) {
            return amount.movePointRight(2).longValueExact();
        }
    }
}
