package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.model.layers.LayerCatalog;
import org.layercanvas.model.shape.Analysis;
import org.layercanvas.model.shape.ShapeInference;
import org.layercanvas.samples.Samples;

class ThreadPolicyTest {

    private static double work(String sample) throws Exception {
        NetworkDocument doc = DocumentJson.read(Samples.text(sample).orElseThrow(), sample);
        Analysis analysis = new ShapeInference(LayerCatalog.standard()).analyze(doc);
        return ThreadPolicy.multiplyAdds(doc, analysis);
    }

    @Test
    void countsTheMultiplyAddsOfConvolutionAndDenseLayers() throws Exception {
        // conv 3->32 on 32x32 'same' (32*32*32*27), conv 32->64 on 16x16 (16*16*64*288), dense 4096->128, 128->10
        double perExample = 32 * 32 * 32 * 27 + 16 * 16 * 64 * 288 + 4096 * 128 + 128 * 10;
        assertThat(work("cifar10-cnn")).isEqualTo(perExample * 64);
    }

    @Test
    void theSamplesTrainOnOneThread() throws Exception {
        // measured on 2 cores: one thread was as fast or faster for every sample, the CIFAR-10 CNN included
        for (String name : Samples.names()) {
            assertThat(ThreadPolicy.choose(work(name), 2)).as(name).isEqualTo(1);
        }
    }

    @Test
    void aMinibatchOfABillionMultiplyAddsGetsEveryCore() {
        assertThat(ThreadPolicy.choose(2e9, 8)).isEqualTo(8);
        assertThat(ThreadPolicy.choose(2e9, 1)).isEqualTo(1);
        assertThat(ThreadPolicy.choose(ThreadPolicy.PARALLEL_WORK - 1, 8)).isEqualTo(1);
    }
}
