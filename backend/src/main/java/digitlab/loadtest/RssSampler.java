package digitlab.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Samples VmRSS of a process every 100 ms and keeps the largest. */
final class RssSampler {
    private final long pid;
    private volatile boolean running = true;
    private volatile long maxKb;
    private Thread thread;

    /** {@code pid} 0 or less: nothing is sampled and {@link #maxKb} stays 0. */
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

    /** The largest resident size seen, in kB (0 if none was). */
    long maxKb() {
        return maxKb;
    }
}
