package digitlab.cli;

import digitlab.server.ModelOptions;
import digitlab.server.ModelOptions.StoreKind;
import digitlab.server.ServerConfig;
import digitlab.server.TransferLimits;
import digitlab.server.models.S3Options;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code serve} options read into a {@link ServerConfig}: the command line first, then for the model
 * store and upload limits the {@code DIGIT_LAB_*} environment, then the defaults. Every bad value is a
 * {@link UsageException} naming where it came from ({@code --s3-region} or {@code the DIGIT_LAB_S3_REGION
 * environment variable}).
 */
final class ServeOptions {
    private static final Set<String> S3_OPTIONS =
            Set.of("s3-bucket", "s3-endpoint", "s3-region", "s3-prefix", "s3-access-key", "s3-secret-key");

    static final Args.Spec SPEC = Args.Spec.options(
                    "port",
                    "host",
                    "data",
                    "models",
                    "mnist",
                    "store",
                    "max-model-bytes",
                    "upload-rate",
                    "transfers-per-client")
            .withOptions(S3_OPTIONS)
            .withFlags("trust-proxy");

    private ServeOptions() {}

    static ServerConfig config(Args a, Map<String, String> env) {
        int port = a.has("port")
                ? Args.port(a.get("port", ""), "--port")
                : env.get("PORT") != null
                        ? Args.port(env.get("PORT"), "the PORT environment variable")
                        : ServerConfig.DEFAULT_PORT;
        String host = a.get("host", ServerConfig.DEFAULT_HOST);
        if (host.isBlank()) {
            throw new UsageException("--host must not be empty");
        }
        return new ServerConfig(
                host,
                port,
                Path.of(a.get("data", ServerConfig.DEFAULT_DATA.toString())),
                Path.of(a.get("models", ServerConfig.DEFAULT_MODELS.toString())),
                Path.of(a.get("mnist", ServerConfig.DEFAULT_MNIST.toString())),
                null,
                modelOptions(a, env),
                TransferLimits.defaults().withPerClient((int) Args.number(
                        option(
                                a,
                                env,
                                "transfers-per-client",
                                Integer.toString(TransferLimits.defaults().perClient())),
                        1,
                        100_000,
                        source(a, "transfers-per-client"))));
    }

    /** The model store and upload limits, from the command line or else the DIGIT_LAB_* environment. */
    private static ModelOptions modelOptions(Args a, Map<String, String> env) {
        String storeName = option(a, env, "store", "disk");
        StoreKind store =
                switch (storeName.trim().toLowerCase(Locale.ROOT)) {
                    case "disk" -> StoreKind.DISK;
                    case "s3" -> StoreKind.S3;
                    default -> throw new UsageException(
                            source(a, "store") + " must be disk or s3, got '" + storeName + "'");
                };
        S3Options s3 = null;
        if (store == StoreKind.S3) {
            s3 = s3Options(a, env);
            if (a.has("models")) {
                throw new UsageException("--models only applies with --store disk");
            }
        } else {
            // Only the command line is checked: an environment may well carry S3 settings it does not use now.
            for (String name : S3_OPTIONS) {
                if (a.has(name)) {
                    throw new UsageException("--" + name + " only applies with --store s3");
                }
            }
        }
        long maxBytes = Args.number(
                option(a, env, "max-model-bytes", Long.toString(ModelOptions.DEFAULT_MAX_MODEL_BYTES)),
                1,
                ModelOptions.MAX_MODEL_BYTES_LIMIT,
                source(a, "max-model-bytes"));
        int rate = (int) Args.number(
                option(a, env, "upload-rate", Integer.toString(ModelOptions.DEFAULT_UPLOADS_PER_MINUTE)),
                1,
                1_000_000,
                source(a, "upload-rate"));
        boolean trustProxy = a.has("trust-proxy") || bool(env.get(envName("trust-proxy")), envName("trust-proxy"));
        return new ModelOptions(store, s3, maxBytes, rate, trustProxy);
    }

    private static S3Options s3Options(Args a, Map<String, String> env) {
        String bucket = option(a, env, "s3-bucket", "").trim();
        if (bucket.isEmpty()) {
            throw new UsageException("--store s3 needs --s3-bucket NAME (or " + envName("s3-bucket") + ")");
        }
        URI endpoint = null;
        String endpointText = option(a, env, "s3-endpoint", "").trim();
        if (!endpointText.isEmpty()) {
            try {
                endpoint = new URI(endpointText);
            } catch (URISyntaxException e) {
                endpoint = null;
            }
            if (endpoint == null
                    || endpoint.getHost() == null
                    || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme()))) {
                throw new UsageException(
                        source(a, "s3-endpoint") + " must be an http:// or https:// URL, got '" + endpointText + "'");
            }
        }
        String region = option(a, env, "s3-region", S3Options.DEFAULT_REGION).trim();
        if (region.isEmpty()) {
            throw new UsageException(source(a, "s3-region") + " must not be empty");
        }
        String prefix = option(a, env, "s3-prefix", S3Options.DEFAULT_PREFIX);
        if (prefix.startsWith("/")) {
            throw new UsageException(source(a, "s3-prefix") + " must not start with '/', got '" + prefix + "'");
        }
        String accessKey = option(a, env, "s3-access-key", null);
        String secretKey = option(a, env, "s3-secret-key", null);
        if ((accessKey == null) != (secretKey == null)) {
            throw new UsageException("give both --s3-access-key and --s3-secret-key, or neither (to use the AWS "
                    + "default credentials)");
        }
        return new S3Options(endpoint, bucket, region, prefix, accessKey, secretKey);
    }

    /** The option's value from the command line, else from DIGIT_LAB_NAME, else {@code fallback}. */
    private static String option(Args a, Map<String, String> env, String name, String fallback) {
        if (a.has(name)) {
            return a.get(name, fallback);
        }
        String fromEnv = env.get(envName(name));
        return fromEnv != null ? fromEnv : fallback;
    }

    /** Where an option's value came from, for error messages. */
    private static String source(Args a, String name) {
        return a.has(name) ? "--" + name : "the " + envName(name) + " environment variable";
    }

    /** {@code upload-rate} -> {@code DIGIT_LAB_UPLOAD_RATE}. */
    private static String envName(String option) {
        return "DIGIT_LAB_" + option.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static boolean bool(String text, String source) {
        if (text == null) {
            return false;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no", "" -> false;
            default -> throw new UsageException(
                    "the " + source + " environment variable must be true or false, got '" + text + "'");
        };
    }
}
