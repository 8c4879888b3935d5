package dev.billops.examples.demo;

import dev.billops.core.TenantBilling;
import dev.billops.core.engagement.Engagement;
import dev.billops.core.engagement.PackageSchedule;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.EngagementId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.RateRuleId;
import dev.billops.core.id.TimeEntryId;
import dev.billops.core.id.TimekeeperId;
import dev.billops.core.money.Currencies;
import dev.billops.core.money.Money;
import dev.billops.core.money.UnitPrice;
import dev.billops.core.party.Address;
import dev.billops.core.party.Client;
import dev.billops.core.party.PartyDetails;
import dev.billops.core.party.TaxProfile;
import dev.billops.core.party.Tenant;
import dev.billops.core.party.Timekeeper;
import dev.billops.core.project.Activity;
import dev.billops.core.project.Project;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.RateUnit;
import dev.billops.core.time.DurationRounding;
import dev.billops.core.time.RoundingDirection;
import dev.billops.core.time.RoundingScope;
import dev.billops.core.time.TimeSpan;
import dev.billops.core.timeentry.TimeEntry;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.money.CurrencyUnit;

/**
 * The master data of the demo consultancy, Northwind Consulting GmbH in Berlin, and the time its
 * people log in November 2026. Four clients in EUR and USD with four tax treatments (standard
 * 19 %, export, reverse charge, standard with package fees only and autopay by card), projects priced by the hour,
 * the day and the month with different rounding rules, and one engagement per package schedule.
 *
 * <p>Everything but the time entries is fixed; the entries are drawn from a {@link Random} seeded
 * by the caller, so one seed always gives the same month.
 */
public final class Consultancy {

    public static final YearMonth MONTH = YearMonth.of(2026, 11);
    public static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    public static final CurrencyUnit EUR = Currencies.of("EUR");
    public static final CurrencyUnit USD = Currencies.of("USD");

    public static final ClientId ACME = ClientId.of("acme");
    public static final ClientId GLOBEX = ClientId.of("globex");
    public static final ClientId INITECH = ClientId.of("initech");
    public static final ClientId UMBRELLA = ClientId.of("umbrella");

    public static final ProjectId ACME_WEB = ProjectId.of("acme-web");
    public static final ProjectId ACME_OPS = ProjectId.of("acme-ops");
    public static final ProjectId GLOBEX_AUDIT = ProjectId.of("globex-audit");
    public static final ProjectId INITECH_APP = ProjectId.of("initech-app");

    public static final TimekeeperId ALICE = TimekeeperId.of("alice");
    public static final TimekeeperId BOB = TimekeeperId.of("bob");
    public static final TimekeeperId CAROL = TimekeeperId.of("carol");
    public static final TimekeeperId DAN = TimekeeperId.of("dan");

    public static final ActivityId DEV = ActivityId.of("dev");
    public static final ActivityId MEETING = ActivityId.of("meeting");
    public static final ActivityId REVIEW = ActivityId.of("review");

    /** ACME's buyer reference (BT-10), stored with the client; its XRechnung invoices must carry one. */
    public static final String ACME_BUYER_REFERENCE = "ACME-KST-4711";

    /** Project codes as they appear in calendar titles ({@code [ACME-WEB] Sprint review}). */
    public static final Map<String, ProjectId> PROJECT_CODES = Map.of(
            "ACME-WEB", ACME_WEB, "ACME-OPS", ACME_OPS, "GLOBEX-AUDIT", GLOBEX_AUDIT, "INITECH-APP", INITECH_APP);

    /** Who logs time by hand in the demo (Alice and Bob's calendar is imported from the ICS file as well). */
    static final List<TimekeeperId> LOGGERS = List.of(ALICE, BOB, CAROL, DAN);

    private static final String[] TASKS = {
        "Implementation", "Code review", "Bug fixing", "Requirements workshop", "Deployment", "Testing",
        "Architecture notes", "Data migration", "Performance analysis", "Documentation", "Pairing session",
        "Incident follow-up",
    };

    private Consultancy() {
    }

    /**
     * The seller, in Berlin's time zone (its "today"), with net prices and the default numbering,
     * and what its e-invoices say about it: electronic address (its VAT id, EAS 9930), commercial
     * register entry, tax number and contact.
     */
    public static Tenant seller(TenantBilling tenant) {
        return Tenant.of(tenant.tenantId(), "Northwind Consulting GmbH",
                Address.of("Friedrichstraße 68", "10117", "Berlin", "DE"))
                .withVatId("DE811907980")
                .withEmail("billing@northwind.test")
                .withBankAccount("DE89370400440532013000", "COBADEFFXXX")
                .withDefaultVatRate(new BigDecimal("19"))
                .withZone(ZONE)
                .withDetails(PartyDetails.none()
                        .withTaxRegistrationId("37/123/45678")
                        .withLegalInfo("Sitz Berlin, Amtsgericht Charlottenburg HRB 12345 B"))
                .withElectronicAddress("DE811907980", "9930")
                .withLegalRegistration("HRB 12345 B", null)
                .withContact("Northwind billing office", "+49 30 5550 1234", "billing@northwind.test");
    }

    /**
     * Stores the seller, clients, projects, people, activities, rates and engagements. The seller
     * is created first, and refused if the tenant exists (also when another demo run created it a
     * moment ago), so a set-up never rewrites another run's tenant.
     *
     * @throws dev.billops.core.party.TenantAlreadyExistsException if the tenant exists; nothing was stored
     */
    public static void setUp(TenantBilling t) {
        t.profile().create(seller(t));

        t.clients().create(Client.of(ACME, "ACME Corporation AG", Address.of("Königsallee 12", "40212", "Düsseldorf",
                "DE"), EUR).withTerms(14).withLocale(Locale.GERMANY).withEmail("ap@acme.test")
                .withElectronicAddress("4000001123452", "0088").withBuyerReference(ACME_BUYER_REFERENCE)
                .withContact("Accounts payable", "+49 211 555 0", "ap@acme.test"));
        t.clients().create(Client.of(GLOBEX, "Globex Inc.", Address.of("500 Market Street", "94105", "San Francisco",
                "US"), USD).withTerms(30).withLocale(Locale.US)
                .withTaxProfile(TaxProfile.EXPORT, "Services to a business outside the EU")
                .withEmail("payables@globex.test"));
        t.clients().create(Client.of(INITECH, "Initech B.V.", Address.of("Keizersgracht 221", "1016 DV", "Amsterdam",
                "NL"), EUR).withTerms(60).withLocale(Locale.UK)
                .withVatId("NL853746333B01").withTaxProfile(TaxProfile.REVERSE_CHARGE)
                .withEmail("finance@initech.test"));
        t.clients().create(Client.of(UMBRELLA, "Umbrella SARL", Address.of("12 rue de la Paix", "75002", "Paris",
                "FR"), EUR).withTerms(14).withLocale(Locale.FRANCE).withEmail("compta@umbrella.test")
                .withAutopay("pm_demo_umbrella_visa"));

        // hourly, every started quarter hour
        t.projects().create(Project.of(ACME_WEB, ACME, "Website relaunch").withCode("ACME-WEB")
                .withRounding(DurationRounding.ofMinutes(15, RoundingDirection.UP), RoundingScope.PER_ENTRY));
        // a fixed monthly charge, whatever the hours
        t.projects().create(Project.of(ACME_OPS, ACME, "Managed operations").withCode("ACME-OPS"));
        // by the day (8 h), each person's day rounded to the nearest half hour
        t.projects().create(Project.of(GLOBEX_AUDIT, GLOBEX, "Security audit").withCode("GLOBEX-AUDIT")
                .withRounding(DurationRounding.ofMinutes(30, RoundingDirection.NEAREST),
                        RoundingScope.PER_DAY_AND_PROJECT));
        // hourly, 6-minute units per day, at least 15 minutes
        t.projects().create(Project.of(INITECH_APP, INITECH, "Mobile app").withCode("INITECH-APP")
                .withRounding(DurationRounding.of(Duration.ofMinutes(6), RoundingDirection.UP, Duration.ofMinutes(15)),
                        RoundingScope.PER_DAY_AND_PROJECT));

        t.timekeepers().create(new Timekeeper(ALICE, "Alice Adler", "alice@consultancy.test", true));
        t.timekeepers().create(new Timekeeper(BOB, "Bob Brandt", "bob@consultancy.test", true));
        t.timekeepers().create(new Timekeeper(CAROL, "Carol Chen", "carol@consultancy.test", true));
        t.timekeepers().create(new Timekeeper(DAN, "Dan Dietrich", "dan@consultancy.test", true));

        t.activities().create(Activity.of(DEV, "Development"));
        t.activities().create(Activity.of(MEETING, "Meeting"));
        t.activities().create(Activity.of(REVIEW, "Review"));

        LocalDate from = LocalDate.of(2026, 1, 1);
        t.rates().create(rule("acme-web-hourly", RateScope.project(ACME_WEB), EUR, "120", RateUnit.HOUR, from));
        // the senior rate: more specific than the project's, so it wins for Carol's entries
        t.rates().create(rule("acme-web-carol", RateScope.project(ACME_WEB).withTimekeeper(CAROL), EUR, "150",
                RateUnit.HOUR, from));
        t.rates().create(rule("acme-ops-monthly", RateScope.project(ACME_OPS), EUR, "2400", RateUnit.MONTH, from));
        t.rates().create(rule("globex-audit-daily", RateScope.project(GLOBEX_AUDIT), USD, "1150", RateUnit.DAY, from));
        // a price rise in the middle of the month: entries before the 16th at 95, from then on at 105
        t.rates().create(new RateRule(RateRuleId.of("initech-app-2026"), RateScope.project(INITECH_APP),
                UnitPrice.of(EUR, "95"), RateUnit.HOUR, from, LocalDate.of(2026, 11, 16)));
        t.rates().create(rule("initech-app-2026-11", RateScope.project(INITECH_APP), EUR, "105", RateUnit.HOUR,
                LocalDate.of(2026, 11, 16)));

        // one engagement per package schedule
        t.engagements().create(Engagement.ofPackage(EngagementId.of("umbrella-retainer"), UMBRELLA,
                "Retainer: product advisory", Money.of(EUR, "3000.00"), PackageSchedule.MONTHLY,
                LocalDate.of(2026, 11, 1), null));
        t.engagements().create(Engagement.ofPackage(EngagementId.of("acme-support"), ACME,
                "Support plan (quarterly)", Money.of(EUR, "4500.00"), PackageSchedule.QUARTERLY,
                LocalDate.of(2026, 11, 1), null));
        t.engagements().create(Engagement.ofPackage(EngagementId.of("globex-licence"), GLOBEX,
                "Audit tooling licence (annual)", Money.of(USD, "12000.00"), PackageSchedule.ANNUAL,
                LocalDate.of(2026, 11, 1), null));
        t.engagements().create(Engagement.ofPackage(EngagementId.of("umbrella-workshop"), UMBRELLA,
                "Discovery workshop", Money.of(EUR, "2000.00"), PackageSchedule.ONE_TIME,
                LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 20)));
    }

    private static RateRule rule(String id, RateScope scope, CurrencyUnit currency, String price, RateUnit unit,
            LocalDate from) {
        return new RateRule(RateRuleId.of(id), scope, UnitPrice.of(currency, price), unit, from, null);
    }

    /**
     * The hand-logged time of November: every weekday, each person works two to five blocks
     * from about 08:30 on the projects they are staffed on, around the {@code busy} times they
     * already have (their imported calendar). Deterministic for {@code seed} and {@code busy};
     * ids {@code te-<n>}.
     */
    public static List<TimeEntry> month(long seed, Map<TimekeeperId, List<TimeSpan>> busy) {
        Random random = new Random(seed);
        Map<TimekeeperId, List<ProjectId>> staffing = Map.of(
                ALICE, List.of(ACME_WEB, ACME_OPS, INITECH_APP),
                BOB, List.of(GLOBEX_AUDIT, ACME_OPS),
                CAROL, List.of(ACME_WEB, INITECH_APP),
                DAN, List.of(GLOBEX_AUDIT, INITECH_APP, ACME_WEB));
        ActivityId[] activities = {DEV, DEV, DEV, MEETING, REVIEW};
        List<TimeEntry> entries = new ArrayList<>();
        for (LocalDate day = MONTH.atDay(1); !day.isAfter(MONTH.atEndOfMonth()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (TimekeeperId who : LOGGERS) {
                if (random.nextInt(10) == 0) {
                    continue; // a day off
                }
                List<ProjectId> projects = staffing.get(who);
                LocalDateTime at = LocalDateTime.of(day, LocalTime.of(8, 30)).plusMinutes(15L * random.nextInt(4));
                int blocks = 2 + random.nextInt(4);
                for (int b = 0; b < blocks; b++) {
                    long minutes = 25 + random.nextInt(24) * 5L; // 25 min .. 2 h 20
                    at = after(busy.getOrDefault(who, List.of()), at, minutes);
                    LocalDateTime end = at.plusMinutes(minutes);
                    ProjectId project = projects.get(random.nextInt(projects.size()));
                    ActivityId activity = activities[random.nextInt(activities.length)];
                    String task = TASKS[random.nextInt(TASKS.length)];
                    TimeEntry entry = TimeEntry.of(project, who, activity, TimeSpan.of(at, end, ZONE), task)
                            .withId(TimeEntryId.of(String.format(Locale.ROOT, "te-%05d", entries.size() + 1)));
                    entries.add(entry);
                    at = end.plusMinutes(5L * random.nextInt(7)); // a short break, or none
                }
            }
        }
        return entries;
    }

    /** The first start at or after {@code at} from which {@code minutes} do not overlap a busy span. */
    private static LocalDateTime after(List<TimeSpan> busy, LocalDateTime at, long minutes) {
        LocalDateTime start = at;
        boolean moved = true;
        while (moved) {
            moved = false;
            TimeSpan candidate = TimeSpan.of(start, start.plusMinutes(minutes), ZONE);
            for (TimeSpan b : busy) {
                if (b.overlaps(candidate)) {
                    start = LocalDateTime.ofInstant(b.end(), ZONE).plusMinutes(5);
                    moved = true;
                    break;
                }
            }
        }
        return start;
    }
}
