package dev.billops.core.id;

/** Typed id of a project; see {@link Ids} for the accepted characters. */
public record ProjectId(String value) implements Comparable<ProjectId> {

    public ProjectId {
        Ids.check("project", value);
    }

    public static ProjectId of(String value) {
        return new ProjectId(value);
    }

    /** A new time-ordered random id. */
    public static ProjectId generate() {
        return new ProjectId(Ids.generate());
    }

    @Override
    public int compareTo(ProjectId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
