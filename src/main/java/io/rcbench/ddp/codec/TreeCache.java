package io.rcbench.ddp.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.rcbench.ddp.Json;

/**
 * The trees of stream event args parsed lately on this thread, by their exact JSON text. A message fans out to every
 * member of its room with the same args (the message, or the room with it as {@code lastMessage}), and many members
 * share an injector thread: the first receipt parses, the others find the tree. Each receipt still reads and decodes
 * its own frame and runs its own listeners; only building an identical tree is shared. Trees are handed out shared,
 * so listeners must not change them (none does: received documents are read-only by the {@link RawJson} contract).
 *
 * <p>Direct-mapped and lossy: a collision replaces the entry, and a hit needs the whole text to match. Args longer
 * than {@link #MAX_CHARS} are parsed every time, so a thread never pins large trees. Not thread-safe: one per thread.
 */
final class TreeCache {
    static final int MAX_CHARS = 16 * 1024;
    private final String[] texts;
    private final JsonNode[] trees;
    private final int mask;

    TreeCache(int sizePowerOfTwo) {
        if (Integer.bitCount(sizePowerOfTwo) != 1) {
            throw new IllegalArgumentException("size must be a power of two");
        }
        texts = new String[sizePowerOfTwo];
        trees = new JsonNode[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    /** The tree of {@code source[start, end)}, which must be one whole JSON value. */
    JsonNode tree(String source, int start, int end) {
        int length = end - start;
        if (length > MAX_CHARS) {
            return Json.parse(source.substring(start, end));
        }
        int h = length;
        for (int i = start; i < end; i++) {
            h = 31 * h + source.charAt(i);
        }
        int slot = (h ^ (h >>> 16)) & mask;
        String cached = texts[slot];
        if (cached != null && cached.length() == length && cached.regionMatches(0, source, start, length)) {
            return trees[slot];
        }
        String text = source.substring(start, end);
        JsonNode tree = Json.parse(text);
        texts[slot] = text;
        trees[slot] = tree;
        return tree;
    }
}
