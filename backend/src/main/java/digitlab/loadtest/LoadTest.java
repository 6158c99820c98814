package digitlab.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import digitlab.core.model.Model;
import digitlab.core.model.TrainingMetadata;
import digitlab.core.nn.Activation;
import digitlab.core.nn.Architecture;
import digitlab.core.nn.Loss;
import digitlab.core.run.TrainingConfig;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bounded load test of a running server, over loopback only: many clients fetching one big model, many
 * connections that ask for it and never read or trickle an upload while {@code /healthz} and the manifest are
 * timed, and many clients
 * fetching shards. Clients are spread over the loopback addresses 127.0.0.2.. so that a per-address cap applies as
 * it would to that many real clients. Plain sockets and a minimal HTTP/1.1 reader keep the client cheap.
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

    public LoadTest(Options options, PrintStream out) {
        this.o = options;
        this.out = out;
    }

    /** Runs the three phases and prints one line of figures for each. */
    public void run() throws Exception {
        byte[] model = bigModel(o.modelMb());
        String id = upload(model);
        out.printf(Locale.ROOT, "model %s: %.1f MB%n", id, model.length / 1e6);
        Result models = fetchAll(List.of("/api/models/" + id), false);
        out.println("models  " + models.line());
        Thread.sleep(1000);
        Probe slow = slowClients("/api/models/" + id);
        out.println("slow    " + slow.line());
        Thread.sleep(2000);
        List<String> shards = new ArrayList<>();
        JsonNode manifest = JSON.readTree(get("/data/manifest.json"));
        for (String split : List.of("train", "test")) {
            manifest.get(split)
                    .forEach(e -> shards.add("/data/shards/" + e.get("file").asText()));
        }
        Result shardResult = fetchAll(shards, true);
        out.println("shards  " + shardResult.line());
    }

    /** A valid dense model file of about {@code mb} MB (4 bytes per parameter). */
    static byte[] bigModel(int mb) {
        int hidden = Math.max(1, (int) ((mb * 1_000_000L / 4 - 10) / (784 + 1 + 10)));
        Architecture arch = new Architecture(
                new int[] {784, hidden, 10}, new Activation[] {Activation.RELU}, Loss.SOFTMAX_CROSS_ENTROPY);
        float[] params = new float[arch.parameterCount()];
        Random r = new Random(15);
        for (int i = 0; i < params.length; i++) {
            params[i] = (float) (r.nextGaussian() * 0.05);
        }
        return new Model(
                        arch,
                        params,
                        new TrainingMetadata(1, 60000, 0.9f),
                        TrainingConfig.defaults().withArchitecture(arch))
                .toBytes();
    }

    private String upload(byte[] model) throws IOException {
        try (Socket s = connect(0, 0)) {
            OutputStream w = s.getOutputStream();
            w.write(("POST /api/models HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/octet-stream\r\n"
                            + "Content-Length: " + model.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            w.write(model);
            w.flush();
            Response r = Response.read(new BufferedInputStream(s.getInputStream()), true);
            if (r.status != 200 && r.status != 201) {
                throw new IOException(
                        "upload answered " + r.status + ": " + new String(r.body, StandardCharsets.UTF_8));
            }
            return JSON.readTree(r.body).get("id").asText();
        }
    }

    private byte[] get(String path) throws IOException {
        try (Socket s = connect(0, 0)) {
            request(s.getOutputStream(), path, false);
            return Response.read(new BufferedInputStream(s.getInputStream()), true).body;
        }
    }

    private Socket connect(int client, int receiveBuffer) throws IOException {
        Socket s = new Socket();
        if (receiveBuffer > 0) {
            s.setReceiveBufferSize(receiveBuffer);
        }
        if (client > 0) {
            s.bind(new InetSocketAddress("127.0.0." + (2 + client % o.addresses()), 0));
        }
        s.setSoTimeout(30_000);
        s.connect(new InetSocketAddress(o.host(), o.port()), 5_000);
        return s;
    }

    private static void request(OutputStream w, String path, boolean gzip) throws IOException {
        w.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + (gzip ? "Accept-Encoding: gzip\r\n" : "")
                        + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        w.flush();
    }

    /** {@code clients} keep-alive clients fetch {@code paths} in turn for the phase's seconds. */
    private Result fetchAll(List<String> paths, boolean gzip) throws Exception {
        long deadline = System.nanoTime() + o.seconds() * 1_000_000_000L;
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        RssSampler rss = new RssSampler(o.pid());
        rss.start();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 1; c <= o.clients(); c++) {
            int client = c;
            Thread t = new Thread(() -> {
                int next = client;
                Socket s = null;
                BufferedInputStream in = null;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        if (s == null) {
                            s = connect(client, 0);
                            in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
                        }
                        request(s.getOutputStream(), paths.get(next++ % paths.size()), gzip);
                        Response r = Response.read(in, false);
                        if (r.status != 200) {
                            errors.incrementAndGet();
                        } else {
                            bytes.addAndGet(r.length);
                            latencies.add(System.nanoTime() - start);
                        }
                        if (r.close) {
                            s.close();
                            s = null;
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                        closeQuietly(s);
                        s = null;
                    }
                }
                closeQuietly(s);
            });
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join(o.seconds() * 1000L + 40_000);
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        rss.stop();
        return new Result(o.clients(), latencies.size(), errors.get(), bytes.get(), secs, sorted(latencies), rss.maxKb);
    }

    /**
     * {@code slow} connections: two thirds send one GET for {@code path} and never read, one third start a 1 MB
     * upload and trickle it at one byte per second. Meanwhile /healthz and the manifest are fetched one after
     * another on fresh connections, and timed.
     */
    private Probe slowClients(String path) throws Exception {
        List<Socket> stuck = new ArrayList<>();
        List<Socket> trickling = new ArrayList<>();
        int opened = 0;
        for (int c = 1; c <= o.slow(); c++) {
            try {
                Socket s = connect(c, 4096);
                if (c % 3 == 0) {
                    s.getOutputStream()
                            .write(("POST /api/models HTTP/1.1\r\nHost: localhost\r\n"
                                            + "Content-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    trickling.add(s);
                } else {
                    request(s.getOutputStream(), path, false);
                }
                stuck.add(s);
                opened++;
            } catch (IOException e) {
                // counted as not opened
            }
        }
        Thread trickler = new Thread(() -> {
            try {
                while (true) {
                    for (Socket s : trickling) {
                        try {
                            s.getOutputStream().write(0);
                        } catch (IOException e) {
                            // the server gave up on it
                        }
                    }
                    Thread.sleep(1000);
                }
            } catch (InterruptedException e) {
                // phase over
            }
        });
        trickler.setDaemon(true);
        trickler.start();
        RssSampler rss = new RssSampler(o.pid());
        rss.start();
        long deadline = System.nanoTime() + o.seconds() * 1_000_000_000L;
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        int i = 0;
        while (System.nanoTime() < deadline) {
            String p = i++ % 2 == 0 ? "/healthz" : "/data/manifest.json";
            long start = System.nanoTime();
            try (Socket s = new Socket()) {
                s.setSoTimeout(5_000);
                s.connect(new InetSocketAddress(o.host(), o.port()), 5_000);
                request(s.getOutputStream(), p, false);
                Response r = Response.read(new BufferedInputStream(s.getInputStream()), false);
                if (r.status != 200) {
                    errors++;
                }
                latencies.add(System.nanoTime() - start);
            } catch (IOException e) {
                errors++;
                latencies.add(System.nanoTime() - start);
            }
            Thread.sleep(20);
        }
        rss.stop();
        trickler.interrupt();
        for (Socket s : stuck) {
            closeQuietly(s);
        }
        return new Probe(opened, latencies.size(), errors, sorted(latencies), rss.maxKb);
    }

    private static long[] sorted(List<Long> values) {
        synchronized (values) {
            return values.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    static double percentileMs(long[] sortedNanos, double p) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(i, sortedNanos.length - 1))] / 1e6;
    }

    private static void closeQuietly(Socket s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    record Result(int clients, long ok, long errors, long bytes, double seconds, long[] nanos, long maxRssKb) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%d clients, %.0f s: %d responses, %d errors, %.1f responses/s, %.0f MB/s, latency p50 %.0f ms"
                            + " p99 %.0f ms, server RSS max %s",
                    clients,
                    seconds,
                    ok,
                    errors,
                    ok / seconds,
                    bytes / 1e6 / seconds,
                    percentileMs(nanos, 50),
                    percentileMs(nanos, 99),
                    mb(maxRssKb));
        }
    }

    record Probe(int slowOpened, long probes, long errors, long[] nanos, long maxRssKb) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%d never-read downloads and trickled uploads: /healthz + manifest %d probes, %d errors or timeouts (5 s),"
                            + " p50 %.1f ms p99 %.1f ms max %.0f ms, server RSS max %s",
                    slowOpened,
                    probes,
                    errors,
                    percentileMs(nanos, 50),
                    percentileMs(nanos, 99),
                    percentileMs(nanos, 100),
                    mb(maxRssKb));
        }
    }

    private static String mb(long kb) {
        return kb <= 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", kb / 1024.0);
    }

    /** Samples VmRSS of a process every 100 ms and keeps the largest. */
    static final class RssSampler {
        private final long pid;
        private volatile boolean running = true;
        private volatile long maxKb;
        private Thread thread;

        RssSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            if (pid <= 0) {
                return;
            }
            thread = new Thread(() -> {
                Path status = Path.of("/proc", Long.toString(pid), "status");
                while (running) {
                    try {
                        for (String line : Files.readAllLines(status)) {
                            if (line.startsWith("VmRSS:")) {
                                long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                                maxKb = Math.max(maxKb, kb);
                            }
                        }
                        Thread.sleep(100);
                    } catch (IOException | InterruptedException | NumberFormatException e) {
                        return;
                    }
                }
            });
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join();
            }
        }
    }

    /** One HTTP/1.1 response: status, body length read, whether the server closes the connection. */
    static final class Response {
        int status;
        long length;
        boolean close;
        byte[] body;

        /** Reads one response; keeps the body only if {@code keep}, else counts and drops it. */
        static Response read(InputStream in, boolean keep) throws IOException {
            Response r = new Response();
            String statusLine = line(in);
            if (statusLine == null || !statusLine.startsWith("HTTP/1.")) {
                throw new IOException("no response");
            }
            r.status = Integer.parseInt(statusLine.substring(9, 12));
            long contentLength = -1;
            boolean chunked = false;
            for (String h; !(h = line(in)).isEmpty(); ) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    contentLength = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    r.close = true;
                }
            }
            java.io.ByteArrayOutputStream kept = keep ? new java.io.ByteArrayOutputStream() : null;
            byte[] buf = new byte[64 * 1024];
            if (chunked) {
                for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
                    r.length += copy(in, size, buf, kept);
                    line(in);
                }
                while (!line(in).isEmpty()) {
                    // trailers
                }
            } else if (contentLength >= 0) {
                r.length = copy(in, contentLength, buf, kept);
            } else {
                r.close = true;
                r.length = copy(in, Long.MAX_VALUE, buf, kept);
            }
            r.body = kept == null ? null : kept.toByteArray();
            return r;
        }

        private static long copy(InputStream in, long n, byte[] buf, java.io.ByteArrayOutputStream kept)
                throws IOException {
            long left = n;
            while (left > 0) {
                int k = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (k < 0) {
                    if (n == Long.MAX_VALUE) {
                        break;
                    }
                    throw new IOException("body ended early");
                }
                if (kept != null) {
                    kept.write(buf, 0, k);
                }
                left -= k;
            }
            return n == Long.MAX_VALUE ? Long.MAX_VALUE - left : n;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            for (int c; (c = in.read()) != -1; ) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            if (sb.length() == 0) {
                throw new IOException("connection closed");
            }
            return sb.toString();
        }
    }

    /** For {@code --url http://host:port}. */
    public static Options parse(URI url, long pid, int seconds, int clients, int slow, int addresses, int modelMb) {
        return new Options(
                url.getHost(), url.getPort() < 0 ? 80 : url.getPort(), pid, seconds, clients, slow, addresses, modelMb);
    }
}
