package dev.redlock.core.internal;

import java.security.SecureRandom;
import java.util.SplittableRandom;

/**
 * Random owner tokens: 128 bits as 32 lower-case hex digits. The generators are seeded once from
 * {@link SecureRandom} and then split per thread, so a token costs two {@code nextLong} calls and no lock.
 */
final class Tokens {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final SplittableRandom ROOT = new SplittableRandom(new SecureRandom().nextLong());
    private static final ThreadLocal<SplittableRandom> LOCAL = ThreadLocal.withInitial(Tokens::split);

    private Tokens() {
    }

    private static synchronized SplittableRandom split() {
        return ROOT.split();
    }

    /** A new random 128-bit token. */
    static String next() {
        SplittableRandom r = LOCAL.get();
        char[] c = new char[32];
        hex(r.nextLong(), c, 0);
        hex(r.nextLong(), c, 16);
        return new String(c);
    }

    private static void hex(long v, char[] c, int at) {
        for (int i = 15; i >= 0; i--) {
            c[at + i] = HEX[(int) (v & 0xf)];
            v >>>= 4;
        }
    }

    /** A new random 64-bit id as 16 lower-case hex digits: for lock ids, which, unlike tokens, are shown. */
    static String id() {
        char[] c = new char[16];
        hex(LOCAL.get().nextLong(), c, 0);
        return new String(c);
    }

    /** A random number in {@code [0, bound]}; 0 if {@code bound <= 0}. */
    static long jitter(long bound) {
        return bound <= 0 ? 0 : LOCAL.get().nextLong(bound + 1);
    }

    /** Whether {@code s} looks like a token (32 lower-case hex digits). */
    static boolean isToken(String s) {
        if (s.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'a' && ch <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
