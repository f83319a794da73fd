"""Writes small Keras 3 models, with weights drawn from a seeded generator, and the predictions Keras makes for
seeded inputs. Run with KERAS_BACKEND=jax (the files beside this were made so), naming the models to make (none:
the first three). Each model is saved twice: as a full-model HDF5 file (model.save("x.h5")) and as a Keras 3
archive (model.save("x.keras")); NAME_inputs_and_outputs.h5 holds inputs/input and outputs/output."""
import sys
import h5py
import numpy as np
import keras
from keras import layers

rng = np.random.default_rng(20261204)


def randomise(model, generator=None):
    gen = generator or rng
    for layer in model.layers:
        values = []
        for w in layer.weights:
            shape = tuple(w.shape)
            if "variance" in w.path:
                values.append(gen.uniform(0.5, 2.0, shape).astype("float32"))
            else:
                values.append(gen.normal(0.0, 0.5, shape).astype("float32"))
        if values:
            layer.set_weights(values)


def save(model, name, x, generator=None):
    randomise(model, generator)
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


def bidirectional(sequences):
    own = np.random.default_rng(7 if sequences else 8)
    head = [layers.GlobalAveragePooling1D(name="pool")] if sequences else []
    m = keras.Sequential([
        keras.Input((6, 3)),
        layers.Bidirectional(layers.LSTM(4, return_sequences=sequences), name="bilstm"),
        *head,
        layers.Dense(2, activation="softmax", name="out"),
    ], name="keras3_bilstm")
    name = "keras3_bilstm_sequences" if sequences else "keras3_bilstm_last"
    save(m, name, own.normal(0, 1, (4, 6, 3)).astype("float32"), own)


def rnn_norm():
    own = np.random.default_rng(9)
    m = keras.Sequential([
        keras.Input((5, 3)),
        layers.SimpleRNN(4, return_sequences=True, name="rnn"),
        layers.LayerNormalization(name="norm"),
        layers.GlobalAveragePooling1D(name="pool"),
        layers.Dense(1, activation="sigmoid", name="out"),
    ], name="keras3_rnn_norm")
    save(m, "keras3_rnn_norm", own.normal(0, 1, (4, 5, 3)).astype("float32"), own)


def flatten_sequence():
    own = np.random.default_rng(10)
    m = keras.Sequential([
        keras.Input((4, 3)),
        layers.SimpleRNN(5, return_sequences=True, name="rnn"),
        layers.Flatten(name="flat"),
        layers.Dense(2, activation="softmax", name="out"),
    ], name="keras3_flatten_sequence")
    save(m, "keras3_flatten_sequence", own.normal(0, 1, (4, 4, 3)).astype("float32"), own)


def embedding_flatten():
    own = np.random.default_rng(11)
    m = keras.Sequential([
        keras.Input((6,), dtype="int32"),
        layers.Embedding(15, 4, name="embed"),
        layers.Flatten(name="flat"),
        layers.Dense(1, activation="sigmoid", name="out"),
    ], name="keras3_embedding_flatten")
    save(m, "keras3_embedding_flatten", own.integers(0, 15, (5, 6)).astype("int32"), own)


def cnn_same():
    own = np.random.default_rng(12)
    m = keras.Sequential([
        keras.Input((9, 9, 2)),
        layers.Conv2D(3, 3, strides=2, padding="same", activation="relu", name="conv_s2"),
        layers.AveragePooling2D(2, padding="same", name="avg"),
        layers.Conv2D(4, 2, dilation_rate=2, padding="same", name="conv_d2"),
        layers.MaxPooling2D(2, padding="same", name="max"),
        layers.Flatten(name="flat"),
        layers.Dense(3, activation="softmax", name="out"),
    ], name="keras3_cnn_same")
    save(m, "keras3_cnn_same", own.normal(0, 1, (5, 9, 9, 2)).astype("float32"), own)


def cnn_global():
    own = np.random.default_rng(13)
    inp = keras.Input((6, 6, 3), name="image")
    a = layers.Conv2D(4, 3, padding="same", activation="relu", name="conv_a")(inp)
    b = layers.Conv2D(4, 1, name="conv_b")(inp)
    x = layers.Add(name="add")([a, b])
    x = layers.BatchNormalization(name="norm")(x)
    x = layers.GlobalAveragePooling2D(name="pool")(x)
    out = layers.Dense(2, activation="softmax", name="out")(x)
    m = keras.Model(inp, out, name="keras3_cnn_global")
    save(m, "keras3_cnn_global", own.normal(0, 1, (4, 6, 6, 3)).astype("float32"), own)


def lstm_hard_sigmoid():
    """Keras 3's hard_sigmoid is relu6(x + 3) / 6, not Keras 2's clip(0.2 x + 0.5): its weights are refused."""
    own = np.random.default_rng(14)
    m = keras.Sequential([
        keras.Input((6, 3)),
        layers.LSTM(4, recurrent_activation="hard_sigmoid", name="lstm"),
        layers.Dense(2, activation="softmax", name="out"),
    ], name="keras3_lstm_hard_sigmoid")
    save(m, "keras3_lstm_hard_sigmoid", own.normal(0, 1, (4, 6, 3)).astype("float32"), own)


MODELS = {"cnn": cnn, "lstm": lstm, "embedding_lstm": embedding_lstm,
          "bilstm_sequences": lambda: bidirectional(True), "bilstm_last": lambda: bidirectional(False),
          "rnn_norm": rnn_norm, "flatten_sequence": flatten_sequence, "embedding_flatten": embedding_flatten,
          "cnn_same": cnn_same, "cnn_global": cnn_global, "lstm_hard_sigmoid": lstm_hard_sigmoid}

if __name__ == "__main__":
    print("keras", keras.__version__, "backend", keras.backend.backend(), file=sys.stderr)
    # the first three were made in one run, in this order, from the shared generator
    for which in sys.argv[1:] or ["cnn", "lstm", "embedding_lstm"]:
        MODELS[which]()
