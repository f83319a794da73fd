def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", help="a CSV file of examples: features, then the label")
    parser.add_argument("--summary", action="store_true", help="print the layers and parameter count, then exit")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="epochs to train (default: the document's)")
    args = parser.parse_args()
    keras.utils.set_random_seed(SEED)
    model = build_model()
    if args.summary:
        model.summary()
        print("parameters", model.count_params())
        return
    model.compile(optimizer=make_optimizer(), loss={{LOSS}}, metrics=["accuracy"])
    x, y = load_data(args.data)
    callbacks = [keras.callbacks.LearningRateScheduler(lambda epoch: {{SCHEDULE}})]
    if EARLY_STOPPING_PATIENCE > 0:
        callbacks.append(keras.callbacks.EarlyStopping(patience=EARLY_STOPPING_PATIENCE, restore_best_weights=True))
    # A progress bar on a terminal; one line an epoch in a log or a pipe.
    model.fit(x, y, batch_size=BATCH_SIZE, epochs=args.epochs, validation_split=VALIDATION_FRACTION, shuffle=True,
              callbacks=callbacks, verbose=1 if sys.stdout.isatty() else 2)
    model.save(model.name + ".keras")


if __name__ == "__main__":
    main()
