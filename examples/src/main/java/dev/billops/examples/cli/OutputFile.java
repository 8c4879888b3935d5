package dev.billops.examples.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A file a command writes: the content goes to a new temporary file in the target's folder
 * (created with the permissions any new file gets, i.e. after the umask), which is then moved
 * into place. What is already at the path is never written into: a folder, a device, a pipe or
 * a link is refused, and a regular file is replaced only when {@code force} is set. A failed
 * write leaves the path as it was.
 */
final class OutputFile {

    /** Writes the content to an open stream; the stream is closed by {@link OutputFile}. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final boolean force;

    OutputFile(Path file, boolean force) {
        this.file = Objects.requireNonNull(file, "file");
        this.force = force;
    }

    /**
     * Checks that the file may be written: its folder exists and the path holds nothing, or
     * (with {@code force}) a regular file.
     *
     * @throws CliFailure naming the path and what is in the way
     */
    void check() {
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new CliFailure("cannot write " + file + ": folder " + dir + " does not exist");
        }
        BasicFileAttributes existing;
        try {
            existing = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException absent) {
            return;
        }
        if (existing.isDirectory()) {
            throw new CliFailure("cannot write " + file + ": it is a folder; name a file");
        }
        if (!existing.isRegularFile()) {
            throw new CliFailure("cannot write " + file + ": it is not a regular file (a "
                    + (existing.isSymbolicLink() ? "symbolic link" : "device, pipe or socket")
                    + ") and is never replaced");
        }
        if (!force) {
            throw new CliFailure("cannot write " + file + ": the file exists; add --force to replace it");
        }
    }

    /**
     * Writes {@code content} to a temporary file beside the target and moves it into place.
     *
     * @return the size of the file written, in bytes
     * @throws CliFailure if the path may not be written ({@link #check()}) or writing fails
     */
    long write(Content content) {
        check();
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(".billops-" + HexFormat.of().formatHex(randomBytes()) + ".tmp");
        try {
            // CREATE_NEW without explicit attributes: the mode a new file gets from the umask
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE), 64 * 1024)) {
                content.writeTo(out);
            }
            long size = Files.size(tmp);
            check();
            if (force) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.move(tmp, file);
            }
            return size;
        } catch (FileAlreadyExistsException e) {
            throw new CliFailure("cannot write " + file + ": the file exists; add --force to replace it", e);
        } catch (IOException e) {
            throw new CliFailure("cannot write " + file + ": " + Errors.rootMessage(e), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // the temporary file stays behind; the error that matters is already on its way
            }
        }
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return b;
    }
}
