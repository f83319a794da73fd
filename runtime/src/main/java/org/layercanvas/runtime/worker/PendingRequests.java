package org.layercanvas.runtime.worker;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The predict, inspect and save requests sent to a worker and not answered yet, each a future that the answer with its
 * request id completes: {@link WorkerProtocol.Prediction}, {@link WorkerProtocol.Saved}, or an
 * {@link WorkerProtocol.Error} that fails it. Thread-safe.
 */
final class PendingRequests {
    /** A request id and the future its answer completes. */
    record Request<T>(long id, CompletableFuture<T> future) {
    }

    private final Map<Long, CompletableFuture<double[][]>> predictions = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Path>> saves = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<WorkerProtocol.Inspection>> inspections = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    Request<double[][]> newPrediction() {
        long id = ids.incrementAndGet();
        CompletableFuture<double[][]> f = new CompletableFuture<>();
        predictions.put(id, f);
        return new Request<>(id, f);
    }

    Request<Path> newSave() {
        long id = ids.incrementAndGet();
        CompletableFuture<Path> f = new CompletableFuture<>();
        saves.put(id, f);
        return new Request<>(id, f);
    }

    Request<WorkerProtocol.Inspection> newInspection() {
        long id = ids.incrementAndGet();
        CompletableFuture<WorkerProtocol.Inspection> f = new CompletableFuture<>();
        inspections.put(id, f);
        return new Request<>(id, f);
    }

    /** Completes the request {@code m} answers, if it answers one; other messages change nothing. */
    void answer(WorkerProtocol.Message m) {
        if (m instanceof WorkerProtocol.Prediction p) {
            CompletableFuture<double[][]> f = predictions.remove(p.requestId());
            if (f != null) {
                f.complete(p.outputs());
            }
        } else if (m instanceof WorkerProtocol.Inspection i) {
            CompletableFuture<WorkerProtocol.Inspection> f = inspections.remove(i.requestId());
            if (f != null) {
                f.complete(i);
            }
        } else if (m instanceof WorkerProtocol.Saved s && s.requestId() != null) {
            CompletableFuture<Path> f = saves.remove(s.requestId());
            if (f != null) {
                f.complete(Path.of(s.path()));
            }
        } else if (m instanceof WorkerProtocol.Error err && err.requestId() != null) {
            fail(err.requestId(), err.message());
        }
    }

    /** Fails request {@code id} with a {@link WorkerClient.WorkerException} saying {@code why}. */
    void fail(long id, String why) {
        CompletableFuture<double[][]> pf = predictions.remove(id);
        if (pf != null) {
            pf.completeExceptionally(new WorkerClient.WorkerException(why));
        }
        CompletableFuture<Path> sf = saves.remove(id);
        if (sf != null) {
            sf.completeExceptionally(new WorkerClient.WorkerException(why));
        }
        CompletableFuture<WorkerProtocol.Inspection> inf = inspections.remove(id);
        if (inf != null) {
            inf.completeExceptionally(new WorkerClient.WorkerException(why));
        }
    }

    /** Fails every request still waiting (the worker is gone). */
    void failAll(String why) {
        predictions.values().forEach(f -> f.completeExceptionally(new WorkerClient.WorkerException(why)));
        predictions.clear();
        saves.values().forEach(f -> f.completeExceptionally(new WorkerClient.WorkerException(why)));
        saves.clear();
        inspections.values().forEach(f -> f.completeExceptionally(new WorkerClient.WorkerException(why)));
        inspections.clear();
    }
}
