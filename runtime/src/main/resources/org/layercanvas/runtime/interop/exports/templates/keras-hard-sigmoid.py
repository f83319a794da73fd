@keras.saving.register_keras_serializable(package="layercanvas")
def keras2_hard_sigmoid(x):
    """LSTM gates as in Keras 2 and Deeplearning4j: max(0, min(1, 0.2 x + 0.5)). Keras 3's "hard_sigmoid" is
    relu6(x + 3) / 6, slope 1/6: the same weights would predict differently with it."""
    return keras.ops.clip(0.2 * x + 0.5, 0.0, 1.0)
