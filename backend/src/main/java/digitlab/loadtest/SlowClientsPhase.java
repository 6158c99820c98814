package digitlab.loadtest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The slow phase: connections that hold the server's transfer threads (never reading a download, trickling an
 * upload) while the quick answers, {@code /healthz} and the manifest, are timed.
 */
final class SlowClientsPhase {
    private final LoopbackClient client;
    private final LoadTest.Options o;

    SlowClientsPhase(LoopbackClient client, LoadTest.Options options) {
        this.client = client;
        this.o = options;
    }

    /** What the phase measured: how many slow connections were opened, and the probes' latencies. */
    record Result(int slowOpened, long probes, long errors, long[] nanos, long maxRssKb) {
        String line() {
            return String.format(
                    Locale.ROOT,
                    "%d never-read downloads and trickled uploads: /healthz + manifest %d probes, %d errors or timeouts (5 s),"
                            + " p50 %.1f ms p99 %.1f ms max %.0f ms, server RSS max %s",
                    slowOpened,
                    probes,
                    errors,
                    Figures.percentileMs(nanos, 50),
                    Figures.percentileMs(nanos, 99),
                    Figures.percentileMs(nanos, 100),
                    Figures.mb(maxRssKb));
        }
    }

    /**
     * {@code slow} connections: two thirds send one GET for {@code path} and never read, one third start a 1 MB
     * upload and trickle it at one byte per second. Meanwhile /healthz and the manifest are fetched one after
     * another on fresh connections, and timed.
     */
    Result run(String path) throws Exception {
        List<Socket> stuck = new ArrayList<>();
        List<Socket> trickling = new ArrayList<>();
        int opened = 0;
        for (int c = 1; c <= o.slow(); c++) {
            try {
                Socket s = client.connect(c, 4096);
                if (c % 3 == 0) {
                    s.getOutputStream()
                            .write(("POST /api/models HTTP/1.1\r\nHost: localhost\r\n"
                                            + "Content-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n")
                                    .getBytes(StandardCharsets.ISO_8859_1));
                    trickling.add(s);
                } else {
                    LoopbackClient.request(s.getOutputStream(), path, false);
                }
                stuck.add(s);
                opened++;
            } catch (IOException e) {
                // counted as not opened
            }
        }
        Thread trickler = trickle(trickling);
        RssSampler rss = new RssSampler(o.pid());
        rss.start();
        long deadline = System.nanoTime() + o.seconds() * 1_000_000_000L;
        List<Long> latencies = new ArrayList<>();
        long errors = 0;
        int i = 0;
        while (System.nanoTime() < deadline) {
            String p = i++ % 2 == 0 ? "/healthz" : "/data/manifest.json";
            long start = System.nanoTime();
            try (Socket s = client.probe()) {
                LoopbackClient.request(s.getOutputStream(), p, false);
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
            LoopbackClient.closeQuietly(s);
        }
        return new Result(opened, latencies.size(), errors, Figures.sorted(latencies), rss.maxKb());
    }

    /** Started: writes one byte a second to each of {@code sockets} until interrupted. */
    private static Thread trickle(List<Socket> sockets) {
        Thread trickler = new Thread(() -> {
            try {
                while (true) {
                    for (Socket s : sockets) {
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
        return trickler;
    }
}
