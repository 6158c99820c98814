package digitlab.core.share;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QrMatrixTest {
    private static final String LINK = "https://digit-lab.example.org/?model=Ab3_-xYz0123456789ABCD";

    @Test
    void aShortLinkMakesASmallCodeThatAPhoneReadsFromAcrossARoom() {
        QrMatrix qr = QrMatrix.encode(LINK);
        // 59 bytes: version 4 at medium error correction (62 bytes), 33 modules a side.
        assertEquals(4, qr.version());
        assertEquals(17 + 4 * qr.version(), qr.size());
        assertEquals(qr.size() + 2 * QrMatrix.QUIET_ZONE, qr.side());
    }

    @Test
    void theQuietZoneIsLightAllRound() {
        QrMatrix qr = QrMatrix.encode(LINK);
        for (int i = 0; i < qr.side(); i++) {
            for (int band = 0; band < QrMatrix.QUIET_ZONE; band++) {
                int far = qr.side() - 1 - band;
                assertFalse(qr.dark(i, band) || qr.dark(i, far) || qr.dark(band, i) || qr.dark(far, i), "at " + i);
            }
        }
        assertTrue(qr.dark(QrMatrix.QUIET_ZONE, QrMatrix.QUIET_ZONE), "the code starts right after it");
    }

    @Test
    void threeCornersHoldTheFinderPatterns() {
        QrMatrix qr = QrMatrix.encode(LINK);
        int q = QrMatrix.QUIET_ZONE;
        int far = q + qr.size() - 7;
        for (int[] corner : new int[][] {{q, q}, {far, q}, {q, far}}) {
            for (int y = 0; y < 7; y++) {
                for (int x = 0; x < 7; x++) {
                    int ring = Math.max(Math.abs(x - 3), Math.abs(y - 3)); // 3 outer, 2 light, 0-1 the centre
                    assertEquals(ring != 2, qr.dark(corner[0] + x, corner[1] + y), "finder at " + corner[0]);
                }
            }
        }
        assertFalse(
                qr.dark(far + 3, far + 3)
                        && qr.dark(far + 2, far + 3)
                        && qr.dark(far + 4, far + 3)
                        && qr.dark(far + 3, far + 2)
                        && !qr.dark(far + 1, far + 3),
                "no finder bottom right");
    }

    @Test
    void aQrReaderReadsTheLinkBack() throws Exception {
        for (String text :
                new String[] {LINK, LINK + "&hide=layers,settings&note=Try%20%3Cb%3Etwo%3C%2Fb%3E%20%E2%9C%93"}) {
            assertEquals(text, decode(QrMatrix.encode(text), 4));
        }
    }

    @Test
    void thePictureIsBlackOnWhiteScaledByModule() {
        QrMatrix qr = QrMatrix.encode(LINK);
        int scale = 3;
        byte[] rgba = qr.rgba(scale);
        int pixels = qr.side() * scale;
        assertEquals(pixels * pixels * 4, rgba.length);
        assertEquals(-1, rgba[0]); // a quiet-zone pixel: white, opaque
        assertEquals(-1, rgba[3]);
        int corner = (QrMatrix.QUIET_ZONE * scale * pixels + QrMatrix.QUIET_ZONE * scale) * 4;
        assertEquals(0, rgba[corner]); // the finder's corner module: black
        assertEquals(0, rgba[corner + (scale - 1) * 4]);
    }

    @Test
    void aTextTooLongForAnyCodeIsRefusedWithItsLength() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> QrMatrix.encode("x".repeat(3000)));
        assertEquals("too long for a QR code (3000 characters)", e.getMessage());
    }

    private static String decode(QrMatrix qr, int scale) throws Exception {
        byte[] rgba = qr.rgba(scale);
        int pixels = qr.side() * scale;
        int[] argb = new int[pixels * pixels];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (rgba[4 * i] & 0xff) << 16 | (rgba[4 * i + 1] & 0xff) << 8 | rgba[4 * i + 2] & 0xff;
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(pixels, pixels, argb)));
        return new QRCodeReader()
                .decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8"))
                .getText();
    }

    @Test
    void theTextFormRoundTripsAndRefusesAnythingElse() {
        QrMatrix qr = QrMatrix.encode(LINK);
        String text = qr.toText();
        assertTrue(text.startsWith("4:33:"), text.substring(0, 10));
        assertEquals(5 + 33 * 33, text.length());
        QrMatrix back = QrMatrix.fromText(text);
        assertEquals(qr.version(), back.version());
        assertEquals(qr.side(), back.side());
        assertEquals(Arrays.toString(qr.rgba(1)), Arrays.toString(back.rgba(1)));
        for (String bad : new String[] {
            "",
            "4:33",
            "4:32:" + text.substring(5),
            "4:33:" + text.substring(6),
            "41:181:0",
            "4:33:" + text.substring(5).replace('1', '2'),
            "x:33:" + text.substring(5)
        }) {
            assertThrows(IllegalArgumentException.class, () -> QrMatrix.fromText(bad), bad);
        }
    }
}
