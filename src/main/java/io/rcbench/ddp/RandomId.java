package io.rcbench.ddp;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/** Meteor's {@code Random.id()}: 17 characters from the unambiguous alphabet web clients use. */
public final class RandomId {
    private static final char[] ALPHABET = "23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom SECURE = new SecureRandom();

    private RandomId() {
    }

    /** A 17-character id; fast, not for secrets. */
    public static String id() {
        return id(17);
    }

    public static String id(int length) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[r.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** A secret token (auth tokens, webhook tokens) from a cryptographic source. */
    public static String secret(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = ALPHABET[SECURE.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }
}
