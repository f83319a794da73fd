package org.layercanvas.app.training;

import java.io.IOException;
import org.layercanvas.app.runs.RunStore;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.runtime.train.EndReason;
import org.layercanvas.runtime.train.EventJson;
import org.layercanvas.runtime.train.TrainingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record of the current run in its run folder: the events as they come, the trained model when it finishes,
 * and the outcome once the evaluation has arrived (or the worker ended). A record that cannot be written is
 * logged and the run goes on without it: training matters more than its record.
 */
final class RunRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);

    /** What a finished run's record gets once its evaluation has arrived (or its worker ended). */
    record Outcome(EndReason reason, double testAccuracy, double testLoss, int epochs) {
    }

    private final RunStore runs;
    private volatile RunStore.Run run;
    private volatile Outcome pending;

    RunRecorder(RunStore runs) {
        this.runs = runs;
    }

    /** Opens the folder of a new run (none when it cannot be made: logged). */
    void begin(NetworkDocument doc, String device) {
        pending = null;
        try {
            run = runs.create(doc, device);
        } catch (IOException e) {
            LOG.warn("cannot create a run folder: {}", e.getMessage(), e);
            run = null;
        }
    }

    void record(TrainingEvent event) {
        RunStore.Run r = run;
        if (r == null) {
            return;
        }
        try {
            r.append(EventJson.toJson(event));
        } catch (IOException e) {
            LOG.warn("cannot record event in {}: {}", r.folder(), e.getMessage(), e);
        }
    }

    void flush() {
        RunStore.Run r = run;
        if (r != null) {
            try {
                r.flush();
            } catch (IOException e) {
                LOG.warn("cannot write {}: {}", r.folder(), e.getMessage(), e);
            }
        }
    }

    /** Asks the worker to save the trained model into the run folder. */
    void saveModel(TrainingViewModel.TrainingRunner worker) {
        RunStore.Run r = run;
        if (r != null && worker != null) {
            worker.save(r.modelPath()).exceptionally(e -> {
                LOG.warn("the trained model could not be saved to {}: {}", r.modelPath(), e.getMessage(), e);
                return null;
            });
        }
    }

    /** The run finished; its record is completed with this outcome when {@link #takeOutcome()} is called. */
    void expectOutcome(Outcome outcome) {
        pending = outcome;
    }

    /** The outcome waiting for the evaluation, once (null when none waits). */
    Outcome takeOutcome() {
        Outcome p = pending;
        pending = null;
        return p;
    }

    /**
     * Writes the run's end into its record and closes it.
     *
     * @return the finished run as the run list shows it, or null when there was no record
     */
    RunStore.RunInfo finish(String status, double accuracy, double loss, int epochs, String text) {
        RunStore.Run r = run;
        run = null;
        if (r == null) {
            return null;
        }
        try {
            r.finish(status, accuracy, loss, epochs, text);
            r.close();
            return runs.list().stream().filter(i -> i.folder().equals(r.folder())).findFirst().orElse(null);
        } catch (IOException e) {
            LOG.warn("cannot finish the run record in {}: {}", r.folder(), e.getMessage(), e);
            return null;
        }
    }
}
