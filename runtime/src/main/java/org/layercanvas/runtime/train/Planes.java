package org.layercanvas.runtime.train;

import java.util.Arrays;

/**
 * * Small pictures of one layer (the worker's {@code inspection} answer): {@code planes[i]} has {@code height * width *
 * channels} values, row by row with channels last. A test image is one plane of its own channels; the first Conv2D
 * layer's filters are one plane per filter with a channel per input channel; a Conv2D layer's feature maps are one
 * plane (of one channel) per shown channel, the first {@code planes.length} of {@code total}.
 *
 * @param layer the document's node id (empty for a test image)
 */
public record Planes(String layer, int height, int width, int channels, int total, float[][] planes) {
    /** The values of plane {@code i} at row {@code r}, column {@code c}, channel {@code k}. */
    public float at(int i, int r, int c, int k) {
        return planes[i][(r * width + c) * channels + k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Planes p && p.layer.equals(layer) && p.height == height && p.width == width
                && p.channels == channels && p.total == total && Arrays.deepEquals(p.planes, planes);
    }

    @Override
    public int hashCode() {
        return layer.hashCode() * 31 + Arrays.deepHashCode(planes);
    }

    @Override
    public String toString() {
        return "Planes[" + layer + ", " + planes.length + " of " + total + ", " + height + "x" + width + "x"
                + channels + "]";
    }
}
