package io.rcbench.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Markdown file of the repository, split the way a reader meets it: prose (where links live), code (fenced
 * blocks and inline spans, where commands live) and headings (the anchors GitHub generates). A line-based reading,
 * enough for the Markdown this repository writes; it is not a CommonMark parser.
 */
record MarkdownFile(Path path, String prose, List<String> code, Set<String> anchors) {
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern INLINE_CODE = Pattern.compile("(`+)(.+?)\\1", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");

    static MarkdownFile read(Path path) {
        try {
            return parse(path, Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MarkdownFile parse(Path path, String text) {
        StringBuilder prose = new StringBuilder();
        List<String> code = new ArrayList<>();
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        StringBuilder block = null;
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).find()) {
                flush(paragraph, prose, code);
                if (block == null) {
                    block = new StringBuilder();
                } else {
                    code.add(block.toString());
                    block = null;
                }
                continue;
            }
            if (block != null) {
                block.append(line).append('\n');
                continue;
            }
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                flush(paragraph, prose, code);
                String slug = slug(heading.group(1));
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
            paragraph.append(line).append('\n');
            if (line.isBlank() || heading.matches()) {
                flush(paragraph, prose, code);
            }
        }
        flush(paragraph, prose, code);
        if (block != null) {
            code.add(block.toString());
        }
        return new MarkdownFile(path, prose.toString(), List.copyOf(code), Set.copyOf(anchors));
    }

    /** Inline code may run over a line break inside a paragraph, never beyond it. */
    private static void flush(StringBuilder paragraph, StringBuilder prose, List<String> code) {
        Matcher inline = INLINE_CODE.matcher(paragraph);
        StringBuilder rest = new StringBuilder();
        while (inline.find()) {
            code.add(inline.group(2).replace('\n', ' ').trim());
            inline.appendReplacement(rest, " ");
        }
        inline.appendTail(rest);
        prose.append(rest);
        paragraph.setLength(0);
    }

    /** GitHub's heading anchor: lower case, punctuation dropped (hyphens and underscores kept), spaces to hyphens. */
    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").replace("`", "");
        return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }
}
