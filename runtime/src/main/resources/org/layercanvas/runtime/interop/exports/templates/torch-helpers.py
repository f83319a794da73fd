def same_pad(x, kernel, stride, value=0.0):
    """Pads an NCHW batch as "same" padding does for any stride: the extra row and column go last."""
    pads = []
    for size in (x.shape[3], x.shape[2]):
        out = -(-size // stride)
        total = max((out - 1) * stride + kernel - size, 0)
        pads += [total // 2, total - total // 2]
    return F.pad(x, pads, value=value)


def single_bias(rnn):
    """One bias per gate, as in Keras and Deeplearning4j: PyTorch's second (recurrent) bias stays zero."""
    for name, p in rnn.named_parameters():
        if name.startswith("bias_hh"):
            nn.init.zeros_(p)
            p.requires_grad_(False)
    return rnn


class SimpleRNN(nn.Module):
    """h_t = activation(x_t W + h_(t-1) U + b), over a batch-first sequence [N, T, F]."""

    def __init__(self, features, units, activation):
        super().__init__()
        self.w = nn.Linear(features, units, bias=True)
        self.u = nn.Linear(units, units, bias=False)
        self.activation = activation

    def forward(self, x):
        h = x.new_zeros((x.shape[0], self.u.in_features))
        steps = []
        for t in range(x.shape[1]):
            h = self.activation(self.w(x[:, t]) + self.u(h))
            steps.append(h)
        return torch.stack(steps, dim=1)


def hard_sigmoid(x):
    """Keras 2's and Deeplearning4j's hard sigmoid, max(0, min(1, 0.2 x + 0.5)); F.hardsigmoid's slope is 1/6."""
    return torch.clamp(0.2 * x + 0.5, 0.0, 1.0)


class GatedLSTM(nn.Module):
    """An LSTM whose input, forget and output gates apply `gate` (nn.LSTM's are always sigmoid), over a
    batch-first sequence [N, T, F]; one bias per gate. Gives [N, T, units] per direction, forward first."""

    def __init__(self, features, units, bidirectional, gate):
        super().__init__()
        directions = 2 if bidirectional else 1
        self.w = nn.ModuleList(nn.Linear(features, 4 * units) for _ in range(directions))
        self.u = nn.ModuleList(nn.Linear(units, 4 * units, bias=False) for _ in range(directions))
        self.gate = gate

    def run(self, x, w, u):
        h = x.new_zeros((x.shape[0], u.in_features))
        c = h
        steps = []
        for t in range(x.shape[1]):
            i, f, g, o = (w(x[:, t]) + u(h)).chunk(4, dim=1)
            c = self.gate(f) * c + self.gate(i) * torch.tanh(g)
            h = self.gate(o) * torch.tanh(c)
            steps.append(h)
        return torch.stack(steps, dim=1)

    def forward(self, x):
        out = [self.run(x, self.w[0], self.u[0])]
        if len(self.w) > 1:
            out.append(self.run(x.flip(1), self.w[1], self.u[1]).flip(1))
        return torch.cat(out, dim=2)


class SelfAttention(nn.Module):
    """Multi-head dot-product self-attention over [N, T, F] with input and output projections, no biases."""

    def __init__(self, features, heads, head_size):
        super().__init__()
        self.heads, self.head_size = heads, head_size
        self.query = nn.Linear(features, heads * head_size, bias=False)
        self.key = nn.Linear(features, heads * head_size, bias=False)
        self.value = nn.Linear(features, heads * head_size, bias=False)
        self.out = nn.Linear(heads * head_size, features, bias=False)

    def forward(self, x):
        n, t, _ = x.shape
        split = lambda y: y.view(n, t, self.heads, self.head_size).transpose(1, 2)
        q, k, v = split(self.query(x)), split(self.key(x)), split(self.value(x))
        weights = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(self.head_size), dim=-1)
        return self.out((weights @ v).transpose(1, 2).reshape(n, t, self.heads * self.head_size))


def count_parameters(model):
    """Trainable parameters plus batch-norm running statistics: the count Keras and LayerCanvas show."""
    count = sum(p.numel() for p in model.parameters() if p.requires_grad)
    count += sum(b.numel() for name, b in model.named_buffers() if name.endswith(("running_mean", "running_var")))
    return count


