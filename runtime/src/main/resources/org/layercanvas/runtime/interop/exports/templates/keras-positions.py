class PositionEmbedding(layers.Layer):
    """Learned positions: one vector per time step, added to the token vectors (Embedding with positions)."""

    def build(self, input_shape):
        self.positions = self.add_weight(shape=tuple(input_shape[1:]), initializer="glorot_uniform",
                                         name="positions")

    def call(self, x):
        return x + self.positions
