package org.layercanvas.runtime.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.train.TrainingSession;

/**
 * An idle worker's warm-up: trains a small built-in network ({@code warm-up.lcnet}, random data) through the same
 * {@link TrainingSession} path as a real run, for a few seconds at most. A fresh JVM spends its first seconds of
 * training loading ND4J and compiling DL4J's Java code, at a fraction of full speed and with the JIT compiler
 * taking a second core; after a warm-up the next run starts at speed. A {@code train} command cuts it short.
 */
final class WarmUp {
    /** How long the warm-up trains at most (the JIT has compiled the hot paths of a small network by then). */
    static final double DEFAULT_SECONDS = Double.parseDouble(System.getProperty("layercanvas.warmUpSeconds", "3"));

    private final Object lock = new Object();
    private final CompletableFuture<WorkerProtocol.Ready> done = new CompletableFuture<>();
    /** Guarded by lock. */
    private TrainingSession session;
    /** Guarded by lock. */
    private boolean cut;

    /** The outcome, once the warm-up has ended (it never completes exceptionally). */
    CompletableFuture<WorkerProtocol.Ready> done() {
        return done;
    }

    /** Starts the warm-up on a daemon thread; {@code onDone} gets its outcome before {@link #cutShort} returns. */
    void start(String device, int threads, double seconds, java.util.function.Consumer<WorkerProtocol.Ready> onDone) {
        Thread t = new Thread(() -> {
            WorkerProtocol.Ready ready = run(device, threads, seconds);
            try {
                onDone.accept(ready);
            } finally {
                done.complete(ready);
            }
        }, "layercanvas-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private WorkerProtocol.Ready run(String device, int threads, double seconds) {
        long start = System.nanoTime();
        try {
            NetworkDocument doc = document();
            CompletableFuture<TrainingSession.Result> result;
            synchronized (lock) {
                if (cut) {
                    return new WorkerProtocol.Ready(0, true, null);
                }
                session = new TrainingSession(doc, new TrainingSession.Options(device, threads, false), e -> { });
                result = session.start();
            }
            try {
                result.get((long) (seconds * 1000), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                synchronized (lock) {
                    session.requestStop();
                }
                result.get();
            }
            boolean wasCut;
            synchronized (lock) {
                wasCut = cut;
            }
            return new WorkerProtocol.Ready((System.nanoTime() - start) / 1e9, wasCut, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new WorkerProtocol.Ready((System.nanoTime() - start) / 1e9, true, "interrupted");
        } catch (ExecutionException | IOException | DocumentFormatException | RuntimeException | LinkageError e) {
            // A warm-up that fails changes nothing for the run that follows; say why, for the log.
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return new WorkerProtocol.Ready((System.nanoTime() - start) / 1e9, false, String.valueOf(cause));
        }
    }

    /** Ends the warm-up as soon as its current minibatch is done, and waits (at most {@code maxSeconds}). */
    void cutShort(double maxSeconds) {
        synchronized (lock) {
            cut = true;
            if (session != null) {
                session.requestStop();
            }
        }
        try {
            done.get((long) (maxSeconds * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the run starts anyway; a warm-up still training only shares the CPU for a moment
        }
    }

    static NetworkDocument document() throws IOException, DocumentFormatException {
        try (InputStream in = Objects.requireNonNull(WarmUp.class.getResourceAsStream("warm-up.lcnet"),
                "warm-up.lcnet")) {
            return DocumentJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), "warm-up.lcnet");
        }
    }
}
