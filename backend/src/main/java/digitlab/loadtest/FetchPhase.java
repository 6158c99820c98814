package digitlab.loadtest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** The model and shard phases: many keep-alive clients fetching as fast as the server lets them. */
final class FetchPhase {
    private final LoopbackClient client;
    private final LoadTest.Options o;

    FetchPhase(LoopbackClient client, LoadTest.Options options) {
        this.client = client;
        this.o = options;
    }

    /** What one phase measured. */
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
                    Figures.percentileMs(nanos, 50),
                    Figures.percentileMs(nanos, 99),
                    Figures.mb(maxRssKb));
        }
    }

    /** {@code clients} keep-alive clients fetch {@code paths} in turn for the phase's seconds. */
    Result run(List<String> paths, boolean gzip) throws Exception {
        long deadline = System.nanoTime() + o.seconds() * 1_000_000_000L;
        AtomicLong bytes = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        RssSampler rss = new RssSampler(o.pid());
        rss.start();
        long t0 = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 1; c <= o.clients(); c++) {
            int me = c;
            Thread t = new Thread(() -> {
                int next = me;
                Socket s = null;
                BufferedInputStream in = null;
                while (System.nanoTime() < deadline) {
                    long start = System.nanoTime();
                    try {
                        if (s == null) {
                            s = client.connect(me, 0);
                            in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
                        }
                        LoopbackClient.request(s.getOutputStream(), paths.get(next++ % paths.size()), gzip);
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
                        LoopbackClient.closeQuietly(s);
                        s = null;
                    }
                }
                LoopbackClient.closeQuietly(s);
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
        return new Result(
                o.clients(), latencies.size(), errors.get(), bytes.get(), secs, Figures.sorted(latencies), rss.maxKb());
    }
}
