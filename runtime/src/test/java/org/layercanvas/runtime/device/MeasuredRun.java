package org.layercanvas.runtime.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.bytedeco.javacpp.Pointer;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.runtime.train.TrainingEvent;
import org.layercanvas.runtime.train.TrainingSession;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains the document in {@code args[0]} in a fresh JVM and prints how much the process's resident memory grew
 * from after ND4J loaded to the highest point during training ({@code grown=BYTES}). A fresh JVM, because one that
 * ran other tests keeps freed pages and would hide the growth.
 */
public final class MeasuredRun {
    private MeasuredRun() {
    }

    public static void main(String[] args) throws Exception {
        NetworkDocument doc = DocumentJson.read(Files.readString(Path.of(args[0])), args[0]);
        Nd4j.zeros(1);
        System.gc();
        long baseline = Pointer.physicalBytes();
        AtomicLong peak = new AtomicLong(baseline);
        TrainingSession.Result result = new TrainingSession(doc, TrainingSession.Options.DEFAULT, event -> {
            if (event instanceof TrainingEvent.Iteration) {
                peak.accumulateAndGet(Pointer.physicalBytes(), Math::max);
            }
        }).run();
        if (!result.succeeded()) {
            System.out.println("failed=" + result.failed());
            System.exit(1);
        }
        System.out.println("grown=" + (peak.get() - baseline));
        System.exit(0);
    }
}
