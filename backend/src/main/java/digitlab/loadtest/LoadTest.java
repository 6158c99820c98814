package digitlab.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bounded load test of a running server, over loopback only, in three phases: many clients fetching one big
 * model ({@link FetchPhase}), many connections that ask for it and never read or trickle an upload while
 * {@code /healthz} and the manifest are timed ({@link SlowClientsPhase}), and many clients fetching shards
 * ({@link FetchPhase} again). Clients are spread over the loopback addresses 127.0.0.2.. so that a per-address cap
 * applies as it would to that many real clients (see {@link LoopbackClient}).
 */
public final class LoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param host      server address (loopback)
     * @param port      server port
     * @param pid       the server's process id for its resident memory, or 0 to skip it
     * @param seconds   length of each phase
     * @param clients   concurrent clients in the model and shard phases
     * @param slow      never-reading connections in the slow phase
     * @param addresses loopback addresses the clients are spread over
     * @param modelMb   size of the model fetched, in MB (a dense 784-h-10 network)
     */
    public record Options(
            String host, int port, long pid, int seconds, int clients, int slow, int addresses, int modelMb) {}

    private final Options o;
    private final PrintStream out;
    private final LoopbackClient client;

    public LoadTest(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
        this.client = new LoopbackClient(options.host(), options.port(), options.addresses());
    }

    /** Runs the three phases and prints one line of figures for each. */
    public void run() throws Exception {
        byte[] model = BigModel.bytes(o.modelMb());
        String id = JSON.readTree(client.upload(model)).get("id").asText();
        out.printf(Locale.ROOT, "model %s: %.1f MB%n", id, model.length / 1e6);
        FetchPhase fetch = new FetchPhase(client, o);
        out.println("models  " + fetch.run(List.of("/api/models/" + id), false).line());
        Thread.sleep(1000);
        SlowClientsPhase slow = new SlowClientsPhase(client, o);
        out.println("slow    " + slow.run("/api/models/" + id).line());
        Thread.sleep(2000);
        List<String> shards = new ArrayList<>();
        JsonNode manifest = JSON.readTree(client.get("/data/manifest.json"));
        for (String split : List.of("train", "test")) {
            manifest.get(split)
                    .forEach(e -> shards.add("/data/shards/" + e.get("file").asText()));
        }
        out.println("shards  " + fetch.run(shards, true).line());
    }

    /** For {@code --url http://host:port}. */
    public static Options parse(URI url, long pid, int seconds, int clients, int slow, int addresses, int modelMb) {
        return new Options(
                url.getHost(), url.getPort() < 0 ? 80 : url.getPort(), pid, seconds, clients, slow, addresses, modelMb);
    }
}
