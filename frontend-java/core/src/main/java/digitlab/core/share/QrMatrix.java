package digitlab.core.share;

import digitlab.core.text.Text;
import io.nayuki.qrcodegen.DataTooLongException;
import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code for a text (the share link), as a square of dark and light modules with its quiet zone, made
 * by Nayuki's QR Code generator (io.nayuki:qrcodegen, pure Java, which TeaVM compiles for both builds).
 * Error correction is at least medium (15% of the code may be smudged or covered), raised where the
 * version does not grow for it. qrcodegen compiles regular expressions, which would bring TeaVM's regex
 * engine into the page (its download doubled): so the page gets codes from a module of their own, loaded at
 * the first Share, as {@link #toText} text.
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

    private QrMatrix(int version, int size, boolean[] dark) {
        this.version = version;
        this.size = size;
        this.dark = dark;
    }

    /**
     * The QR code of {@code text} (UTF-8).
     *
     * @throws IllegalArgumentException when the text is too long for any QR code
     */
    public static QrMatrix encode(String text) {
        QrCode code;
        try {
            code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        } catch (DataTooLongException e) {
            throw new IllegalArgumentException("too long for a QR code (" + text.length() + " characters)");
        }
        int side = code.size + 2 * QUIET_ZONE;
        boolean[] dark = new boolean[side * side];
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                dark[(y + QUIET_ZONE) * side + x + QUIET_ZONE] = code.getModule(x, y);
            }
        }
        return new QrMatrix(code.version, code.size, dark);
    }

    /**
     * The code as text, {@code version:size:} then a '1' (dark) or '0' per module of the code, row by row: how
     * the QR module hands it to the page (see {@link #fromText}).
     */
    public String toText() {
        StringBuilder sb =
                new StringBuilder().append(version).append(':').append(size).append(':');
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                sb.append(dark(x + QUIET_ZONE, y + QUIET_ZONE) ? '1' : '0');
            }
        }
        return sb.toString();
    }

    /**
     * The code {@link #toText} wrote.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static QrMatrix fromText(String text) {
        String[] parts = Text.split(text, ':');
        if (parts.length != 3 || !Text.isDigits(parts[0], 2) || !Text.isDigits(parts[1], 3)) {
            throw new IllegalArgumentException(
                    "not a QR code: '" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'");
        }
        int version = Integer.parseInt(parts[0]);
        int size = Integer.parseInt(parts[1]);
        if (version < 1 || version > 40 || size != 17 + 4 * version || parts[2].length() != size * size) {
            throw new IllegalArgumentException("not a QR code of version " + version + " and size " + size);
        }
        int side = size + 2 * QUIET_ZONE;
        boolean[] dark = new boolean[side * side];
        for (int i = 0; i < size * size; i++) {
            char c = parts[2].charAt(i);
            if (c != '0' && c != '1') {
                throw new IllegalArgumentException("a QR module is '" + c + "', not 0 or 1");
            }
            dark[(i / size + QUIET_ZONE) * side + i % size + QUIET_ZONE] = c == '1';
        }
        return new QrMatrix(version, size, dark);
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
