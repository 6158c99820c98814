package digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The one command line parser, shared by every command. */
class ArgsTest {
    private static final Args.Spec SPEC =
            Args.Spec.options("lr", "data").withFlags("quiet").withAliases(Map.of("rate", "lr"));

    private static Args parse(String... args) {
        return Args.parse(args, SPEC);
    }

    @Test
    void valuesFlagsAndAliases() {
        Args a = parse("--rate", "-0.5", "--data=a=b", "--quiet");
        assertEquals("-0.5", a.get("lr", null), "a value may start with one dash");
        assertEquals("a=b", a.get("data", null), "the first = splits");
        assertTrue(a.has("quiet"));
        assertFalse(a.has("rate"), "kept under the option's own name");
        assertFalse(a.help());
        assertEquals(Map.of("lr", "-0.5"), a.only(Set.of("lr", "epochs")));
        assertEquals("x", parse().get("lr", "x"));
    }

    @Test
    void dashHAndDashDashHelpAnywhere() {
        assertTrue(parse("-h").help());
        assertTrue(parse("--lr", "1", "--help").help());
        assertTrue(parse("--help", "--data", "d").help());
        assertEquals("d", parse("--help", "--data", "d").get("data", null));
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertBad("unknown option --colour", "--colour", "red");
        assertBad("option --lr needs a value", "--lr");
        assertBad("option --lr needs a value", "--lr", "--data", "d");
        assertBad("unexpected argument 'stray' (options start with --)", "stray");
        assertBad("unexpected argument '--' (options start with --)", "--");
        assertBad("unexpected argument '-q' (options start with --)", "-q");
        assertBad("option --lr is given twice", "--lr", "1", "--lr", "2");
        assertBad("option --rate is given twice", "--lr", "1", "--rate", "2");
        assertBad("option --quiet is given twice", "--quiet", "--quiet");
        assertBad("option --quiet takes no value", "--quiet=yes");
        assertBad("option --help takes no value", "--help=yes");
    }

    @Test
    void numbers() {
        assertEquals(3, parse("--lr", " 3 ").positiveInt("lr", 7));
        assertEquals(7, parse().positiveInt("lr", 7));
        UsageException e =
                assertThrows(UsageException.class, () -> parse("--lr", "0").positiveInt("lr", 7));
        assertEquals("--lr must be a whole number >= 1, got '0'", e.getMessage());
        assertEquals(65535, Args.port("65535", "--port"));
        e = assertThrows(UsageException.class, () -> Args.port("65536", "--port"));
        assertEquals("--port must be a port number 0-65535, got '65536'", e.getMessage());
        e = assertThrows(UsageException.class, () -> Args.number("1.5", 1, 10, "the X variable"));
        assertEquals("the X variable must be a whole number 1-10, got '1.5'", e.getMessage());
    }

    private static void assertBad(String message, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> parse(args));
        assertEquals(message, e.getMessage());
    }
}
