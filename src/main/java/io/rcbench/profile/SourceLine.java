package io.rcbench.profile;

/**
 * A line of a source document a claim comes from.
 *
 * @param file  file name in the seeds folder (e.g. {@code 003_e23fc6ae27be6fc0.txt})
 * @param quote text copied verbatim from that file (whitespace may differ)
 */
public record SourceLine(String file, String quote) {
    public SourceLine {
        FieldException.require(file != null && !file.isBlank(), "file", "a file name", "nothing");
        FieldException.require(quote != null && !quote.isBlank(), "quote", "the quoted text", "nothing");
    }
}
