package org.layercanvas.model;

/** Fractions of the dataset used for training, validation and test; they add up to 1. */
public record Split(double train, double validation, double test) {
    public static final Split DEFAULT = new Split(0.7, 0.1, 0.2);

    public double sum() {
        return train + validation + test;
    }
}
