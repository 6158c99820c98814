package digitlab.core.share;

import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code for a text (the share link), as a square of dark and light modules with its quiet zone, made
 * by Nayuki's QR Code generator (io.nayuki:qrcodegen, pure Java, which TeaVM compiles for both builds).
 * Error correction is at least medium (15% of the code may be smudged or covered), raised where the
 * version does not grow for it.
 */
public final class QrMatrix {
    /** Light modules around the code, as the standard asks (ISO/IEC 18004: 4). */
    public static final int QUIET_ZONE = 4;

    /** Dark modules' colour (black) and light ones' (white): scanners expect dark on light. */
    public static final int DARK = 0x000000;

    public static final int LIGHT = 0xffffff;

    private final int version;
    private final int size;
    /** Row-major, {@link #side()} squared, quiet zone included. */
    private final boolean[] dark;

    private QrMatrix(QrCode code) {
        version = code.version;
        size = code.size;
        int side = side();
        dark = new boolean[side * side];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                dark[(y + QUIET_ZONE) * side + x + QUIET_ZONE] = code.getModule(x, y);
            }
        }
    }

    /**
     * The QR code of {@code text} (UTF-8).
     *
     * @throws IllegalArgumentException when the text is too long for any QR code
     */
    public static QrMatrix encode(String text) {
        try {
            return new QrMatrix(QrCode.encodeText(text, QrCode.Ecc.MEDIUM));
        } catch (DataTooLongException e) {
            throw new IllegalArgumentException("too long for a QR code (" + text.length() + " characters)");
        }
    }

    /** The QR version, 1 to 40: the code has {@code 17 + 4 * version} modules a side. */
    public int version() {
        return version;
    }

    /** Modules a side, without the quiet zone. */
    public int size() {
        return size;
    }

    /** Modules a side with the quiet zone on every edge. */
    public int side() {
        return size + 2 * QUIET_ZONE;
    }

    /** Whether the module at column {@code x}, row {@code y} (0 to side() - 1, quiet zone included) is dark. */
    public boolean dark(int x, int y) {
        return dark[y * side() + x];
    }

    /** The code as an RGBA picture, each module {@code scale x scale} pixels: {@code side() * scale} a side. */
    public byte[] rgba(int scale) {
        int side = side();
        int pixels = side * scale;
        byte[] rgba = new byte[pixels * pixels * 4];
        for (int y = 0; y < pixels; y++) {
            for (int x = 0; x < pixels; x++) {
                int colour = dark[(y / scale) * side + x / scale] ? DARK : LIGHT;
                int at = (y * pixels + x) * 4;
                rgba[at] = (byte) (colour >> 16);
                rgba[at + 1] = (byte) (colour >> 8);
                rgba[at + 2] = (byte) colour;
                rgba[at + 3] = (byte) 255;
            }
        }
        return rgba;
    }
}
