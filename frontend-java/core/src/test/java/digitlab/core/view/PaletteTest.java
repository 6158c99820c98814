package digitlab.core.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(Palette.TEXT, Palette.textOn(0x2f6fb8));
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
