package dev.billops.integrations.filestore;

import dev.billops.core.id.TenantId;
import dev.billops.spi.DocumentStore;
import dev.billops.spi.InvalidDocumentIdException;
import dev.billops.spi.PluginConfig;
import dev.billops.spi.PluginConfigurationException;
import dev.billops.spi.PluginException;
import dev.billops.spi.PluginHealth;
import dev.billops.spi.StoredDocument;
import dev.billops.spi.TransientPluginException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link DocumentStore} keeping documents as files under a root folder:
 * {@code root/<tenant folder>/<document id>}, the tenant folder derived from the tenant id by an
 * injective encoding ({@code t-} and the id with characters outside {@code [a-z0-9-]} as
 * {@code _xx}), the document id's segments as sub-folders.
 *
 * <p>Ids are checked before anything is touched (see the rules on {@link #put}); a symbolic link
 * that leads out of the tenant's folder is refused, as is a tenant folder that is itself a link.
 * A write goes to a temporary file in the target's folder, is forced to disk, atomically renamed
 * over the target ({@link StandardCopyOption#ATOMIC_MOVE}) and the folder is synced: a reader
 * sees the old content or the new, never a part, and of concurrent writers of one id the last
 * rename wins with a complete file. A crash leaves at most a temporary file
 * ({@code .billops-tmp-…}) that listings and reads ignore. I/O failures throw
 * {@link TransientPluginException}. Thread-safe; several stores (or processes) may share a root.
 * The guarantees assume nobody but stores changes the folder tree concurrently.
 *
 * <p>Configuration: {@code root}, the folder (created by the first {@link #put} if missing).
 */
public final class FileSystemDocumentStore implements DocumentStore {

    /** The plugin id. */
    public static final String ID = "filesystem";

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemDocumentStore.class);

    private volatile @Nullable Path root;

    /** An unconfigured store, for {@link java.util.ServiceLoader}; call {@link #configure} before use. */
    public FileSystemDocumentStore() {
    }

    private FileSystemDocumentStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** A store under {@code root} (not created here; {@link #put} creates the folders it needs). */
    public static FileSystemDocumentStore at(Path root) {
        return new FileSystemDocumentStore(Objects.requireNonNull(root, "root"));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void configure(PluginConfig config) {
        Objects.requireNonNull(config, "config");
        String pluginId = config.pluginId().isEmpty() ? ID : config.pluginId();
        String value = config.requireString("root");
        if (value.isBlank()) {
            throw new PluginConfigurationException(pluginId, "root", "is blank");
        }
        Path r;
        try {
            r = Path.of(value.trim()).toAbsolutePath().normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw new PluginConfigurationException(pluginId, "root", "is not a path: '" + value + "'");
        }
        root = r;
    }

    /**
     * Stores {@code content} under {@code documentId}, replacing what was there.
     *
     * <p>A document id is 1–1024 characters of {@code /}-separated segments, each of
     * {@code [A-Za-z0-9._+@=-]}, not {@code .} or {@code ..}, not ending in a dot, not a Windows
     * device name, not starting with {@code .billops-tmp-}; anything else (blank, absolute,
     * backslashes, NUL, drive letters, empty segments) throws {@link InvalidDocumentIdException}
     * naming the id, and nothing is written.
     */
    @Override
    public StoredDocument put(TenantId tenant, String documentId, String contentType, byte[] content) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
        List<String> segments = DocumentIds.segments(documentId);
        Path tenantDir = tenantDir(tenant);
        try {
            for (int attempt = 1; ; attempt++) {
                Path parent = directories(tenantDir, documentId, segments.subList(0, segments.size() - 1));
                Path target = parent.resolve(segments.get(segments.size() - 1));
                if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new InvalidDocumentIdException(documentId, "names a folder of other documents");
                }
                if (Files.isSymbolicLink(target) && !resolvesInside(target, tenantReal(tenantDir))) {
                    throw new InvalidDocumentIdException(documentId, "leads out of the tenant's folder through a symbolic link");
                }
                try {
                    writeAtomically(parent, target, content);
                } catch (NoSuchFileException e) {
                    if (attempt < 3) {
                        continue; // a concurrent delete removed the emptied folder; create it again
                    }
                    throw e;
                }
                LOG.debug("stored {} bytes as {} of tenant {}", content.length, documentId, tenant);
                return new StoredDocument(tenant, documentId, contentType, content.length, sha256(content),
                        target.toString());
            }
        } catch (IOException e) {
            throw new TransientPluginException(ID, "document " + documentId + " of tenant " + tenant + " cannot be written: "
                    + e, null, e);
        }
    }

    @Override
    public Optional<byte[]> get(TenantId tenant, String documentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Optional<Path> file = existing(tenant, documentId);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.readAllBytes(file.get()));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // deleted between the check and the read
        } catch (IOException e) {
            throw new TransientPluginException(ID, "document " + documentId + " of tenant " + tenant + " cannot be read: "
                    + e, null, e);
        }
    }

    @Override
    public boolean delete(TenantId tenant, String documentId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(documentId, "documentId");
        Optional<Path> file = existing(tenant, documentId);
        if (file.isEmpty()) {
            return false;
        }
        try {
            boolean deleted = Files.deleteIfExists(file.get());
            removeEmptyFolders(tenantDir(tenant), file.get().getParent());
            return deleted;
        } catch (IOException e) {
            throw new TransientPluginException(ID, "document " + documentId + " of tenant " + tenant + " cannot be deleted: "
                    + e, null, e);
        }
    }

    /**
     * The ids of the tenant's documents starting with {@code prefix}, sorted. Temporary files,
     * symbolic links and files whose names are not valid ids are not listed.
     */
    @Override
    public List<String> list(TenantId tenant, String prefix) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(prefix, "prefix");
        Path tenantDir = tenantDir(tenant);
        if (!Files.isDirectory(tenantDir, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tenantDir)) {
            files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).forEach(p -> {
                StringBuilder id = new StringBuilder();
                for (Path part : tenantDir.relativize(p)) {
                    id.append(id.length() == 0 ? "" : "/").append(part);
                }
                String documentId = id.toString();
                if (documentId.startsWith(prefix) && DocumentIds.isValid(documentId)) {
                    ids.add(documentId);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new TransientPluginException(ID, "documents of tenant " + tenant + " cannot be listed: " + e, null, e);
        }
        ids.sort(null);
        return ids;
    }

    /** DOWN when unconfigured, or the root is missing, not a folder, read-only, or a probe file cannot be written. */
    @Override
    public PluginHealth health() {
        Path r = root;
        if (r == null) {
            return PluginHealth.down("not configured: set 'root'");
        }
        if (!Files.isDirectory(r)) {
            return PluginHealth.down("root " + r + (Files.exists(r) ? " is not a folder" : " does not exist"));
        }
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(r, PosixFileAttributeView.class);
            if (!Files.isWritable(r)
                    || posix != null && !posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE)) {
                return PluginHealth.down("root " + r + " is not writable");
            }
            Path probe = Files.createTempFile(r, DocumentIds.TEMP_PREFIX + "health-", ".probe");
            Files.delete(probe);
        } catch (IOException e) {
            return PluginHealth.down("root " + r + " is not writable: " + e.getMessage());
        }
        return PluginHealth.up();
    }

    @Override
    public String toString() {
        return "FileSystemDocumentStore[" + (root == null ? "not configured" : root) + "]";
    }

    private Path root() {
        Path r = root;
        if (r == null) {
            throw new PluginConfigurationException(ID, "root", "is required (configure() was not called)");
        }
        return r;
    }

    private Path tenantDir(TenantId tenant) {
        return root().resolve(DocumentIds.tenantFolder(tenant));
    }

    /** The regular file of an existing document, checked not to lead out of the tenant's folder. */
    private Optional<Path> existing(TenantId tenant, String documentId) {
        List<String> segments = DocumentIds.segments(documentId);
        Path tenantDir = tenantDir(tenant);
        Path file = tenantDir;
        for (String s : segments) {
            file = file.resolve(s);
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path tenantReal = tenantReal(tenantDir);
            Path real = file.toRealPath();
            if (!real.startsWith(tenantReal)) {
                throw new InvalidDocumentIdException(documentId, "leads out of the tenant's folder through a symbolic link");
            }
            return Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty(); // a dangling link, or deleted meanwhile
        } catch (IOException e) {
            throw new TransientPluginException(ID, "document " + documentId + " of tenant " + tenant + " cannot be read: "
                    + e, null, e);
        }
    }

    /** The tenant folder's real path; refuses a tenant folder that is a link to somewhere else. */
    private Path tenantReal(Path tenantDir) throws IOException {
        Path real = tenantDir.toRealPath();
        Path expected = tenantDir.getParent().toRealPath().resolve(tenantDir.getFileName());
        if (!real.equals(expected)) {
            throw new PluginException(ID, "tenant folder " + tenantDir + " is a symbolic link; refusing to use it");
        }
        return real;
    }

    /**
     * Creates (one by one, never through a link that leaves the tenant's folder) the folders of a
     * document's parent and returns it.
     */
    private Path directories(Path tenantDir, String documentId, List<String> folders) throws IOException {
        Files.createDirectories(tenantDir.getParent());
        createDirectory(tenantDir);
        Path tenantReal = tenantReal(tenantDir);
        Path current = tenantReal;
        for (String folder : folders) {
            Path next = current.resolve(folder);
            if (Files.isSymbolicLink(next)) {
                Path real = next.toRealPath();
                if (!real.startsWith(tenantReal)) {
                    throw new InvalidDocumentIdException(documentId, "leads out of the tenant's folder through a symbolic link");
                }
                next = real;
            } else if (Files.exists(next, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(next, LinkOption.NOFOLLOW_LINKS)) {
                throw new InvalidDocumentIdException(documentId, "has a folder '" + folder + "' that is a document");
            }
            createDirectory(next);
            current = next;
        }
        return current;
    }

    /** Whether link {@code link} resolves inside {@code tenantReal} (a dangling link counts as outside). */
    private static boolean resolvesInside(Path link, Path tenantReal) {
        try {
            return link.toRealPath().startsWith(tenantReal);
        } catch (IOException e) {
            return false;
        }
    }

    private static void createDirectory(Path dir) throws IOException {
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    private static void writeAtomically(Path parent, Path target, byte[] content) throws IOException {
        Path temp = Files.createTempFile(parent, DocumentIds.TEMP_PREFIX, ".part");
        try {
            try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + parent + " cannot rename atomically", e);
            }
            syncDirectory(parent);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Makes the rename durable; file systems that cannot open folders for sync are left alone. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.trace("cannot sync folder {}: {}", dir, e.toString());
        }
    }

    private static void removeEmptyFolders(Path tenantDir, Path from) {
        Path dir = from;
        try {
            Path stop = tenantDir.toRealPath();
            while (dir != null && dir.startsWith(stop) && !dir.equals(stop)) {
                Files.delete(dir);
                dir = dir.getParent();
            }
        } catch (DirectoryNotEmptyException | NoSuchFileException e) {
            // another document still lives there, or another delete got there first
        } catch (IOException e) {
            LOG.debug("cannot remove empty folder {}: {}", dir, e.toString());
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
