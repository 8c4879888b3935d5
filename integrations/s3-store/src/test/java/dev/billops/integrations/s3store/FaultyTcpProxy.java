package dev.billops.integrations.s3store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback between a client and a server, for network faults: armed with
 * {@link #cutAfter}, it resets connections once they have carried a number of client-to-server
 * bytes since arming (so a request is cut in the middle of its body); {@link #corruptByteAt}
 * flips one byte of the client's stream instead. It keeps the first bytes each connection sent, so
 * a test can read the request heads that went over the wire. Threads are daemons and end when
 * their sockets close; {@link #close} closes everything.
 */
final class FaultyTcpProxy implements AutoCloseable {

    private static final int CAPTURE_LIMIT = 64 * 1024;

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<StringBuilder> captured = new ArrayList<>();
    private final AtomicInteger cutsLeft = new AtomicInteger();
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger corruptionsLeft = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();
    private volatile long cutAfterBytes = Long.MAX_VALUE;
    private volatile long corruptAtByte = -1;

    FaultyTcpProxy(URI target) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "faulty-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /**
     * Resets each connection (existing or new) once it has carried {@code bytes} client-to-server
     * bytes from now on, for the next {@code times} connections that get that far.
     */
    void cutAfter(long bytes, int times) {
        generation.incrementAndGet();
        cutAfterBytes = bytes;
        cutsLeft.set(times);
    }

    /** Flips byte {@code offset} (counted from now, per connection) of the next {@code times} client streams. */
    void corruptByteAt(long offset, int times) {
        generation.incrementAndGet();
        corruptAtByte = offset;
        corruptionsLeft.set(times);
    }

    /** Stops cutting and corrupting. */
    void heal() {
        generation.incrementAndGet();
        cutsLeft.set(0);
        corruptionsLeft.set(0);
    }

    /** How many connections were cut so far. */
    int cuts() {
        return cuts.get();
    }

    /** What the clients sent, per connection, up to 64 KiB each (ISO-8859-1). */
    synchronized List<String> sent() {
        return captured.stream().map(StringBuilder::toString).toList();
    }

    synchronized void clearSent() {
        captured.clear();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(target, 5_000);
                sockets.add(client);
                sockets.add(upstream);
                StringBuilder capture = new StringBuilder();
                synchronized (this) {
                    captured.add(capture);
                }
                start("faulty-proxy-up", () -> pumpUp(client, upstream, capture));
                start("faulty-proxy-down", () -> pump(upstream, client));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    continue;
                }
                return;
            }
        }
    }

    private static void start(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    /** Client to server, counting, cutting and corrupting. */
    private void pumpUp(Socket client, Socket upstream, StringBuilder capture) {
        byte[] buffer = new byte[1024];
        long seenGeneration = generation.get();
        long sinceArmed = 0;
        boolean cutDecided = false;
        try (InputStream in = client.getInputStream(); OutputStream out = upstream.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                long g = generation.get();
                if (g != seenGeneration) {
                    seenGeneration = g;
                    sinceArmed = 0;
                    cutDecided = false;
                }
                synchronized (this) {
                    if (capture.length() < CAPTURE_LIMIT) {
                        capture.append(new String(buffer, 0, Math.min(n, CAPTURE_LIMIT - capture.length()),
                                StandardCharsets.ISO_8859_1));
                    }
                }
                long corruptAt = corruptAtByte;
                if (corruptAt >= sinceArmed && corruptAt < sinceArmed + n && corruptionsLeft.getAndDecrement() > 0) {
                    buffer[(int) (corruptAt - sinceArmed)] ^= 0x01;
                }
                long limit = cutAfterBytes;
                if (!cutDecided && sinceArmed + n >= limit && cutsLeft.get() > 0) {
                    cutDecided = true;
                    if (cutsLeft.getAndDecrement() > 0) {
                        out.write(buffer, 0, (int) Math.max(0, limit - sinceArmed));
                        out.flush();
                        cuts.incrementAndGet();
                        reset(client);
                        reset(upstream);
                        return;
                    }
                }
                sinceArmed += n;
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            closeQuietly(upstream);
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            closeQuietly(to);
        }
    }

    /** Closes with an RST rather than a FIN: the peer sees "connection reset", as on a real network fault. */
    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed
        }
        closeQuietly(socket);
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            closeQuietly(s);
        }
    }
}
