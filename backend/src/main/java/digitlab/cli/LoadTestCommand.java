package digitlab.cli;

import digitlab.loadtest.LoadTest;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;

/** {@code loadtest}: the bounded loopback load test of a running server (see {@link LoadTest}). */
final class LoadTestCommand implements Command {
    @Override
    public String name() {
        return "loadtest";
    }

    @Override
    public String summary() {
        return "load-test a running server over loopback and print the figures";
    }

    @Override
    public String help() {
        return """
                  --url URL        the server, on this machine (default: http://127.0.0.1:8080)
                  --pid PID        the server's process id, to report its largest resident memory (Linux)
                  --seconds N      length of each of the three phases (default: 10)
                  --clients N      concurrent clients fetching the model, then the shards (default: 200)
                  --slow N         connections that never read the model (2/3) or trickle an upload (1/3) (default: 300)
                  --addresses N    loopback addresses 127.0.0.2.. the clients are spread over (default: 50)
                  --model-mb N     size of the model uploaded and fetched (default: 11)
                  -h, --help       show this help
                Run it through backend/loadtest.sh, which starts a server on a fresh data folder.
                """;
    }

    @Override
    public Args.Spec accepts() {
        return Args.Spec.options("url", "pid", "seconds", "clients", "slow", "addresses", "model-mb");
    }

    @Override
    public int run(Args a, Map<String, String> env, PrintStream out, PrintStream err) throws IOException {
        URI url = URI.create(a.get("url", "http://127.0.0.1:8080"));
        String host = url.getHost();
        if (host == null || !(host.startsWith("127.") || host.equals("localhost"))) {
            throw new UsageException("--url must be a loopback address (127.x.x.x or localhost), got '" + url + "'");
        }
        LoadTest.Options o = LoadTest.parse(
                url,
                Args.number(a.get("pid", "0"), 0, Long.MAX_VALUE, "--pid"),
                (int) Args.number(a.get("seconds", "10"), 1, 120, "--seconds"),
                (int) Args.number(a.get("clients", "200"), 1, 2000, "--clients"),
                (int) Args.number(a.get("slow", "300"), 0, 5000, "--slow"),
                (int) Args.number(a.get("addresses", "50"), 1, 250, "--addresses"),
                (int) Args.number(a.get("model-mb", "11"), 1, 64, "--model-mb"));
        try {
            new LoadTest(o, out).run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
        return 0;
    }
}
