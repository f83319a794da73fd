package org.layercanvas.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A drawn input (intensities 0 to 1) becomes what the network receives for a training example of that look. */
class DrawnInputTest {

    @Test
    void digitsLikeDataScalesToItsLargestValueThenNormalises() {
        // two features on the 8x8 digits' scale (0..16)
        Examples train = new Examples(new float[][] {{0, 4}, {16, 8}, {8, 12}}, new int[] {0, 1, 0}, List.of("a", "b"));
        Normalizer n = Normalizer.fit(train, Normalizer.Method.MIN_MAX);
        BatchSource source = BatchSource.of(train, n);

        float[] drawn = source.fromIntensities(new float[] {1f, 0.5f});
        // intensity 1 is 16 (the data's largest value), 0.5 is 8; then the training min-max: (16-0)/16, (8-4)/8
        float[] asExample = new float[2];
        BatchSource.of(new Examples(new float[][] {{16, 8}}, new int[] {1}, List.of("a", "b")), n)
                .features(0, asExample, 0);
        assertThat(drawn[0]).isCloseTo(asExample[0], within(1e-6f)).isCloseTo(1f, within(1e-6f));
        assertThat(drawn[1]).isCloseTo(asExample[1], within(1e-6f)).isCloseTo(0.5f, within(1e-6f));
        // out-of-range intensities are clamped, not extrapolated
        assertThat(source.fromIntensities(new float[] {2f, -1f})).containsExactly(drawn[0], 0f - 4f / 8f);
    }

    @Test
    void byteImagesTakeIntensitiesAsTheirPixelScale() {
        ByteImages images = new ByteImages(new byte[] {0, (byte) 255, 0, (byte) 128}, new int[] {0, 1},
                List.of("a", "b"), 1, 2, 1);
        BatchSource source = BatchSource.of(images);
        float[] pixels = new float[2];
        source.features(0, pixels, 0);
        assertThat(source.fromIntensities(new float[] {0f, 1f})).containsExactly(pixels[0], pixels[1]);
        assertThat(source.fromIntensities(new float[] {0.25f, 1.5f})).containsExactly(0.25f, 1f);
    }
}
