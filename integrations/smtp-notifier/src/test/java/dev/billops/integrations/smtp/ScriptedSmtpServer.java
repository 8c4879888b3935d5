package dev.billops.integrations.smtp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A minimal SMTP server on loopback that answers with scripted replies, for the server answers
 * GreenMail never gives (a 451 or 550 to RCPT, a 421 greeting, a 554 after DATA, silence).
 * Speaks RFC 5321 just enough for Jakarta Mail's client: EHLO/HELO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT. Records each command line and each message accepted.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Thread acceptor;
    private volatile String greeting = "220 scripted.test ESMTP";
    private volatile boolean silent;
    private volatile Function<String, String> rcptReply = address -> "250 2.1.5 OK";
    private volatile String mailReply = "250 2.1.0 OK";
    private volatile String dataEndReply = "250 2.0.0 queued";
    private volatile boolean offerAuth;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();

    ScriptedSmtpServer() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    ScriptedSmtpServer greeting(String line) {
        this.greeting = line;
        return this;
    }

    /** Accepts connections and never says a word. */
    ScriptedSmtpServer silent() {
        this.silent = true;
        return this;
    }

    /** Offers AUTH PLAIN and accepts any credentials. */
    ScriptedSmtpServer offerAuth() {
        this.offerAuth = true;
        return this;
    }

    ScriptedSmtpServer mailReply(String line) {
        this.mailReply = line;
        return this;
    }

    /** The reply to {@code RCPT TO:<address>}, by address. */
    ScriptedSmtpServer rcptReply(Function<String, String> reply) {
        this.rcptReply = reply;
        return this;
    }

    ScriptedSmtpServer dataEndReply(String line) {
        this.dataEndReply = line;
        return this;
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    List<String> commands() {
        return List.copyOf(commands);
    }

    /** Messages whose DATA got a 250. */
    List<String> accepted() {
        return List.copyOf(messages);
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                connections.incrementAndGet();
                Thread t = new Thread(() -> converse(s), "scripted-smtp-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void converse(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                StandardCharsets.UTF_8)); OutputStream out = s.getOutputStream()) {
            if (silent) {
                while (in.read() >= 0) {
                    // swallow until the client gives up
                }
                return;
            }
            send(out, greeting);
            if (!greeting.startsWith("2")) {
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                commands.add(line);
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> send(out, offerAuth ? "250-scripted.test\r\n250-AUTH PLAIN\r\n250 8BITMIME"
                            : "250-scripted.test\r\n250 8BITMIME");
                    case "AUTH" -> send(out, "235 2.7.0 accepted");
                    case "HELO" -> send(out, "250 scripted.test");
                    case "MAIL" -> send(out, mailReply);
                    case "RCPT" -> {
                        int lt = line.indexOf('<');
                        int gt = line.indexOf('>');
                        send(out, rcptReply.apply(lt >= 0 && gt > lt ? line.substring(lt + 1, gt) : line));
                    }
                    case "DATA" -> {
                        send(out, "354 go ahead");
                        StringBuilder msg = new StringBuilder();
                        String l;
                        while ((l = in.readLine()) != null && !l.equals(".")) {
                            msg.append(l).append('\n');
                        }
                        send(out, dataEndReply);
                        if (dataEndReply.startsWith("250")) {
                            messages.add(msg.toString());
                        }
                    }
                    case "QUIT" -> {
                        send(out, "221 bye");
                        return;
                    }
                    case "RSET", "NOOP" -> send(out, "250 OK");
                    default -> send(out, "502 5.5.1 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
