DATASET = {{DATASET}}
INPUT_SHAPE = {{INPUT_SHAPE}}
CLASSES = {{CLASSES}}
LOSS_NAME = {{LOSS_NAME}}
VOCAB = {{VOCAB}}
VALIDATION_FRACTION = {{VALIDATION_FRACTION}}


{{DATASET_COMMENT}}
# Keras downloads mnist, fashion-mnist, cifar10 and imdb itself; for any other dataset pass --data FILE.csv:
# a header line, then one example per line, its features (as many as the Input takes) and the label last.
def load_data(path):
    """The training examples as numpy arrays (x, y), x shaped for the Input layer (images channels-last)."""
    downloads = {"mnist": "mnist", "fashion-mnist": "fashion_mnist", "cifar10": "cifar10"}
    if path is None and DATASET in downloads:
        (x, y), _ = getattr(keras.datasets, downloads[DATASET]).load_data()
        x = x.astype("float32") / 255.0
    elif path is None and DATASET == "imdb":
        (x, y), _ = keras.datasets.imdb.load_data(num_words=VOCAB)
        x = keras.preprocessing.sequence.pad_sequences(x, maxlen=INPUT_SHAPE[0])
    elif path is None:
        sys.exit("dataset " + DATASET + " cannot be loaded here: pass --data FILE.csv (features, label last)")
    else:
        table = np.loadtxt(path, delimiter=",", skiprows=1, dtype="float32")
        x, y = table[:, :-1], table[:, -1]
    x = np.asarray(x).reshape((len(x),) + INPUT_SHAPE)
    y = np.asarray(y).reshape(-1)
    if LOSS_NAME == "softmax_ce":
        y = keras.utils.to_categorical(y.astype("int64"), CLASSES)
    return x, y.astype("float32")


