package dev.billops.integrations.caldav;

import dev.billops.spi.PluginException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link WriteBackState} in a directory: the file {@code <sha-256 of the href>.etag} holds the
 * href, the ETag and the digest on three lines. Writes go to a temporary file that replaces the
 * old one atomically, so a crash leaves either the old or the new record. A failure to read or
 * write throws {@link PluginException} naming the file.
 */
final class DirectoryWriteBackState implements WriteBackState {

    private static final String HEADER = "billops-caldav-writeback 1";

    private final Path directory;

    DirectoryWriteBackState(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    @Override
    public synchronized Optional<Written> find(String href) {
        Path file = fileOf(href);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new PluginException(CalDavCalendar.ID, "write-back state " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (lines.size() != 4 || !lines.get(0).equals(HEADER)) {
            throw new PluginException(CalDavCalendar.ID, "write-back state " + file + " is not a state record ("
                    + lines.size() + " lines)");
        }
        if (!lines.get(1).equals(href)) {
            return Optional.empty(); // another href with the same hash: not ours
        }
        return Optional.of(new Written(lines.get(2), lines.get(3)));
    }

    @Override
    public synchronized void put(String href, Written written) {
        Objects.requireNonNull(written, "written");
        check(href);
        check(written.etag());
        check(written.digest());
        Path file = fileOf(href);
        try {
            Files.createDirectories(directory);
            Path temp = Files.createTempFile(directory, ".state-", ".tmp");
            try {
                Files.writeString(temp, HEADER + "\n" + href + "\n" + written.etag() + "\n" + written.digest() + "\n",
                        StandardCharsets.UTF_8);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new PluginException(CalDavCalendar.ID, "write-back state " + file + " cannot be written: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void remove(String href) {
        Path file = fileOf(href);
        try {
            if (find(href).isPresent()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new PluginException(CalDavCalendar.ID, "write-back state " + file + " cannot be deleted: "
                    + e.getMessage(), e);
        }
    }

    private Path fileOf(String href) {
        Objects.requireNonNull(href, "href");
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(href.getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash) + ".etag");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static void check(String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a write-back state value contains a line break");
        }
    }

    @Override
    public String toString() {
        return "WriteBackState.inDirectory[" + directory + "]";
    }
}
