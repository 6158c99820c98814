package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PaletteTest {
    @Test
    void cssColoursAreSixHexDigits() {
        assertEquals("#ffb454", Palette.css(0xffb454));
        assertEquals("#000000", Palette.css(0));
        assertEquals("#0a0b0c", Palette.css(0x0a0b0c));
    }

    @Test
    void luminanceRunsFromBlackToWhite() {
        assertEquals(0, Palette.luminance(0), 1e-12);
        assertEquals(1, Palette.luminance(0xffffff), 1e-12);
    }

    @Test
    void textContrastsWithItsFill() {
        assertEquals(Palette.DARK_TEXT, Palette.textOn(0xffb454));
        assertEquals(Palette.DARK_TEXT, Palette.textOn(0xffffff));
        assertEquals(Palette.TEXT, Palette.textOn(DivergingColormap.ZERO));
        assertEquals(Palette.TEXT, Palette.textOn(0x2f6fb8));
    }
}
