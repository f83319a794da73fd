package org.layercanvas.runtime.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.samples.Samples;

class ThreadsTest {
    @Test
    void aSessionWithOneThreadRunsOnOneThreadAndReportsIt() throws Exception {
        NetworkDocument doc = DocumentJson.read(Samples.text("xor-2d").orElseThrow(), "xor-2d");
        doc = doc.withTraining(doc.training().withEpochs(1));
        int[] reported = {-1};
        TrainingSession.Result result = new TrainingSession(doc, new TrainingSession.Options("cpu", 1), e -> {
            if (e instanceof TrainingEvent.Started s) {
                reported[0] = s.threads();
            }
        }).run();
        assertThat(result.succeeded()).isTrue();
        assertThat(reported[0]).isEqualTo(1);
        assertThat(Threads.current()).isEqualTo(1);
    }
}
