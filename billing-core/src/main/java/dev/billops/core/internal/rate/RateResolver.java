package dev.billops.core.internal.rate;

import dev.billops.core.rate.RateQuery;
import dev.billops.core.rate.RateRule;
import dev.billops.core.rate.RateScope;
import dev.billops.core.rate.ResolvedRate;
import dev.billops.core.id.ActivityId;
import dev.billops.core.id.ClientId;
import dev.billops.core.id.ProjectId;
import dev.billops.core.id.TimekeeperId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Finds the rate rule that prices a piece of work: among the rules whose {@link RateScope} matches
 * the {@link RateQuery} (every component the scope names equals the query's) and that are in force
 * on its date ({@code [effectiveFrom, effectiveTo)}), the winner is
 * <ol>
 *   <li>the most specific scope (naming the most of client, project, timekeeper and activity; a
 *       project counts as naming its client too, as it belongs to one);</li>
 *   <li>then the latest {@code effectiveFrom};</li>
 *   <li>then the higher-ranked component: project over activity over timekeeper over client;</li>
 *   <li>then the smallest rule id, so the outcome never depends on input order.</li>
 * </ol>
 * A time entry's explicit rate wins over every rule; the caller applies it first
 * ({@link ResolvedRate#explicit}). Each piece of work is resolved by its own date, so a rule
 * that changes inside a billed period prices each entry by its day. The rules that can match one
 * combination are computed once ({@link #candidates}). Immutable (the cache aside) and thread-safe.
 */
public final class RateResolver {

    private static final Comparator<RateRule> PRECEDENCE = Comparator
            .comparingInt((RateRule r) -> specificity(r.scope())).reversed()
            .thenComparing(RateRule::effectiveFrom, Comparator.reverseOrder())
            .thenComparing(r -> rank(r.scope()), Comparator.reverseOrder())
            .thenComparing(RateRule::id);

    private static final RateResolver EMPTY = new RateResolver(List.of());

    private final List<RateRule> rules;
    private final RateRule[] ordered;
    private final ResolvedRate[] resolved;
    private final ConcurrentHashMap<Combination, Candidates> cache = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Combination, ProjectCandidates> projectCache = new ConcurrentHashMap<>();

    private RateResolver(Collection<RateRule> rules) {
        List<RateRule> sorted = new ArrayList<>(rules);
        for (RateRule rule : sorted) {
            Objects.requireNonNull(rule, "rule");
        }
        sorted.sort(PRECEDENCE);
        this.rules = List.copyOf(sorted);
        this.ordered = sorted.toArray(new RateRule[0]);
        this.resolved = new ResolvedRate[ordered.length];
        for (int i = 0; i < ordered.length; i++) {
            resolved[i] = ResolvedRate.of(ordered[i]);
        }
    }

    /** A resolver over {@code rules} (copied). */
    public static RateResolver of(Collection<RateRule> rules) {
        Objects.requireNonNull(rules, "rules");
        return rules.isEmpty() ? EMPTY : new RateResolver(rules);
    }

    /** The rules, in precedence order (most specific first). */
    public List<RateRule> rules() {
        return rules;
    }

    /** The rate in force for {@code query}, or empty if no rule matches. */
    public Optional<ResolvedRate> resolve(RateQuery query) {
        Objects.requireNonNull(query, "query");
        return Optional.ofNullable(candidates(query.clientId(), query.projectId(), query.timekeeperId(),
                query.activityId()).resolve(query.date()));
    }

    /**
     * The rules that can price work of this combination, in precedence order; resolve them by
     * date with {@link Candidates#resolve}. Cached per combination.
     */
    public Candidates candidates(ClientId client, @Nullable ProjectId project, @Nullable TimekeeperId timekeeper,
            @Nullable ActivityId activity) {
        Objects.requireNonNull(client, "client");
        Combination key = new Combination(client, project, timekeeper, activity);
        Candidates found = cache.get(key);
        if (found == null) {
            found = cache.computeIfAbsent(key, this::collect);
        }
        return found;
    }

    private Candidates collect(Combination c) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < ordered.length; i++) {
            RateScope s = ordered[i].scope();
            if (matches(s.clientId(), c.client()) && matches(s.projectId(), c.project())
                    && matches(s.timekeeperId(), c.timekeeper()) && matches(s.activityId(), c.activity())) {
                matching.add(i);
            }
        }
        RateRule[] rs = new RateRule[matching.size()];
        ResolvedRate[] rates = new ResolvedRate[matching.size()];
        for (int j = 0; j < rs.length; j++) {
            rs[j] = ordered[matching.get(j)];
            rates[j] = resolved[matching.get(j)];
        }
        return new Candidates(rs, rates);
    }

    /**
     * The rules that can price work of {@code client} on {@code project} by any timekeeper and
     * activity, in precedence order; resolve them with {@link ProjectCandidates#indexOf}, which
     * gives for every timekeeper, activity and date the rule {@link #candidates} would. Cached per
     * client and project. For callers that price many combinations of one project, such as
     * invoice generation, so they look the rules up once per project rather than per combination.
     */
    public ProjectCandidates projectCandidates(ClientId client, @Nullable ProjectId project) {
        Objects.requireNonNull(client, "client");
        Combination key = new Combination(client, project, null, null);
        ProjectCandidates found = projectCache.get(key);
        if (found == null) {
            found = projectCache.computeIfAbsent(key, this::collectProject);
        }
        return found;
    }

    private ProjectCandidates collectProject(Combination c) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < ordered.length; i++) {
            RateScope s = ordered[i].scope();
            if (matches(s.clientId(), c.client()) && matches(s.projectId(), c.project())) {
                matching.add(i);
            }
        }
        int n = matching.size();
        TimekeeperId[] timekeepers = new TimekeeperId[n];
        ActivityId[] activities = new ActivityId[n];
        long[] fromDays = new long[n];
        long[] toDays = new long[n];
        ResolvedRate[] rates = new ResolvedRate[n];
        for (int j = 0; j < n; j++) {
            RateRule r = ordered[matching.get(j)];
            timekeepers[j] = r.scope().timekeeperId();
            activities[j] = r.scope().activityId();
            fromDays[j] = r.effectiveFrom().toEpochDay();
            toDays[j] = r.effectiveTo() == null ? Long.MAX_VALUE : r.effectiveTo().toEpochDay();
            rates[j] = resolved[matching.get(j)];
        }
        return new ProjectCandidates(timekeepers, activities, fromDays, toDays, rates);
    }

    private static boolean matches(@Nullable Object scoped, @Nullable Object actual) {
        return scoped == null || scoped.equals(actual);
    }

    /**
     * How many of client, project, timekeeper and activity the scope names (0..4), a project
     * counting as its client too.
     */
    public static int specificity(RateScope scope) {
        Objects.requireNonNull(scope, "scope");
        int named = Integer.bitCount(rank(scope));
        return scope.projectId() != null && scope.clientId() == null ? named + 1 : named;
    }

    private static int rank(RateScope s) {
        return (s.projectId() != null ? 8 : 0) | (s.activityId() != null ? 4 : 0)
                | (s.timekeeperId() != null ? 2 : 0) | (s.clientId() != null ? 1 : 0);
    }

    private record Combination(ClientId client, @Nullable ProjectId project, @Nullable TimekeeperId timekeeper,
            @Nullable ActivityId activity) {

        // spelled out, identity first: looked up once per project and generation, on ids that repeat
        @Override
        public boolean equals(@Nullable Object o) {
            return o instanceof Combination c && same(client, c.client) && same(project, c.project)
                    && same(timekeeper, c.timekeeper) && same(activity, c.activity);
        }

        @Override
        public int hashCode() {
            return ((client.hashCode() * 31 + Objects.hashCode(project)) * 31 + Objects.hashCode(timekeeper)) * 31
                    + Objects.hashCode(activity);
        }

        private static boolean same(@Nullable Object a, @Nullable Object b) {
            return a == b || a != null && a.equals(b);
        }
    }

    /**
     * The rules that can price one combination of client, project, timekeeper and activity, in
     * precedence order. Immutable and thread-safe.
     */
    public static final class Candidates {

        private final RateRule[] rules;
        private final ResolvedRate[] rates;

        Candidates(RateRule[] rules, ResolvedRate[] rates) {
            this.rules = rules;
            this.rates = rates;
        }

        /** The rate in force on {@code date}, or null if none of the candidates is. */
        public @Nullable ResolvedRate resolve(LocalDate date) {
            for (int i = 0; i < rules.length; i++) {
                if (rules[i].isEffectiveOn(date)) {
                    return rates[i];
                }
            }
            return null;
        }

        /** Whether no rule can ever match this combination. */
        public boolean isEmpty() {
            return rules.length == 0;
        }

        /** The candidate rules, most specific first. */
        public List<RateRule> rules() {
            return List.copyOf(Arrays.asList(rules));
        }
    }

    /**
     * The rules that can price work on one client's project, whatever its timekeeper and
     * activity, in precedence order, as flat arrays: the first rule whose timekeeper and activity
     * (where it names them) match and whose {@code [effectiveFrom, effectiveTo)} holds the date
     * wins, which is the rule {@link Candidates#resolve} of that full combination gives, since
     * both keep the precedence order of all rules. Immutable and thread-safe.
     */
    public static final class ProjectCandidates {

        private final @Nullable TimekeeperId[] timekeepers;
        private final @Nullable ActivityId[] activities;
        private final long[] fromDays;
        private final long[] toDays;
        private final ResolvedRate[] rates;

        ProjectCandidates(@Nullable TimekeeperId[] timekeepers, @Nullable ActivityId[] activities, long[] fromDays,
                long[] toDays, ResolvedRate[] rates) {
            this.timekeepers = timekeepers;
            this.activities = activities;
            this.fromDays = fromDays;
            this.toDays = toDays;
            this.rates = rates;
        }

        /**
         * The index of the rule in force for work of {@code timekeeper} on {@code activity} on
         * the date {@code epochDay} ({@link LocalDate#toEpochDay()}), or -1 if none is.
         */
        public int indexOf(TimekeeperId timekeeper, @Nullable ActivityId activity, long epochDay) {
            for (int i = 0; i < rates.length; i++) {
                if (epochDay >= fromDays[i] && epochDay < toDays[i]) {
                    TimekeeperId t = timekeepers[i];
                    ActivityId a = activities[i];
                    // the ids' values compared directly: what the records' equals does, without its dispatch
                    if ((t == null || t == timekeeper || t.value().equals(timekeeper.value()))
                            && (a == null || a == activity || activity != null && a.value().equals(activity.value()))) {
                        return i;
                    }
                }
            }
            return -1;
        }

        /** The rate of the rule at {@code index} (from {@link #indexOf}). */
        public ResolvedRate rate(int index) {
            return rates[index];
        }

        /** How many rules. */
        public int size() {
            return rates.length;
        }
    }
}
