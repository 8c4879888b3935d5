package dev.billops.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code invoice-pdf --out} never writes into what is already at the path: folders, devices and
 * links are refused, a regular file is replaced only with {@code --force}, and the new file has
 * the permissions any new file gets.
 */
class InvoicePdfOutTest {

    private static final String NUMBER = "INV-2026-00003";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    static String url;

    @BeforeAll
    static void demo() {
        url = "jdbc:h2:file:" + shared.resolve("db/billops");
        CliRun.of("demo", "--db", url, "--out", shared.resolve("out").toString(), "--no-calendar").expect(0);
    }

    private static CliRun pdf(Path out, String... more) {
        return CliRun.of(CliRun.concat(new String[] {"invoice-pdf", "--number", NUMBER, "--db", url, "--out",
            out.toString()}, more));
    }

    @Test
    void invoicePdf_outIsAFolder_refusedNamingIt_folderUntouched() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("pdfs"));
        Files.writeString(folder.resolve("keep.txt"), "keep");

        CliRun run = pdf(folder, "--force").expect(BillOpsCli.EXIT_FAILED);

        assertEquals("error: cannot write " + folder + ": it is a folder; name a file", run.err().strip());
        assertTrue(Files.isDirectory(folder));
        assertEquals("keep", Files.readString(folder.resolve("keep.txt")));
        assertEquals(List.of("pdfs"), names(dir), "no temporary file left behind");
    }

    @Test
    void invoicePdf_outIsASpecialFile_refusedEvenWithForce_fileStaysWhatItWas() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, mkfifo.waitFor());

        CliRun run = pdf(fifo, "--force").expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().startsWith("error: cannot write " + fifo + ": it is not a regular file"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(Files.readAttributes(fifo, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther(),
                "still a named pipe");
        assertEquals(List.of("pipe"), names(dir));
    }

    @Test
    void invoicePdf_outIsASymbolicLink_refused_targetUnchanged() throws IOException {
        Path target = Files.writeString(dir.resolve("target.txt"), "precious");
        Path link = Files.createSymbolicLink(dir.resolve("link.pdf"), target);

        CliRun run = pdf(link, "--force").expect(BillOpsCli.EXIT_FAILED);

        assertTrue(run.err().contains("it is not a regular file (a symbolic link)"), run.err());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("precious", Files.readString(target));
    }

    @Test
    void invoicePdf_existingRegularFileWithoutForce_refused_fileUnchanged() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.pdf"), "an older PDF");

        CliRun run = pdf(existing).expect(BillOpsCli.EXIT_FAILED);

        assertEquals("error: cannot write " + existing + ": the file exists; add --force to replace it",
                run.err().strip());
        assertEquals("an older PDF", Files.readString(existing));
        assertEquals(List.of("old.pdf"), names(dir));
    }

    @Test
    void invoicePdf_existingRegularFileWithForce_replacedByTheSamePdfAsTheDemo() throws IOException {
        Path existing = Files.writeString(dir.resolve("old.pdf"), "an older PDF");

        CliRun run = pdf(existing, "--force").expect(BillOpsCli.EXIT_OK);

        assertTrue(run.out().startsWith("wrote " + existing), run.out());
        assertArrayEquals(Files.readAllBytes(shared.resolve("out/" + NUMBER + ".pdf")), Files.readAllBytes(existing));
        assertTrue(run.out().contains(", " + Files.size(existing) + " bytes)"), run.out());
        assertEquals(List.of("old.pdf"), names(dir), "no temporary file left behind");
    }

    @Test
    void invoicePdf_newFile_hasThePermissionsOfAnyNewFile() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        Path out = dir.resolve("new.pdf");

        pdf(out).expect(BillOpsCli.EXIT_OK);

        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertTrue(new String(Files.readAllBytes(out), 0, 5, StandardCharsets.US_ASCII).startsWith("%PDF-"));
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
