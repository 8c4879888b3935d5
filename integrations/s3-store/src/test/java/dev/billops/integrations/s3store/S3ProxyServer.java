package dev.billops.integrations.s3store;

import dev.billops.spi.PluginConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-compatible server for the tests: S3Proxy (its all-in-one jar, which the build copies
 * to {@code target/s3proxy/}) in a JVM of its own, on a free loopback port, keeping objects as
 * files under a folder of {@code target/} (jclouds' {@code filesystem} backend), so a test can
 * damage one on disk. (Not S3Proxy's newer {@code filesystem-nio2}: an upload cut short leaves a
 * temporary file behind there that makes later listings of the bucket fail with HTTP 500.) One server per test JVM, stopped when the JVM exits.
 */
final class S3ProxyServer {

    static final String ACCESS_KEY = "billops-test-access";
    static final String SECRET_KEY = "billops-test-secret-7f3a9c";
    static final String REGION = "us-east-1";

    private static final Pattern STARTED = Pattern.compile("Started ServerConnector@\\S+\\{HTTP/1\\.1[^}]*\\}\\{127\\.0\\.0\\.1:(\\d+)\\}");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Map<Boolean, S3ProxyServer> SERVERS = new HashMap<>();

    private final Process process;
    private final URI endpoint;
    private final Path work;
    private final Path dataDir;
    private final S3Client admin;

    private S3ProxyServer(Process process, URI endpoint, Path work, Path dataDir) {
        this.process = process;
        this.work = work;
        this.endpoint = endpoint;
        this.dataDir = dataDir;
        this.admin = client(endpoint);
    }

    /**
     * The strict server of this test JVM, started on first use: it answers 501 NotImplemented to
     * any {@code x-amz-} header it does not implement (such as server-side encryption).
     */
    static S3ProxyServer shared() {
        return server(false);
    }

    /** A second server that ignores the headers it does not implement (it stores unencrypted what asks for SSE). */
    static S3ProxyServer lenient() {
        return server(true);
    }

    private static synchronized S3ProxyServer server(boolean ignoreUnknownHeaders) {
        S3ProxyServer server = SERVERS.get(ignoreUnknownHeaders);
        if (server == null) {
            try {
                server = start(ignoreUnknownHeaders);
            } catch (IOException e) {
                throw new IllegalStateException("S3Proxy did not start: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted starting S3Proxy", e);
            }
            SERVERS.put(ignoreUnknownHeaders, server);
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "s3proxy-stop"));
        }
        return server;
    }

    private static S3ProxyServer start(boolean ignoreUnknownHeaders) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("billops.s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no S3Proxy jar at " + jar + "; `mvn test` copies it there (generate-test-resources)");
        }
        Path work = jar.getParent().resolve("run-" + ProcessHandle.current().pid() + (ignoreUnknownHeaders ? "-lenient" : ""));
        Path dataDir = work.resolve("data");
        Files.createDirectories(dataDir);
        Path properties = work.resolve("s3proxy.properties");
        Files.writeString(properties, String.join("\n",
                "s3proxy.endpoint=http://127.0.0.1:0",
                "s3proxy.authorization=aws-v2-or-v4",
                "s3proxy.identity=" + ACCESS_KEY,
                "s3proxy.credential=" + SECRET_KEY,
                "jclouds.provider=filesystem",
                "jclouds.filesystem.basedir=" + dataDir,
                "s3proxy.ignore-unknown-headers=" + ignoreUnknownHeaders,
                ""), StandardCharsets.UTF_8);
        Path log = work.resolve("s3proxy.log");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-jar", jar.toString(), "--properties", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("LOG_LEVEL", "info");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log, StandardCharsets.ISO_8859_1) : "";
            Matcher m = STARTED.matcher(output);
            if (m.find()) {
                return new S3ProxyServer(process, URI.create("http://127.0.0.1:" + m.group(1)), work, dataDir);
            }
            if (!process.isAlive()) {
                throw new IOException("S3Proxy exited with " + process.exitValue() + ":\n" + tail(output));
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new IOException("S3Proxy did not report its port within " + START_TIMEOUT + ":\n"
                + tail(Files.readString(log, StandardCharsets.ISO_8859_1)));
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }

    /** A plain SDK client of the server, for what the tests do behind the store's back. */
    static S3Client client(URI endpoint) {
        return S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    URI endpoint() {
        return endpoint;
    }

    S3Client admin() {
        return admin;
    }

    /** A new, empty bucket. */
    String newBucket() {
        String bucket = "billops-" + UUID.randomUUID().toString().substring(0, 13).toLowerCase(Locale.ROOT);
        admin.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /**
     * Every object key in {@code bucket} as the server lists it, sorted, without the folder markers
     * ({@code invoices/}) that the jclouds file-system backend lists for its folders.
     */
    List<String> keys(String bucket) {
        List<String> keys = new ArrayList<>();
        for (S3Object o : admin.listObjectsV2Paginator(b -> b.bucket(bucket)).contents()) {
            if (!o.key().endsWith("/")) {
                keys.add(o.key());
            }
        }
        keys.sort(null);
        return keys;
    }

    /** Every file the server keeps for {@code bucket} on its disk (temporary ones included), as relative paths, sorted. */
    List<String> files(String bucket) throws IOException {
        Path dir = dataDir.resolve(bucket);
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** The file in which the server keeps an object. */
    Path objectFile(String bucket, String key) {
        return dataDir.resolve(bucket).resolve(key);
    }

    /** The store's configuration for {@code bucket} of this server, reached at {@code endpoint}. */
    static PluginConfig config(URI endpoint, String bucket) {
        return PluginConfig.of(S3DocumentStore.ID, Map.of(
                "bucket", bucket,
                "endpoint", endpoint.toString(),
                "region", REGION,
                "pathStyle", "true",
                "accessKeyId", ACCESS_KEY,
                "timeout", "15s"))
                .withSecret("secretAccessKey", SECRET_KEY);
    }

    PluginConfig config(String bucket) {
        return config(endpoint, bucket);
    }

    private void stop() {
        admin.close();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return;
        }
        if (Boolean.getBoolean("billops.s3proxy.keep")) {
            return; // -Dbillops.s3proxy.keep=true keeps the server's log and data for a look
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left for `mvn clean`
        }
    }
}
