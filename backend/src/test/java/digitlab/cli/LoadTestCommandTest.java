package digitlab.cli;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** loadtest only ever talks to this machine; the load test itself is run by backend/loadtest.sh, not by JUnit. */
class LoadTestCommandTest {
    private final Console console = new Console();

    @Test
    void onlyLoopbackUrlsAreAccepted() {
        console.assertUsageError("must be a loopback address", Map.of(), "loadtest", "--url", "http://example.com:80");
        console.assertUsageError("must be a loopback address", Map.of(), "loadtest", "--url", "http://10.0.0.1:8080");
        console.assertUsageError("--seconds", Map.of(), "loadtest", "--seconds", "1000");
    }
}
