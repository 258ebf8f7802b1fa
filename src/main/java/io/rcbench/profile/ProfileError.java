package io.rcbench.profile;

/**
 * One problem found in a profile: where, which field (dotted path, empty for the whole file) and what was
 * expected. {@link #toString()} is the line printed to users: {@code profiles/x.yaml:12: population.activeUsers:
 * expected an integer >= 0, got number -5}.
 */
public record ProfileError(Origin origin, String field, String message) {
    @Override
    public String toString() {
        return origin + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
