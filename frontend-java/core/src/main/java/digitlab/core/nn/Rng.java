package digitlab.core.nn;

/**
 * The one source of randomness for training (initial weights, shuffling): xoshiro128** seeded by
 * SplitMix32.
 *
 * <p>Written here rather than using {@code java.util.Random} because TeaVM's Random diverges from the
 * JVM's, and because this generator uses only 32-bit int arithmetic ({@code long} is slow in TeaVM's
 * JavaScript output). Integer arithmetic is exact everywhere, so the same seed gives the same
 * sequence, bit for bit, on the JVM, in JavaScript and in WebAssembly.
 */
public final class Rng {
    private int s0;
    private int s1;
    private int s2;
    private int s3;

    /** A generator whose whole sequence is determined by {@code seed}. */
    public Rng(int seed) {
        // SplitMix32 spreads any seed (even 0) over the 128-bit state, which must not be all zero.
        int x = seed;
        x += 0x9E3779B9;
        s0 = mix(x);
        x += 0x9E3779B9;
        s1 = mix(x);
        x += 0x9E3779B9;
        s2 = mix(x);
        x += 0x9E3779B9;
        s3 = mix(x);
        if ((s0 | s1 | s2 | s3) == 0) {
            s0 = 1;
        }
    }

    private static int mix(int z) {
        z = (z ^ (z >>> 16)) * 0x85EBCA6B;
        z = (z ^ (z >>> 13)) * 0xC2B2AE35;
        return z ^ (z >>> 16);
    }

    /** The next 32 random bits. */
    public int nextInt() {
        int result = Integer.rotateLeft(s1 * 5, 7) * 9;
        int t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Integer.rotateLeft(s3, 11);
        return result;
    }

    /** Uniform in {@code [0, bound)}, without modulo bias. */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        // Rejection sampling on 31 bits: draws that fall in the incomplete last block are redrawn.
        int limit = Integer.MAX_VALUE - (Integer.MAX_VALUE % bound + 1) % bound;
        int r;
        do {
            r = nextInt() >>> 1;
        } while (r > limit);
        return r % bound;
    }

    /** Uniform in {@code [0, 1)} with 24 random bits: exactly representable as a float. */
    public float nextFloat() {
        return (nextInt() >>> 8) * 0x1.0p-24f;
    }

    /**
     * Approximately standard normal: the sum of 12 uniforms minus 6 (Irwin-Hall), whose mean is 0 and
     * variance exactly 1. Chosen over Box-Muller because it needs only additions, so the result is
     * the same bits on every engine ({@code Math.log}/{@code cos} may differ in the last bit between
     * the JVM and browsers). Its tails stop at +-6, harmless for initial weights.
     */
    public double nextGaussian() {
        double sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += nextFloat();
        }
        return sum - 6.0;
    }

    /** Puts {@code values[from..from+count)} in a uniformly random order (Fisher-Yates). */
    public void shuffle(int[] values, int from, int count) {
        for (int i = count - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int t = values[from + i];
            values[from + i] = values[from + j];
            values[from + j] = t;
        }
    }
}
