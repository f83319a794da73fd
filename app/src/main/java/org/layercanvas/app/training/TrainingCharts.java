package org.layercanvas.app.training;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;
import org.layercanvas.app.Messages;
import org.layercanvas.charts.LiveChart;
import org.layercanvas.charts.SeriesHandle;
import org.layercanvas.charts.SeriesStyle;
import org.layercanvas.runtime.train.EventJson;
import org.layercanvas.runtime.train.TrainingEvent;

/**
 * The three live charts of a run (loss, accuracy, learning rate) and the {@link MetricsSink} that feeds them.
 * Points are kept here too, in both x units, so that switching the x axis between iterations and epochs
 * redraws from what was recorded. Earlier runs can be overlaid from their recorded events.
 */
public final class TrainingCharts implements MetricsSink, RunsViewModel.Overlays {
    private static final Color TRAIN = Color.web("#0072B2");
    private static final Color VALIDATION = Color.web("#E69F00");
    private static final Color RATE = Color.web("#009E73");

    private final LiveChart loss = new LiveChart(Messages.get("chart.loss"), Messages.get("chart.iteration"),
            Messages.get("chart.loss.axis"));
    private final LiveChart accuracy = new LiveChart(Messages.get("chart.accuracy"),
            Messages.get("chart.iteration"), Messages.get("chart.accuracy.axis"));
    private final LiveChart rate = new LiveChart(Messages.get("chart.rate"), Messages.get("chart.iteration"),
            Messages.get("chart.rate.axis"));
    private final Object lock = new Object();
    /** iteration, epochs, loss, rate. */
    private final List<double[]> iterations = new ArrayList<>();
    /** epoch, iteration, trainLoss, trainAcc, valLoss, valAcc. */
    private final List<double[]> epochs = new ArrayList<>();
    private volatile boolean inEpochs;
    private SeriesHandle trainLoss;
    private SeriesHandle validationLoss;
    private SeriesHandle trainAccuracy;
    private SeriesHandle validationAccuracy;
    private SeriesHandle learningRate;
    private int overlayColour;

    public TrainingCharts() {
        loss.setId("chart-loss");
        accuracy.setId("chart-accuracy");
        rate.setId("chart-rate");
        // A constant rate would otherwise get an axis of 0.999999E-3 .. 1.000001E-3: start the axis at zero.
        if (rate.getJFreeChart().getXYPlot().getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis axis) {
            axis.setAutoRangeIncludesZero(true);
        }
        // Training shares the machine's cores with the window: five redraws a second keep the curves live while
        // leaving the cores to the worker (DashboardBench: on 2 cores, 10/s cost MLP-784 5-8 % of its
        // throughput, 4/s nothing measurable). -Dlayercanvas.chartFps=N changes it.
        for (LiveChart c : List.of(loss, accuracy, rate)) {
            c.setMaxFramesPerSecond(Integer.getInteger("layercanvas.chartFps", 5));
        }
        addSeries();
    }

    private void addSeries() {
        trainLoss = loss.addSeries("train", Messages.get("chart.series.train"), SeriesStyle.rawAndSmoothed(TRAIN));
        validationLoss = loss.addSeries("validation", Messages.get("chart.series.validation"),
                new SeriesStyle(SeriesStyle.Kind.POINTS_AND_LINE, VALIDATION));
        trainAccuracy = accuracy.addSeries("train", Messages.get("chart.series.train"),
                new SeriesStyle(SeriesStyle.Kind.POINTS_AND_LINE, TRAIN));
        validationAccuracy = accuracy.addSeries("validation", Messages.get("chart.series.validation"),
                new SeriesStyle(SeriesStyle.Kind.POINTS_AND_LINE, VALIDATION));
        learningRate = rate.addSeries("rate", Messages.get("chart.series.rate"), SeriesStyle.line(RATE));
    }

    public LiveChart lossChart() {
        return loss;
    }

    public LiveChart accuracyChart() {
        return accuracy;
    }

    public LiveChart rateChart() {
        return rate;
    }

    @Override
    public void iteration(int iteration, double epochsSoFar, double lossValue, double learningRateValue) {
        synchronized (lock) {
            iterations.add(new double[] {iteration, epochsSoFar, lossValue, learningRateValue});
            double x = inEpochs ? epochsSoFar : iteration;
            trainLoss.append(x, lossValue);
            appendRate(x, learningRateValue);
        }
    }

    private double lastRate = Double.NaN;

    /**
     * The rate changes at most once an epoch (per-epoch schedules): only its changes are points, and each epoch's
     * end extends the line (see {@link #appendEpoch}). So the rate chart redraws once an epoch, not at every frame.
     */
    private void appendRate(double x, double rate) {
        if (Double.compare(rate, lastRate) != 0) {
            lastRate = rate;
            learningRate.append(x, rate);
        }
    }

    @Override
    public void epoch(int epoch, int iteration, double trainLossValue, double trainAccuracyValue,
                      double validationLossValue, double validationAccuracyValue) {
        synchronized (lock) {
            epochs.add(new double[] {epoch, iteration, trainLossValue, trainAccuracyValue, validationLossValue,
                validationAccuracyValue});
            appendEpoch(epochs.get(epochs.size() - 1));
        }
    }

    private void appendEpoch(double[] e) {
        double x = inEpochs ? e[0] : e[1];
        if (!Double.isNaN(lastRate)) {
            learningRate.append(x, lastRate);
        }
        if (!Double.isNaN(e[3])) {
            trainAccuracy.append(x, e[3]);
        }
        if (!Double.isNaN(e[4])) {
            validationLoss.append(x, e[4]);
        }
        if (!Double.isNaN(e[5])) {
            validationAccuracy.append(x, e[5]);
        }
    }

    @Override
    public void validationAvailable(boolean available) {
        // an empty series would still put "validation" in the legend; the dashboard says why it is missing
        validationLoss.setVisible(available);
        validationAccuracy.setVisible(available);
    }

    @Override
    public void reset() {
        synchronized (lock) {
            iterations.clear();
            epochs.clear();
            lastRate = Double.NaN;
            for (SeriesHandle h : List.of(trainLoss, validationLoss, trainAccuracy, validationAccuracy,
                    learningRate)) {
                h.series().clear();
            }
        }
    }

    /** Switches the x axis between iterations and epochs, redrawing the current run from its points. */
    public void setXInEpochs(boolean epochsAxis) {
        synchronized (lock) {
            inEpochs = epochsAxis;
            String label = Messages.get(epochsAxis ? "chart.epoch" : "chart.iteration");
            for (LiveChart c : List.of(loss, accuracy, rate)) {
                c.xLabelProperty().set(label);
            }
            for (SeriesHandle h : List.of(trainLoss, validationLoss, trainAccuracy, validationAccuracy,
                    learningRate)) {
                h.series().clear();
            }
            // Replayed in arrival order, so the rate line gets the same points as it did live.
            lastRate = Double.NaN;
            int e = 0;
            for (double[] it : iterations) {
                while (e < epochs.size() && epochs.get(e)[1] < it[0]) {
                    appendEpoch(epochs.get(e++));
                }
                double x = inEpochs ? it[1] : it[0];
                trainLoss.append(x, it[2]);
                appendRate(x, it[3]);
            }
            while (e < epochs.size()) {
                appendEpoch(epochs.get(e++));
            }
        }
    }

    /** Draws an earlier run's validation (or training) loss and accuracy per epoch next to the current run. */
    public void overlay(String runId, String label, List<String> eventLines) {
        Color colour = Color.hsb((overlayColour++ * 67) % 360, 0.55, 0.75);
        SeriesHandle l = loss.addSeries("overlay-loss-" + runId, runId, label, SeriesStyle.line(colour));
        SeriesHandle a = accuracy.addSeries("overlay-acc-" + runId, runId, label, SeriesStyle.line(colour));
        int iterationsPerEpoch = 0;
        for (String line : eventLines) {
            TrainingEvent event;
            try {
                event = EventJson.fromJson(line);
            } catch (JsonProcessingException e) {
                continue;
            }
            if (event instanceof TrainingEvent.Started s) {
                iterationsPerEpoch = Math.max(1, (s.trainExamples() + s.batchSize() - 1) / s.batchSize());
            } else if (event instanceof TrainingEvent.Epoch e) {
                double x = inEpochs ? e.epoch() : (double) e.epoch() * iterationsPerEpoch;
                double lossValue = Double.isNaN(e.validationLoss()) ? e.trainLoss() : e.validationLoss();
                double accValue = Double.isNaN(e.validationAccuracy()) ? e.trainAccuracy() : e.validationAccuracy();
                l.append(x, lossValue);
                a.append(x, accValue);
            }
        }
    }

    /** An earlier run's curves, labelled with its id. */
    @Override
    public void overlay(String runId, List<String> eventLines) {
        overlay(runId, runId, eventLines);
    }

    @Override
    public void removeOverlay(String runId) {
        loss.removeRun(runId);
        accuracy.removeRun(runId);
    }

    public void setDark(boolean dark) {
        for (LiveChart c : List.of(loss, accuracy, rate)) {
            c.setDark(dark);
        }
    }
}
