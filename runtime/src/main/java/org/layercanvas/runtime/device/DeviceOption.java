package org.layercanvas.runtime.device;

/**
 * One device a run could use, as the CLI's {@code devices} command and the app's device menu list it.
 *
 * @param id     what {@link DeviceRequest#parse} takes to ask for it: {@code cpu}, {@code gpu:0}
 * @param label  the device in words: "GPU 0: NVIDIA GeForce RTX 3060 (12.0 GB, compute capability 8.6)"
 * @param usable whether LayerCanvas can train on it
 * @param why    when not usable, why, in a student's words; otherwise null
 */
public record DeviceOption(String id, String label, boolean usable, String why) {
}
