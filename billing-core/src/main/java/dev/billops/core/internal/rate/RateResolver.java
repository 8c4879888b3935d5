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
}
