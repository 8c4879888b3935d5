package dev.billops.spi.runtime.calendar;

import dev.billops.core.id.ProjectId;
import dev.billops.spi.CalendarEvent;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which project a calendar event's time is booked to; an empty result means the event is
 * reported as unmapped. Implementations must be thread-safe and side-effect free.
 */
@FunctionalInterface
public interface ProjectMapping {

    /** The project of {@code event}, if this rule knows it. */
    Optional<ProjectId> projectFor(CalendarEvent event);

    /** This rule, and {@code other} for events this one does not map. */
    default ProjectMapping orElse(ProjectMapping other) {
        Objects.requireNonNull(other, "other");
        return event -> {
            Optional<ProjectId> mine = projectFor(event);
            return mine.isPresent() ? mine : other.projectFor(event);
        };
    }

    /**
     * Maps by a project code in square brackets in the event's summary, e.g.
     * {@code "[ACME-WEB] sprint review"}; codes compare case-insensitively, and the first
     * bracketed code that is known wins.
     */
    static ProjectMapping byCodeInTitle(Map<String, ProjectId> projectsByCode) {
        Map<String, ProjectId> codes = upperCased(projectsByCode, "project code");
        Pattern bracketed = Pattern.compile("\\[\\s*([^\\[\\]]+?)\\s*]");
        return event -> {
            Matcher m = bracketed.matcher(event.summary());
            while (m.find()) {
                ProjectId p = codes.get(m.group(1).toUpperCase(Locale.ROOT));
                if (p != null) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        };
    }

    /** Maps by the event's categories (case-insensitive); the first known category wins. */
    static ProjectMapping byCategory(Map<String, ProjectId> projectsByCategory) {
        Map<String, ProjectId> categories = upperCased(projectsByCategory, "category");
        return event -> {
            for (String c : event.categories()) {
                ProjectId p = categories.get(c.trim().toUpperCase(Locale.ROOT));
                if (p != null) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        };
    }

    /** Every event to one project. */
    static ProjectMapping always(ProjectId project) {
        Objects.requireNonNull(project, "project");
        Optional<ProjectId> p = Optional.of(project);
        return event -> p;
    }

    private static Map<String, ProjectId> upperCased(Map<String, ProjectId> in, String what) {
        Map<String, ProjectId> out = new HashMap<>();
        in.forEach((k, v) -> {
            String key = Objects.requireNonNull(k, what).trim().toUpperCase(Locale.ROOT);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(what + " '" + k + "' is blank");
            }
            ProjectId before = out.put(key, Objects.requireNonNull(v, "project of " + what + " " + k));
            if (before != null && !before.equals(v)) {
                throw new IllegalArgumentException(what + " '" + k + "' maps to two projects: " + before + " and " + v);
            }
        });
        return Map.copyOf(out);
    }
}
