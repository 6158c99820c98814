package digitlab.core.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryStringTest {
    @Test
    void parseDecodesAndKeepsTheOrder() {
        Map<String, String> pairs = QueryString.parse("?layers=784%2C64%2C10&note=two+words&&x=%C3%A9");
        assertEquals("{layers=784,64,10, note=two words, x=é}", pairs.toString());
    }

    @Test
    void parseRefusesWhatIsAmbiguous() {
        assertEquals(
                "'lr' has no value (expected key=value)",
                assertThrows(IllegalArgumentException.class, () -> QueryString.parse("lr"))
                        .getMessage());
        assertEquals(
                "'a' is given twice",
                assertThrows(IllegalArgumentException.class, () -> QueryString.parse("a=1&a=2"))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> QueryString.parse("a=%zz"));
        assertThrows(IllegalArgumentException.class, () -> QueryString.parse("a=%2"));
    }

    @Test
    void leniencyKeepsWhatAnOldAddressMeant() {
        Map<String, String> pairs = QueryString.parseLeniently("#debug&=x&a=1&a=2&b=%zz");
        assertEquals("{a=2, b=%zz}", pairs.toString());
    }

    @Test
    void formatEscapesOnlyWhatItMustAndRoundTrips() {
        Map<String, String> pairs = new LinkedHashMap<>();
        pairs.put("layers", "784,64,10");
        pairs.put("lr", "0.001");
        pairs.put("note", "Lesson 2: a & b = é?");
        String text = QueryString.format(pairs);
        assertEquals("layers=784,64,10&lr=0.001&note=Lesson%202%3A%20a%20%26%20b%20%3D%20%C3%A9%3F", text);
        assertEquals(pairs, QueryString.parse(text));
    }
}
