package io.rcbench.profile;

/**
 * Where a value came from: a file and line, or a command-line override. Shown in every error and by
 * {@code profiles show}.
 *
 * @param source file name as given (e.g. {@code profiles/minimal-vps.yaml}) or {@code --set key=value}
 * @param line   1-based line, 0 for command-line overrides
 */
public record Origin(String source, int line) {
    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
