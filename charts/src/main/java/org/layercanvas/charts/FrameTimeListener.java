package org.layercanvas.charts;

/** Told how long each chart frame that rebuilt and redrew the chart took on the FX thread (diagnostics). */
@FunctionalInterface
public interface FrameTimeListener {
    /**
     * @param wallNanos elapsed time, including any time the thread was not scheduled
     * @param cpuNanos  CPU time of the FX thread during the frame, or -1 where the JVM cannot measure it
     */
    void frameRendered(long wallNanos, long cpuNanos);
}
