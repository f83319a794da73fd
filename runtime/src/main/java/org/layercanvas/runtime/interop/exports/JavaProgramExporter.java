package org.layercanvas.runtime.interop.exports;

import org.layercanvas.model.NetworkDocument;

public final class JavaProgramExporter {
    public String export(NetworkDocument doc) throws ExportException {
        throw new UnsupportedOperationException();
    }
}
