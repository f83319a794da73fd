DATASET = {{DATASET}}
INPUT_SHAPE = {{TORCH_SHAPE}}
INPUT_KIND = {{INPUT_KIND}}
CLASSES = {{CLASSES}}
LOSS_NAME = {{LOSS_NAME}}
VOCAB = {{VOCAB}}
VALIDATION_FRACTION = {{VALIDATION_FRACTION}}


{{DATASET_COMMENT}}
# torchvision (when installed) downloads mnist, fashion-mnist and cifar10; for any other dataset pass
# --data FILE.csv: a header line, then one example per line, its features and the label last.
def load_data(path):
    """The training examples as tensors (x, y), x shaped for the Input (images channels-first: N, C, H, W)."""
    downloads = {"mnist": "MNIST", "fashion-mnist": "FashionMNIST", "cifar10": "CIFAR10"}
    if path is None and DATASET in downloads:
        import torchvision
        source = getattr(torchvision.datasets, downloads[DATASET])("data", train=True, download=True)
        x = np.asarray(source.data, dtype="float32") / 255.0
        if x.ndim == 4:
            x = x.transpose(0, 3, 1, 2)  # CIFAR-10 comes channels-last
        y = np.asarray(source.targets)
    elif path is None:
        sys.exit("dataset " + DATASET + " cannot be loaded here: pass --data FILE.csv (features, label last)")
    else:
        table = np.loadtxt(path, delimiter=",", skiprows=1, dtype="float32")
        x, y = table[:, :-1], table[:, -1]
    x = torch.from_numpy(np.ascontiguousarray(x).reshape((len(x),) + INPUT_SHAPE))
    x = x.long() if INPUT_KIND == "tokens" else x.float()
    if LOSS_NAME == "softmax_ce":
        y = torch.from_numpy(np.asarray(y).reshape(-1)).long()
    else:
        y = torch.from_numpy(np.asarray(y, dtype="float32").reshape(len(x), -1))
    return x, y


