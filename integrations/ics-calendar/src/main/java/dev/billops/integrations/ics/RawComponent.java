package dev.billops.integrations.ics;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A component (VCALENDAR, VEVENT, VTIMEZONE, …) as read, with its properties in file order, its
 * sub-components, and its position among the calendar's components of the same name (for
 * messages about components that lack a UID).
 */
record RawComponent(String name, List<RawProperty> properties, List<RawComponent> components, int ordinal) {

    RawComponent {
        name = name.toUpperCase(Locale.ROOT);
        properties = List.copyOf(properties);
        components = List.copyOf(components);
    }

    Optional<RawProperty> property(String propertyName) {
        for (RawProperty p : properties) {
            if (p.name().equals(propertyName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    List<RawProperty> all(String propertyName) {
        return properties.stream().filter(p -> p.name().equals(propertyName)).toList();
    }

    List<RawComponent> children(String componentName) {
        return components.stream().filter(c -> c.name().equals(componentName)).toList();
    }
}
