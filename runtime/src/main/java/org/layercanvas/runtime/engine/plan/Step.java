package org.layercanvas.runtime.engine.plan;

/** One piece of work in a training plan: a native kernel or a short piece of Java on the plan's buffers. */
@FunctionalInterface
interface Step {
    void run();
}
