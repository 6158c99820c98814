package digitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dispatch, help and command line errors, the same for every command. */
class MainTest {
    @TempDir
    Path tmp;

    private final Console console = new Console();

    @Test
    void wrongCommandLinesAreUsageErrors() {
        String[][] cases = {
            {"--port must be a port number 0-65535, got 'eighty'", "serve", "--port", "eighty"},
            {"--port must be a port number 0-65535, got '70000'", "--port=70000"},
            {"got '-1'", "--port", "-1"},
            {"unknown option --prot", "serve", "--prot", "80"},
            {"--data needs a value", "serve", "--data"},
            {"--data needs a value", "serve", "--data", "--port", "1"},
            {"unexpected argument 'extra'", "serve", "extra"},
            {"given twice", "serve", "--port", "1", "--port", "2"},
            {"unknown command 'srve'", "srve"},
            {"unknown option --port", "prepare-data", "--port", "1"},
            {"unknown option --no-such-option", "train", "--no-such-option", "1"},
        };
        for (String[] c : cases) {
            console.assertUsageError(c[0], Map.of(), Arrays.copyOfRange(c, 1, c.length));
        }
    }

    @Test
    void helpOnEveryCommand() {
        assertEquals(0, console.run(Map.of(), "--help"));
        assertTrue(console.out().contains("prepare-data") && console.out().contains("--port N"), console.out());
        assertEquals(0, console.run(Map.of(), "serve", "--help"));
        assertEquals(0, console.run(Map.of(), "prepare-data", "-h"));
        assertTrue(console.out().contains("--mnist DIR"), console.out());
        assertEquals(0, console.run(Map.of(), "help"));
        assertEquals("", console.err());
    }

    @Test
    void trainAndBenchAreDispatchedToTheirCommands() {
        assertEquals(0, console.run(Map.of(), "train", "--help"));
        assertEquals(1, console.run(Map.of(), "train", "--mnist", "/nonexistent/mnist", "--epochs", "1"));
        assertEquals(0, console.run(Map.of(), "bench", "--help"));
    }

    @Test
    void everyCommandTakesBothHelpOptions() {
        for (Command command : Main.COMMANDS) {
            String name = command.name();
            console.reset();
            assertEquals(0, console.run(Map.of(), name, "-h"), name);
            String help = console.out();
            assertEquals(Main.usage(command), help);
            assertTrue(help.startsWith("Usage: java -jar digit-lab.jar " + name + " [OPTIONS]\n\n"), help);
            assertTrue(help.contains("  -h, --help "), help);
            assertTrue(help.endsWith("\n") && !help.endsWith("\n\n"), name + " help ends in one newline");
            console.reset();
            assertEquals(0, console.run(Map.of(), name, "--help"), name);
            assertEquals(help, console.out());
            assertEquals("", console.err());
        }
    }

    @Test
    void helpComesAfterTheOptionsAreReadButBeforeTheyAreChecked() {
        assertEquals(0, console.run(Map.of(), "train", "--lr", "0.1", "--batch", "-4", "-h"));
        assertTrue(console.out().startsWith("Usage: java -jar digit-lab.jar train"), console.out());
        assertEquals(0, console.run(Map.of(), "bench", "--repeats", "0", "--help"));
        assertEquals(2, console.run(Map.of(), "train", "--help", "--lr"));
        assertTrue(console.err().contains("option --lr needs a value"), console.err());
    }

    @Test
    void helpWithoutACommandListsTheCommandsThenTheServeOptions() {
        Command serve = Main.COMMANDS.get(0);
        assertEquals("serve", serve.name());
        assertEquals(0, console.run(Map.of(), "-h"));
        assertEquals(Main.usage() + "\n" + Main.usage(serve), console.out());
        console.reset();
        assertEquals(0, console.run(Map.of(), "--port", "1", "--help"));
        assertEquals(Main.usage() + "\n" + Main.usage(serve), console.out());
        console.reset();
        assertEquals(0, console.run(Map.of(), "help"));
        assertEquals(Main.usage(), console.out());
        for (Command command : Main.COMMANDS) {
            assertTrue(
                    console.out()
                            .contains("  " + command.name()
                                    + " ".repeat(15 - command.name().length()) + command.summary() + "\n"),
                    command.name());
        }
    }

    @Test
    void everyCommandReportsAWrongCommandLineTheSameWay() {
        for (Command command : Main.COMMANDS) {
            String name = command.name();
            String hint = "Run 'java -jar digit-lab.jar " + name + " --help' for usage.\n";
            String[][] cases = {
                {"unknown option --no-such-option", "--no-such-option", "1"},
                {"unexpected argument 'stray' (options start with --)", "stray"},
                {"unexpected argument '-x' (options start with --)", "-x"},
                {"option --help takes no value", "--help=yes"},
            };
            for (String[] c : cases) {
                console.reset();
                String[] args = new String[c.length];
                args[0] = name;
                System.arraycopy(c, 1, args, 1, c.length - 1);
                assertEquals(2, console.run(Map.of(), args), String.join(" ", args));
                assertEquals("digit-lab: " + c[0] + "\n" + hint, console.err(), String.join(" ", args));
                assertEquals("", console.out());
            }
        }
    }

    @Test
    void theDefaultCommandAndAnUnknownOnePointAtTheJarsHelp() {
        assertEquals(2, console.run(Map.of(), "--port", "eighty"));
        assertTrue(console.err().endsWith("\nRun 'java -jar digit-lab.jar --help' for usage.\n"), console.err());
        console.reset();
        assertEquals(2, console.run(Map.of(), "srve", "--help"));
        assertEquals(
                "digit-lab: unknown command 'srve'\nRun 'java -jar digit-lab.jar --help' for usage.\n", console.err());
    }

    @Test
    void eachCommandGetsItsOwnOptions() {
        String missing = tmp.resolve("no-mnist").toString();
        assertEquals(1, console.run(Map.of(), "train", "--mnist", missing, "--activation", "tanh", "--workers", "2"));
        assertTrue(console.err().startsWith("digit-lab: MNIST file "), console.err());
        assertTrue(console.err().contains("not found: run `npm ci` in web/"), console.err());
        assertFalse(console.err().contains("--help"), "a missing file is no usage error: " + console.err());
        console.reset();
        assertEquals(1, console.run(Map.of(), "bench", "--mnist", missing, "--repeats", "1", "--dense-examples", "9"));
        assertTrue(console.err().startsWith("digit-lab: MNIST file "), console.err());
        console.reset();
        assertEquals(2, console.run(Map.of(), "bench", "--workers", "2"));
        assertTrue(console.err().contains("unknown option --workers"), console.err());
        console.reset();
        assertEquals(2, console.run(Map.of(), "train", "--trust-proxy"));
        assertTrue(console.err().contains("unknown option --trust-proxy"), console.err());
    }

    @Test
    void badNumbersNameTheOption() {
        assertEquals(2, console.run(Map.of(), "train", "--workers", "0"));
        assertTrue(console.err().contains("--workers must be a whole number >= 1, got '0'"), console.err());
        console.reset();
        assertEquals(2, console.run(Map.of(), "bench", "--repeats", "many"));
        assertTrue(console.err().contains("--repeats must be a whole number >= 1, got 'many'"), console.err());
        console.reset();
        assertEquals(2, console.run(Map.of(), "train", "--batch", "-4"));
        assertTrue(console.err().startsWith("digit-lab: bad option value: "), console.err());
        assertTrue(console.err().contains("batch"), console.err());
    }
}
