package io.rcbench.ddp.codec;

/**
 * Canonical Strings for short tokens that repeat across frames (msg names, collections, event names such as room
 * ids), so decoding them does not allocate once seen. Direct-mapped and lossy: a collision simply replaces the entry.
 * Not thread-safe: one instance per thread.
 */
final class TokenCache {
    private static final int MAX_LENGTH = 64;
    private final String[] table;
    private final int mask;

    TokenCache(int sizePowerOfTwo) {
        if (Integer.bitCount(sizePowerOfTwo) != 1) {
            throw new IllegalArgumentException("size must be a power of two");
        }
        table = new String[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    String get(char[] chars, int offset, int length) {
        if (length > MAX_LENGTH) {
            return new String(chars, offset, length);
        }
        int h = 0;
        for (int i = 0; i < length; i++) {
            h = 31 * h + chars[offset + i];
        }
        int slot = (h ^ (h >>> 16)) & mask;
        String s = table[slot];
        if (s != null && s.length() == length && same(s, chars, offset, length)) {
            return s;
        }
        s = new String(chars, offset, length);
        table[slot] = s;
        return s;
    }

    private static boolean same(String s, char[] chars, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
