package dev.billops.integrations.s3store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.billops.core.id.TenantId;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginException;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Server-side encryption as it goes over the wire (read from a loopback TCP proxy): S3Proxy does
 * not encrypt, so the strict server refuses the header (501) and a lenient one stores the object
 * as it is; what these tests check is that the store asks for it on uploads, and only there.
 */
class S3DocumentStoreEncryptionTest {

    static final TenantId ACME = TenantId.of("acme");
    static final String ID = "invoices/INV-1.pdf";
    static final byte[] PDF = "%PDF-1.7 invoice INV-1".getBytes(StandardCharsets.US_ASCII);
    static final String KMS_KEY = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    /** The head (request line and headers, lower-cased) of the first {@code method} request for {@code key}. */
    static Optional<String> requestHead(FaultyTcpProxy proxy, String method, String bucket, String key) {
        String line = method + " /" + bucket + "/" + key;
        for (String sent : proxy.sent()) {
            int start = sent.indexOf(line);
            if (start >= 0) {
                int end = sent.indexOf("\r\n\r\n", start);
                return Optional.of(sent.substring(start, end < 0 ? sent.length() : end).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }

    record Upload(String putHead, String getHead) {
    }

    /** Puts and reads back through a proxy to {@code server}, with {@code settings} added to the configuration. */
    static Upload roundTrip(S3ProxyServer server, PluginConfig settings) throws IOException {
        String bucket = server.newBucket();
        try (FaultyTcpProxy proxy = new FaultyTcpProxy(server.endpoint())) {
            PluginConfig config = S3ProxyServer.config(proxy.endpoint(), bucket);
            for (String key : settings.keys()) {
                config = config.with(key, settings.string(key).orElseThrow());
            }
            try (S3DocumentStore store = S3DocumentStore.of(config)) {
                store.put(ACME, ID, "application/pdf", PDF);
                assertArrayEquals(PDF, store.get(ACME, ID).orElseThrow());
            }
            return new Upload(requestHead(proxy, "PUT", bucket, "t-acme/" + ID).orElseThrow(),
                    requestHead(proxy, "GET", bucket, "t-acme/" + ID).orElseThrow());
        }
    }

    @Test
    void put_aes256_asksForSseS3OnTheUploadOnly() throws IOException {
        Upload upload = roundTrip(S3ProxyServer.lenient(),
                PluginConfig.of("s3", Map.of("serverSideEncryption", "AES256")));

        assertTrue(upload.putHead().contains("\r\nx-amz-server-side-encryption: aes256"), upload.putHead());
        assertFalse(upload.putHead().contains("x-amz-server-side-encryption-aws-kms-key-id"), upload.putHead());
        assertFalse(upload.getHead().contains("x-amz-server-side-encryption"), upload.getHead());
    }

    @Test
    void put_awsKmsWithKeyId_asksForSseKmsWithThatKey() throws IOException {
        Upload upload = roundTrip(S3ProxyServer.lenient(), PluginConfig.of("s3",
                Map.of("serverSideEncryption", "aws:kms", "kmsKeyId", KMS_KEY)));

        assertTrue(upload.putHead().contains("\r\nx-amz-server-side-encryption: aws:kms"), upload.putHead());
        assertTrue(upload.putHead().contains("\r\nx-amz-server-side-encryption-aws-kms-key-id: "
                + KMS_KEY.toLowerCase(Locale.ROOT)), upload.putHead());
        assertFalse(upload.getHead().contains("x-amz-server-side-encryption"), upload.getHead());
    }

    @Test
    void put_awsKmsWithoutKeyId_asksForTheBucketsDefaultKey() throws IOException {
        Upload upload = roundTrip(S3ProxyServer.lenient(),
                PluginConfig.of("s3", Map.of("serverSideEncryption", "aws:kms")));

        assertTrue(upload.putHead().contains("\r\nx-amz-server-side-encryption: aws:kms"), upload.putHead());
        assertFalse(upload.putHead().contains("x-amz-server-side-encryption-aws-kms-key-id"), upload.putHead());
    }

    @Test
    void put_noEncryptionConfigured_sendsNoSseHeaderAndTheStrictServerAcceptsEveryHeader() throws IOException {
        Upload upload = roundTrip(S3ProxyServer.shared(), PluginConfig.of("s3", Map.of()));

        assertFalse(upload.putHead().contains("x-amz-server-side-encryption"), upload.putHead());
        assertTrue(upload.putHead().contains("\r\ncontent-md5: "), upload.putHead());
        assertTrue(upload.putHead().contains("\r\nx-amz-meta-billops-sha256: "), upload.putHead());
        assertTrue(upload.putHead().contains("\r\ncontent-type: application/pdf"), upload.putHead());
    }

    @Test
    void put_encryptionOnServerWithoutIt_throwsPermanentNotImplementedAndStoresNothing() {
        S3ProxyServer server = S3ProxyServer.shared();
        String bucket = server.newBucket();
        try (S3DocumentStore store = S3DocumentStore.of(server.config(bucket).with("serverSideEncryption", "AES256"))) {
            // The server answers 501 and closes without reading the body; the JDK's HTTP client then
            // sometimes reports only that it could not finish writing the body (transient, as any
            // broken connection). Asked again, the answer it reads is the server's.
            PluginException e = null;
            for (int attempt = 1; attempt <= 5; attempt++) {
                e = assertThrows(PluginException.class, () -> store.put(ACME, ID, "application/pdf", PDF));
                if (!(e instanceof TransientPluginException)) {
                    break;
                }
                assertTrue(e.getMessage().contains("Error writing request body"), e.getMessage());
            }

            assertFalse(e instanceof TransientPluginException, "asking again will not help: " + e.getMessage());
            assertTrue(e.getMessage().contains("HTTP 501 NotImplemented"), e.getMessage());
            assertEquals(List.of(), server.keys(bucket), "no unencrypted copy was stored");
        }
    }
}
