package digitlab.server;

import java.time.Duration;

/**
 * Bounds on the big transfers (model downloads and uploads, shards), so that slow or stalled clients can neither
 * take all of Jetty's threads (which {@code /healthz}, the manifest and the web app need) nor hold unbounded work.
 *
 * @param idleTimeout     a read or write that makes no progress for this long fails: a stalled upload gets 408,
 *                        a client that stops reading a download is disconnected
 * @param uploadDeadline  a whole upload body must arrive within this, however slowly it trickles (else 408)
 * @param downloadThreads big downloads run on at most this many threads, not on Jetty's; the rest wait in a queue
 * @param uploadThreads   upload bodies are read on at most this many threads
 * @param queue           downloads (and, separately, uploads) waiting beyond that; more get 503
 * @param perClient       downloads (and, separately, uploads) one client address may have running or queued at
 *                        once; more get 429. A browser opens at most 6 connections per host.
 */
public record TransferLimits(
        Duration idleTimeout,
        Duration uploadDeadline,
        int downloadThreads,
        int uploadThreads,
        int queue,
        int perClient) {
    public TransferLimits {
        if (idleTimeout.isNegative()
                || idleTimeout.isZero()
                || uploadDeadline.isNegative()
                || uploadDeadline.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (downloadThreads < 1 || uploadThreads < 1 || queue < 0 || perClient < 1) {
            throw new IllegalArgumentException("transfer limits must be positive");
        }
    }

    public static TransferLimits defaults() {
        return new TransferLimits(Duration.ofSeconds(20), Duration.ofSeconds(60), 32, 8, 2_000, 16);
    }

    public TransferLimits withIdleTimeout(Duration d) {
        return new TransferLimits(d, uploadDeadline, downloadThreads, uploadThreads, queue, perClient);
    }

    public TransferLimits withUploadDeadline(Duration d) {
        return new TransferLimits(idleTimeout, d, downloadThreads, uploadThreads, queue, perClient);
    }

    public TransferLimits withPerClient(int n) {
        return new TransferLimits(idleTimeout, uploadDeadline, downloadThreads, uploadThreads, queue, n);
    }
}
