package digitlab.core.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void splitKeepsEmptyPartsLikeSplitWithNegativeLimit() {
        for (String s : new String[] {"a,b,c", "a,,b", ",a,", "", ",", "abc"}) {
            assertArrayEquals(s.split(",", -1), Text.split(s, ','), s);
        }
        assertArrayEquals(new String[] {"layers=784", "opt=sgd"}, Text.split("layers=784&opt=sgd", '&'));
    }

    @Test
    void isDigitsChecksCharactersAndLength() {
        assertTrue(Text.isDigits("0", 6));
        assertTrue(Text.isDigits("123456", 6));
        assertFalse(Text.isDigits("1234567", 6));
        assertFalse(Text.isDigits("", 6));
        assertFalse(Text.isDigits("12a", 6));
        assertFalse(Text.isDigits("-1", 6));
        assertFalse(Text.isDigits("١٢", 6), "only ASCII digits");
    }
}
