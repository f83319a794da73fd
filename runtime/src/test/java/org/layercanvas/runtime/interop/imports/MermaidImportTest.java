package org.layercanvas.runtime.interop.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.failure;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.node;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.params;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.texts;
import static org.layercanvas.runtime.interop.imports.ImportFixtures.write;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.model.Edge;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.layers.LayerType;

/** Mermaid flowcharts as course documents write them, to documents; unknown labels named with their line. */
class MermaidImportTest {
    @TempDir
    Path dir;

    @Test
    void courseBookMlpFlowchart() throws Exception {
        NetworkDocument doc = Importers.read(write(dir, "mlp.mmd", """
                %% the MNIST network of chapter 3
                flowchart TD
                    A[Input 28x28x1] --> B[Flatten]
                    B --> C[Dense 128 relu]
                    C --> D(Dropout 0.2)
                    D --> E[["Output 10 softmax"]]
                """)).document();
        assertThat(doc.nodes()).extracting(n -> n.type()).containsExactly(LayerType.INPUT, LayerType.FLATTEN,
                LayerType.DENSE, LayerType.DROPOUT, LayerType.OUTPUT);
        assertThat(node(doc, "C").params()).containsEntry("units", 128).containsEntry("activation", "relu");
        assertThat(node(doc, "D").params()).containsEntry("rate", 0.2);
        assertThat(node(doc, "E").params()).containsEntry("units", 10).containsEntry("loss", "softmax_ce");
        assertThat(params(doc)).isEqualTo(101_770);
        KerasWrittenJsonTest.assertTopToBottom(doc);
    }

    @Test
    void chainsBranchesAndLabelledArrows() throws Exception {
        NetworkDocument doc = Importers.read(write(dir, "res.mmd", """
                graph TD;
                  in[Input 32x32x3] --> c1[Conv2D 16 3x3 same relu] --> c2[Conv2D 16 3x3 same relu]
                  in -->|skip| p[Conv2D 16 1x1 same identity]
                  c2 & p --> sum((Add))
                  sum --> gap[GlobalAvgPool] ==> out[Output 10 softmax]
                  style sum fill:#f9f
                """)).document();
        assertThat(doc.edgesInto("sum")).extracting(e -> e.from().nodeId()).containsExactlyInAnyOrder("c2", "p");
        assertThat(doc.edges()).contains(Edge.of("in", "p"), Edge.of("gap", "out"));
        assertThat(node(doc, "c1").params()).containsEntry("filters", 16).containsEntry("kernel", 3)
                .containsEntry("padding", "same");
        // 3*3*3*16+16, 3*3*16*16+16, 1*1*3*16+16, 16*10+10
        assertThat(params(doc)).isEqualTo(448 + 2320 + 64 + 170);
    }

    @Test
    void sequencesAndKeyValueParameters() throws Exception {
        NetworkDocument doc = Importers.read(write(dir, "seq.mmd", """
                flowchart TB
                  w[Input tokens 40 vocab 2000] --> e[Embedding 32]
                  e --> l1[LSTM 64 return_sequences] --> l2[LSTM units=32]
                  l2 --> o[Output 1 sigmoid]
                """)).document();
        assertThat(node(doc, "w").params()).containsEntry("kind", "tokens").containsEntry("length", 40)
                .containsEntry("vocabSize", 2000);
        assertThat(node(doc, "l1").params()).containsEntry("returnSequences", true);
        assertThat(node(doc, "l2").params()).containsEntry("units", 32);
        assertThat(node(doc, "o").params()).containsEntry("loss", "sigmoid_bce");
    }

    @Test
    void unknownLabelsAreNamedWithTheirLineNumbers() {
        ImportException e = failure(writeUnchecked("bad.mmd", """
                flowchart TD
                  A[Input 784] --> B[Dense 64 relu]
                  B --> C[Transformer 8]
                  C --> D[Dense 10 swish]
                """));
        assertThat(e.unreadable()).isFalse();
        assertThat(texts(e)).containsExactly(
                "bad.mmd:3: node C [Transformer 8]: \"Transformer\" is not a layer name (Input, Dense, Conv2D, "
                        + "MaxPool2D, AvgPool2D, GlobalAvgPool, Flatten, Dropout, BatchNorm, LayerNorm, Embedding, "
                        + "LSTM, SimpleRNN, SelfAttention, Add, Concatenate, Activation, Output)",
                "bad.mmd:4: node D [Dense 10 swish]: \"swish\" means nothing for a Dense layer");
    }

    @Test
    void syntaxProblemsNameTheLine() {
        assertThat(texts(failure(writeUnchecked("open.mmd", "flowchart TD\n  A[Input 3 --> B[Output 1]\n"))))
                .singleElement().asString().startsWith("open.mmd:2: a bracket is not closed");
        assertThat(texts(failure(writeUnchecked("head.mmd", "flowchart TD\nA[Input 3] --> --> B\n"))))
                .singleElement().asString().startsWith("head.mmd:2: cannot read this statement");
        assertThat(texts(failure(writeUnchecked("noshape.mmd", "graph TD\n  A[Input] --> B[Output 2 softmax]\n"))))
                .singleElement().asString().startsWith("noshape.mmd:2: node A [Input]: an Input needs its shape");
    }

    private Path writeUnchecked(String name, String text) {
        try {
            return write(dir, name, text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
