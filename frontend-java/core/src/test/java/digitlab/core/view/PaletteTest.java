package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        assertEquals(0xffffff, Palette.textOn(0x2f6fb8), "neither theme text reaches 4.5:1 on this mid blue");
    }

    @Test
    void textOnEveryColourOfTheColormapReachesWcagAa() {
        for (int i = 0; i < DivergingColormap.STEPS; i++) {
            int fill = DivergingColormap.rgb(DivergingColormap.valueOf(i));
            double contrast = Palette.contrast(fill, Palette.textOn(fill));
            assertTrue(contrast >= Palette.MIN_TEXT_CONTRAST, Palette.css(fill) + ": " + contrast);
        }
    }

    @Test
    void contrastIsTheWcagRatio() {
        assertEquals(21, Palette.contrast(0x000000, 0xffffff), 1e-9);
        assertEquals(1, Palette.contrast(0x777777, 0x777777), 1e-9);
        assertEquals(Palette.contrast(0xffb454, 0x0b0d12), Palette.contrast(0x0b0d12, 0xffb454), 1e-12);
    }

    @Test
    void theColoursPaintedInJavaAreTheStylesheets() throws IOException {
        String css = Files.readString(Path.of("../../web/css/app.css"));
        assertEquals(Palette.css(Palette.ACCENT), cssVariable(css, "--accent"));
        assertEquals(Palette.css(Palette.LINE_2), cssVariable(css, "--line-2"));
        assertEquals(Palette.css(Palette.TEXT), cssVariable(css, "--text"));
    }

    private static String cssVariable(String css, String name) {
        int at = css.indexOf(name + ":");
        return css.substring(at + name.length() + 1, css.indexOf(';', at)).trim();
    }
}
