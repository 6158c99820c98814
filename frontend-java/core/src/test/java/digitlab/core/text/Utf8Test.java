package digitlab.core.text;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class Utf8Test {
    @Test
    void encodesAndDecodesLikeTheJdk() {
        for (String text : new String[] {"", "784,64,10", "é", "λ = 0.5", "€", "digits 😀 here", "\uD800x"}) {
            byte[] bytes = Utf8.encode(text);
            assertArrayEquals(text.getBytes(UTF_8), bytes, text);
            assertEquals(new String(bytes, UTF_8), Utf8.decode(bytes, bytes.length), text);
        }
    }

    @Test
    void refusesWhatIsNotUtf8() {
        for (byte[] bad : new byte[][] {
            {(byte) 0xC3},
            {(byte) 0xFF},
            {(byte) 0xC0, (byte) 0x80},
            {(byte) 0xE2, (byte) 0x28, (byte) 0xA1},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
        }) {
            assertThrows(IllegalArgumentException.class, () -> Utf8.decode(bad, bad.length));
        }
    }
}
