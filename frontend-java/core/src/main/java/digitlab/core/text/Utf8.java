package digitlab.core.text;

/**
 * UTF-8 by hand, for percent-encoding: in TeaVM, {@code String.getBytes(UTF_8)} and
 * {@code new String(bytes, UTF_8)} pull in the whole charset machinery (kilobytes in every download).
 */
public final class Utf8 {
    private Utf8() {}

    /** The UTF-8 bytes of {@code text}; an unpaired surrogate becomes '?', as in {@code String.getBytes}. */
    public static byte[] encode(String text) {
        byte[] out = new byte[text.length() * 3];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            int c = text.charAt(i);
            if (Character.isHighSurrogate((char) c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                c = Character.toCodePoint((char) c, text.charAt(++i));
            } else if (Character.isSurrogate((char) c)) {
                c = '?';
            }
            if (c < 0x80) {
                out[n++] = (byte) c;
            } else if (c < 0x800) {
                out[n++] = (byte) (0xC0 | c >> 6);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else if (c < 0x10000) {
                out[n++] = (byte) (0xE0 | c >> 12);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[n++] = (byte) (0xF0 | c >> 18);
                out[n++] = (byte) (0x80 | c >> 12 & 0x3F);
                out[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        byte[] exact = new byte[n];
        System.arraycopy(out, 0, exact, 0, n);
        return exact;
    }

    /**
     * The text of {@code bytes[0..length)}.
     *
     * @throws IllegalArgumentException if they are not well-formed UTF-8
     */
    public static String decode(byte[] bytes, int length) {
        StringBuilder sb = new StringBuilder(length);
        int i = 0;
        while (i < length) {
            int b = bytes[i] & 0xFF;
            int extra = b < 0x80 ? 0 : b >= 0xF0 && b < 0xF5 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 ? 1 : -1;
            int c = extra == 0 ? b : extra == 1 ? b & 0x1F : extra == 2 ? b & 0x0F : b & 0x07;
            if (extra < 0 || i + extra >= length) {
                throw new IllegalArgumentException("not UTF-8");
            }
            for (int k = 1; k <= extra; k++) {
                int next = bytes[i + k] & 0xFF;
                if ((next & 0xC0) != 0x80) {
                    throw new IllegalArgumentException("not UTF-8");
                }
                c = c << 6 | next & 0x3F;
            }
            if ((extra == 2 && (c < 0x800 || Character.isSurrogate((char) c)))
                    || (extra == 3 && (c < 0x10000 || c > 0x10FFFF))) {
                throw new IllegalArgumentException("not UTF-8");
            }
            sb.appendCodePoint(c);
            i += extra + 1;
        }
        return sb.toString();
    }
}
