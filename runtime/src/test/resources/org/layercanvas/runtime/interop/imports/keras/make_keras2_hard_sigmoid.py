"""Writes two small models in the layout of a Keras 2 (2.1.x) full-model HDF5 file, by hand, with h5py (Keras 2
itself cannot run on this machine), and the predictions of an independent NumPy LSTM for seeded inputs. Keras 2's
LSTM computes, per step, z = x_t W + h U + b split in the gate blocks i, f, c, o; i, f, o = hard_sigmoid(z_i,
z_f, z_o) with hard_sigmoid(x) = max(0, min(1, 0.2 x + 0.5)) (keras/backend/tensorflow_backend.py of Keras 2.1);
c = f c + i tanh(z_c); h = o tanh(c). A Bidirectional's backward LSTM reads the reversed sequence and its outputs
are reversed back before the concatenation (merge_mode concat, forward first). Nothing here was computed by
LayerCanvas. Run: python make_keras2_hard_sigmoid.py (any Python with NumPy and h5py)."""
import json
import h5py
import numpy as np

KERAS_VERSION = "2.1.3"


def hard_sigmoid(x):
    return np.clip(0.2 * x + 0.5, 0.0, 1.0)


def lstm(x, kernel, recurrent, bias, saturated):
    """x [N, T, F] -> [N, T, units], Keras 2's gate order i, f, c, o."""
    units = recurrent.shape[0]
    h = np.zeros((x.shape[0], units))
    c = np.zeros((x.shape[0], units))
    out = []
    for t in range(x.shape[1]):
        z = x[:, t] @ kernel + h @ recurrent + bias
        zi, zf, zc, zo = (z[:, k * units:(k + 1) * units] for k in range(4))
        for g in (zi, zf, zo):
            saturated.append(np.mean(np.abs(g) >= 2.5))
        i, f, o = hard_sigmoid(zi), hard_sigmoid(zf), hard_sigmoid(zo)
        c = f * c + i * np.tanh(zc)
        h = o * np.tanh(c)
        out.append(h)
    return np.stack(out, axis=1)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def lstm_config(name, units, sequences, input_shape=None):
    c = {"name": name, "trainable": True, "return_sequences": sequences, "return_state": False,
         "go_backwards": False, "stateful": False, "unroll": False, "units": units, "activation": "tanh",
         "recurrent_activation": "hard_sigmoid", "use_bias": True,
         "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg",
                                                                           "distribution": "uniform", "seed": None}},
         "recurrent_initializer": {"class_name": "Orthogonal", "config": {"gain": 1.0, "seed": None}},
         "bias_initializer": {"class_name": "Zeros", "config": {}}, "unit_forget_bias": True,
         "kernel_regularizer": None, "recurrent_regularizer": None, "bias_regularizer": None,
         "activity_regularizer": None, "kernel_constraint": None, "recurrent_constraint": None,
         "bias_constraint": None, "dropout": 0.0, "recurrent_dropout": 0.0, "implementation": 1}
    if input_shape:
        c["batch_input_shape"] = [None, *input_shape]
        c["dtype"] = "float32"
    return c


def dense_config(name, units, activation):
    return {"class_name": "Dense", "config": {
        "name": name, "trainable": True, "units": units, "activation": activation, "use_bias": True,
        "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0, "mode": "fan_avg",
                                                                          "distribution": "uniform", "seed": None}},
        "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": None,
        "bias_regularizer": None, "activity_regularizer": None, "kernel_constraint": None, "bias_constraint": None}}


def write(name, layers, weights, x, y):
    """weights: layer name -> list of (weight name, array), in Keras 2's weight_names order."""
    with h5py.File(name + ".h5", "w") as f:
        f.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
        f.attrs["backend"] = b"tensorflow"
        config = {"class_name": "Sequential", "config": layers}
        f.attrs["model_config"] = json.dumps(config).encode("utf8")
        g = f.create_group("model_weights")
        g.attrs["layer_names"] = [n.encode("utf8") for n in weights]
        g.attrs["backend"] = b"tensorflow"
        g.attrs["keras_version"] = KERAS_VERSION.encode("utf8")
        for layer, named in weights.items():
            lg = g.create_group(layer)
            lg.attrs["weight_names"] = [w.encode("utf8") for w, _ in named]
            for w, a in named:
                lg.create_dataset(w, data=a.astype("float32"))
    with h5py.File(name + "_inputs_and_outputs.h5", "w") as f:
        f.attrs["written_by"] = "make_keras2_hard_sigmoid.py: NumPy LSTM with Keras 2's hard_sigmoid gates"
        f.create_dataset("inputs/input", data=x.astype("float32"))
        f.create_dataset("outputs/output", data=y.astype("float32"))


def lstm_weights(rng, features, units, scale):
    return (rng.normal(0, scale, (features, 4 * units)), rng.normal(0, scale, (units, 4 * units)),
            rng.normal(0, scale, 4 * units))


def single(saturated):
    rng = np.random.default_rng(20261205)
    steps, features, units = 6, 3, 4
    k, r, b = lstm_weights(rng, features, units, 0.9)
    dk, db = rng.normal(0, 0.7, (units, 2)), rng.normal(0, 0.3, 2)
    x = rng.normal(0, 1, (5, steps, features))
    x64 = x.astype("float32").astype("float64")
    k, r, b, dk, db = (a.astype("float32").astype("float64") for a in (k, r, b, dk, db))
    h = lstm(x64, k, r, b, saturated)[:, -1]
    y = softmax(h @ dk + db)
    layers = [{"class_name": "LSTM", "config": lstm_config("lstm_1", units, False, (steps, features))},
              dense_config("dense_1", 2, "softmax")]
    write("keras2_hard_sigmoid_lstm", layers,
          {"lstm_1": [("lstm_1/kernel:0", k), ("lstm_1/recurrent_kernel:0", r), ("lstm_1/bias:0", b)],
           "dense_1": [("dense_1/kernel:0", dk), ("dense_1/bias:0", db)]}, x64, y)


def bidirectional(saturated):
    rng = np.random.default_rng(20261206)
    steps, features, units = 5, 2, 3
    fw = lstm_weights(rng, features, units, 0.9)
    bw = lstm_weights(rng, features, units, 0.9)
    dk, db = rng.normal(0, 0.7, (2 * units, 1)), rng.normal(0, 0.3, 1)
    x = rng.normal(0, 1, (4, steps, features))
    x64 = x.astype("float32").astype("float64")
    fw, bw = [tuple(a.astype("float32").astype("float64") for a in w) for w in (fw, bw)]
    dk, db = (a.astype("float32").astype("float64") for a in (dk, db))
    forward = lstm(x64, *fw, saturated)
    backward = lstm(x64[:, ::-1], *bw, saturated)[:, ::-1]
    pooled = np.concatenate([forward, backward], axis=2).mean(axis=1)
    y = 1 / (1 + np.exp(-(pooled @ dk + db)))
    bi = {"class_name": "Bidirectional", "config": {
        "name": "bidirectional_1", "trainable": True, "batch_input_shape": [None, steps, features],
        "dtype": "float32", "merge_mode": "concat",
        "layer": {"class_name": "LSTM", "config": lstm_config("lstm_1", units, True)}}}
    pool = {"class_name": "GlobalAveragePooling1D", "config": {"name": "pool", "trainable": True}}
    layers = [bi, pool, dense_config("dense_1", 1, "sigmoid")]
    names = [f"bidirectional_1/{d}_lstm_1/{w}:0" for d in ("forward", "backward")
             for w in ("kernel", "recurrent_kernel", "bias")]
    write("keras2_hard_sigmoid_bilstm", layers,
          {"bidirectional_1": list(zip(names, [*fw, *bw])), "pool": [],
           "dense_1": [("dense_1/kernel:0", dk), ("dense_1/bias:0", db)]}, x64, y)


if __name__ == "__main__":
    for make in (single, bidirectional):
        saturated = []
        make(saturated)
        print(make.__name__, "gate values in the flat parts of hard_sigmoid (|z| >= 2.5): %.0f%%"
              % (100 * np.mean(saturated)))
