package org.layercanvas.runtime.interop.exports;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.layercanvas.model.NetworkDocument;

public final class OnnxExporter {
    public byte[] export(NetworkDocument doc, ComputationGraph graph) throws ExportException {
        throw new UnsupportedOperationException();
    }
}
