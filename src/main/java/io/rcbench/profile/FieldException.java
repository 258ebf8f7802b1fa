package io.rcbench.profile;

/**
 * Thrown by the compact constructors of profile records when a value is out of range. The loader turns it into
 * a {@link ProfileError} at the field's file and line; code that builds records directly gets it as is.
 */
public final class FieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    /** {@code field} is relative to the record (e.g. {@code activeUsers}); message says what was expected. */
    public FieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        String m = getMessage();
        return m.substring(field.length() + 2);
    }

    static void require(boolean ok, String field, String expected, Object got) {
        if (!ok) {
            throw new FieldException(field, "expected " + expected + ", got " + got);
        }
    }

    static void atLeast(String field, double value, double min) {
        require(value >= min && Double.isFinite(value), field, "a number >= " + plain(min), plain(value));
    }

    static void share(String field, double value) {
        require(value >= 0 && value <= 1, field, "a share between 0 and 1", plain(value));
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Shares that must add up to 1 (within rounding). */
    static void sumsToOne(String field, double sum) {
        require(Math.abs(sum - 1) < 1e-6, field, "shares adding up to 1", "a sum of " + plain(sum));
    }
}
