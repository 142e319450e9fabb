package io.vgpio.core.qmp;

import io.vgpio.core.breakpoint.GuestPause;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops and continues a QEMU guest through its QMP socket ({@code -qmp unix:PATH,server=on,wait=off}) for
 * {@code pause-guest} breakpoints. Its own thread ({@code vgpio-qmp}) connects, retrying until the socket exists and
 * again after QEMU restarts, and runs the requests in the order they were made; {@link #pause()} and
 * {@link #resume()} only queue them, so a breakpoint can ask under the chip's monitor. While idle it asks QEMU's
 * status every second, so {@link #connected()} notices a QEMU that went away. Requests made while it is not
 * connected are dropped: a stale {@code stop} must not freeze the next guest.
 */
public final class QmpClient implements GuestPause, AutoCloseable {
    private static final Logger LOG = System.getLogger("io.vgpio.qmp");
    /** Between attempts to connect: QEMU makes the socket as it starts. */
    static final long RETRY_MILLIS = 200;
    /** How often an idle session asks query-status, to notice QEMU leaving. */
    static final long HEARTBEAT_MILLIS = 1000;

    /** A command and who waits for its answer. */
    private record Job(String command, CompletableFuture<Object> answer) {
    }

    private static final Job CLOSE = new Job("", null);

    private final Path socket;
    private final BlockingQueue<Job> jobs = new LinkedBlockingQueue<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean connected;

    /** Starts connecting to QEMU's QMP socket at this path. */
    public QmpClient(Path socket) {
        this.socket = socket;
        thread = new Thread(this::run, "vgpio-qmp");
        thread.setDaemon(true);
        thread.start();
    }

    public Path socket() {
        return socket;
    }

    @Override
    public boolean connected() {
        return connected;
    }

    /** "connected" or "none", for the control socket's {@code info}. */
    public String state() {
        return connected ? "connected" : "none";
    }

    @Override
    public void pause() {
        submit("stop");
    }

    @Override
    public void resume() {
        submit("cont");
    }

    /** QEMU's run state ({@code query-status}'s status: running, paused, ...); waits at most the timeout. */
    public String status(long timeoutMillis) throws IOException {
        Object answer = await(submit("query-status"), timeoutMillis);
        if (answer instanceof Map<?, ?> m && m.get("status") instanceof String s) {
            return s;
        }
        throw new QmpException("query-status answered without a status");
    }

    private static Object await(CompletableFuture<Object> answer, long timeoutMillis) throws IOException {
        try {
            return answer.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new QmpException("no QMP answer in " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QmpException("interrupted while waiting for QMP");
        }
    }

    private CompletableFuture<Object> submit(String command) {
        CompletableFuture<Object> answer = new CompletableFuture<>();
        if (!connected) {
            answer.completeExceptionally(new QmpException("QMP is not connected (" + socket + ")"));
            return answer;
        }
        jobs.add(new Job(command, answer));
        return answer;
    }

    private void run() {
        while (closed.getCount() > 0) {
            try (QmpConnection c = QmpConnection.open(socket)) {
                connected = true;
                LOG.log(Level.INFO, "QMP connected: {0}", socket);
                serve(c);
            } catch (IOException e) {
                if (connected) {
                    LOG.log(Level.WARNING, "QMP connection lost ({0}); reconnecting", e.getMessage());
                }
            } finally {
                connected = false;
                failPending();
            }
            try {
                closed.await(RETRY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Runs the queued commands, and a heartbeat while none come, until the session fails or the client closes. */
    private void serve(QmpConnection c) throws IOException {
        while (true) {
            Job job;
            try {
                job = jobs.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (job == CLOSE) {
                return;
            }
            if (job == null) {
                c.execute("query-status");
                continue;
            }
            try {
                job.answer().complete(c.execute(job.command()));
            } catch (IOException e) {
                job.answer().completeExceptionally(e);
                if (!(e instanceof QmpException q) || !q.refused()) {
                    throw e; // the session is broken: reconnect
                }
                LOG.log(Level.WARNING, "QMP {0}: {1}", job.command(), e.getMessage());
            }
        }
    }

    private void failPending() {
        Job j;
        while ((j = jobs.poll()) != null) {
            if (j.answer() != null) {
                j.answer().completeExceptionally(new QmpException("QMP connection lost before " + j.command()));
            }
        }
    }

    @Override
    public void close() {
        closed.countDown();
        jobs.add(CLOSE);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
