package dev.billops.integrations.smtp;

import com.icegreen.greenmail.util.ServerSetup;

/** GreenMail servers of the tests: any free port on 127.0.0.1, time to start on a busy machine. */
final class LoopbackMail {

    private LoopbackMail() {
    }

    /** A server for {@code protocol} ("smtp" or "smtps") that may take 15 s to start (GreenMail's default is 2 s). */
    static ServerSetup setup(String protocol) {
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", protocol);
        setup.setServerStartupTimeout(15_000);
        return setup;
    }
}
