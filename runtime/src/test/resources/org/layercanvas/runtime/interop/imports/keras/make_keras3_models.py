"""Writes small Keras 3 models, with weights drawn from a seeded generator, and the predictions Keras makes for
seeded inputs. Run with KERAS_BACKEND=numpy (inference only). Each model is saved twice: as a full-model HDF5
file (model.save("x.h5")) and as a Keras 3 archive (model.save("x.keras")); NAME_inputs_and_outputs.h5 holds
inputs/input and outputs/output."""
import sys
import h5py
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(20261204)


def randomise(model):
    for layer in model.layers:
        values = []
        for w in layer.weights:
            shape = tuple(w.shape)
            if "variance" in w.path:
                values.append(rng.uniform(0.5, 2.0, shape).astype("float32"))
            else:
                values.append(rng.normal(0.0, 0.5, shape).astype("float32"))
        if values:
            layer.set_weights(values)


def save(model, name, x):
    randomise(model)
    y = model.predict(x, verbose=0)
    model.save(name + ".h5")
    model.save(name + ".keras")
    with h5py.File(name + "_inputs_and_outputs.h5", "w") as f:
        f.attrs["keras_version"] = keras.__version__
        f.attrs["backend"] = keras.backend.backend()
        f.create_dataset("inputs/input", data=x)
        f.create_dataset("outputs/output", data=y)


def cnn():
    m = keras.Sequential([
        keras.Input((8, 8, 3)),
        layers.Conv2D(4, 3, activation="relu", name="conv_a"),
        layers.BatchNormalization(name="norm"),
        layers.MaxPooling2D(2, name="pool"),
        layers.Conv2D(5, 2, padding="same", name="conv_b"),
        layers.Flatten(name="flat"),
        layers.Dense(6, activation="relu", name="hidden"),
        layers.Dense(3, activation="softmax", name="out"),
    ], name="keras3_cnn")
    save(m, "keras3_cnn_bn", rng.normal(0, 1, (6, 8, 8, 3)).astype("float32"))


def lstm():
    m = keras.Sequential([
        keras.Input((7, 3)),
        layers.LSTM(5, name="lstm"),
        layers.Dense(2, activation="softmax", name="out"),
    ], name="keras3_lstm")
    save(m, "keras3_lstm", rng.normal(0, 1, (4, 7, 3)).astype("float32"))


def embedding_lstm():
    m = keras.Sequential([
        keras.Input((9,), dtype="int32"),
        layers.Embedding(20, 6, name="embed"),
        layers.LSTM(4, name="lstm"),
        layers.Dense(1, activation="sigmoid", name="out"),
    ], name="keras3_embedding_lstm")
    save(m, "keras3_embedding_lstm", rng.integers(0, 20, (5, 9)).astype("int32"))


if __name__ == "__main__":
    print("keras", keras.__version__, "backend", keras.backend.backend(), file=sys.stderr)
    cnn()
    lstm()
    embedding_lstm()
