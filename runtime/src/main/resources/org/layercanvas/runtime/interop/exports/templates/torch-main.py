def make_loss():
    return {{LOSS}}


def make_optimizer(parameters):
    return {{OPTIMIZER}}


def summary():
    """Builds the network, runs two all-zero examples through it, and prints its layers and parameter count."""
    model = Network().eval()
    dtype = torch.long if INPUT_KIND == "tokens" else torch.float32
    with torch.no_grad():
        out = model(torch.zeros((2,) + INPUT_SHAPE, dtype=dtype))
    print(model)
    print("output", tuple(out.shape[1:]))
    print("parameters", count_parameters(model))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="a CSV file of examples: features, then the label")
    parser.add_argument("--summary", action="store_true", help="print the layers and parameter count, then exit")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs to train (default: the document's)")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    if args.summary:
        summary()
        return
    # torchrun sets WORLD_SIZE, RANK and LOCAL_RANK; a plain "python3 PROGRAM.py" trains in one process.
    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1
    cuda = torch.cuda.is_available()
    local_rank = int(os.environ.get("LOCAL_RANK", "0"))
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
        if cuda:
            torch.cuda.set_device(local_rank)
    rank = dist.get_rank() if distributed else 0
    device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")
    model = Network().to(device)
    net = DDP(model, device_ids=[local_rank] if cuda else None) if distributed else model

    x, y = load_data(args.data)
    data = TensorDataset(x, y)
    validation = int(len(data) * VALIDATION_FRACTION)
    train_set, val_set = random_split(data, [len(data) - validation, validation],
                                      generator=torch.Generator().manual_seed(SEED))
    sampler = DistributedSampler(train_set, shuffle=True, seed=SEED) if distributed else None
    loader = DataLoader(train_set, batch_size=BATCH_SIZE, shuffle=sampler is None, sampler=sampler)
    val_loader = DataLoader(val_set, batch_size=BATCH_SIZE)

    loss_fn = make_loss()
    optimizer = make_optimizer([p for p in net.parameters() if p.requires_grad])
    schedule = torch.optim.lr_scheduler.LambdaLR(optimizer, lambda epoch: ({{SCHEDULE}}) / LEARNING_RATE)
    best, waited = float("inf"), 0
    for epoch in range(args.epochs):
        if sampler is not None:
            sampler.set_epoch(epoch)
        net.train()
        total, count = 0.0, 0
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = loss_fn(net(xb), yb)
            loss.backward()
            if GRADIENT_CLIP > 0:
                torch.nn.utils.clip_grad_norm_(net.parameters(), GRADIENT_CLIP)
            optimizer.step()
            total, count = total + loss.item() * len(xb), count + len(xb)
        schedule.step()
        seen = count
        if distributed:  # the epoch's loss over every process's share of the examples
            sums = torch.tensor([total, count], dtype=torch.float64, device=device)
            dist.all_reduce(sums)
            total, count = sums[0].item(), int(sums[1].item())
        val_loss = evaluate(net, val_loader, loss_fn, device)
        if rank == 0:
            say(f"epoch {epoch + 1}/{args.epochs}  loss {total / max(count, 1):.4f}  val_loss {val_loss:.4f}")
        if EARLY_STOPPING_PATIENCE > 0 and not distributed:
            best, waited = (val_loss, 0) if val_loss < best else (best, waited + 1)
            if waited >= EARLY_STOPPING_PATIENCE:
                break
    say(f"process {rank} of {dist.get_world_size() if distributed else 1}: trained on {seen} examples an epoch")
    if rank == 0:
        torch.save(model.state_dict(), "model.pt")
    if distributed:
        dist.barrier()  # leave together
        dist.destroy_process_group()
        # Gloo's threads can abort the interpreter's own shutdown (SIGABRT, "terminate called without an active
        # exception") after all work is done; everything is written, so leave without that shutdown.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)


def say(line):
    """Writes a whole line at once: under torchrun the processes share one output, and print() may write the text
    and its line end separately, letting another process's line in between."""
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def evaluate(net, loader, loss_fn, device):
    net.eval()
    total, count = 0.0, 0
    with torch.no_grad():
        for xb, yb in loader:
            xb, yb = xb.to(device), yb.to(device)
            total, count = total + loss_fn(net(xb), yb).item() * len(xb), count + len(xb)
    return total / max(count, 1)


if __name__ == "__main__":
    main()
