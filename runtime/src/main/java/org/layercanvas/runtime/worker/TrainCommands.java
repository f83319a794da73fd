package org.layercanvas.runtime.worker;

import static org.layercanvas.runtime.worker.WorkerProtocol.VERSION;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layercanvas.runtime.worker.WorkerProtocol.ProtocolException;
import org.layercanvas.runtime.worker.WorkerProtocol.Train;

/** The {@code train} command's JSON form (docs/worker-protocol.md): its checks, which name the field at fault. */
final class TrainCommands {
    private TrainCommands() {
    }

    /** Reads a {@code train} command: the protocol version, the document and the options. */
    static Train parse(ObjectNode o) throws ProtocolException {
        JsonNode protocol = o.get("protocol");
        if (protocol == null || !protocol.canConvertToInt() || !protocol.isIntegralNumber()) {
            throw new ProtocolException("train: 'protocol' must be the protocol version, " + VERSION);
        }
        if (protocol.intValue() != VERSION) {
            throw new ProtocolException("train: protocol " + protocol.intValue() + " is not supported;"
                    + " this worker speaks protocol " + VERSION);
        }
        JsonNode document = o.get("document");
        if (document == null || !document.isObject()) {
            throw new ProtocolException("train: 'document' must be the .lcnet JSON object");
        }
        JsonNode options = o.get("options");
        String device = org.layercanvas.runtime.device.DeviceRequest.AUTO.toString();
        int threads = 0;
        int boundaryMillis = 0;
        String weights = null;
        if (options != null && !options.isNull()) {
            if (!options.isObject()) {
                throw new ProtocolException("train: 'options' must be an object {device, threads}");
            }
            JsonNode d = options.get("device");
            if (d != null && !d.isNull()) {
                if (!d.isTextual()) {
                    throw new ProtocolException("train: 'options.device' must be auto, cpu or gpu");
                }
                device = d.textValue();
            }
            JsonNode th = options.get("threads");
            if (th != null && !th.isNull()) {
                if (!th.isIntegralNumber() || !th.canConvertToInt() || th.intValue() < 0) {
                    throw new ProtocolException("train: 'options.threads' must be a whole number >= 0");
                }
                threads = th.intValue();
            }
            JsonNode b = options.get("boundaryMillis");
            if (b != null && !b.isNull()) {
                if (!b.isIntegralNumber() || !b.canConvertToInt() || b.intValue() < 0) {
                    throw new ProtocolException("train: 'options.boundaryMillis' must be a whole number >= 0");
                }
                boundaryMillis = b.intValue();
            }
            JsonNode w = options.get("weights");
            if (w != null && !w.isNull()) {
                if (!w.isTextual() || w.textValue().isBlank()) {
                    throw new ProtocolException("train: 'options.weights' must be the path of a weights file");
                }
                weights = w.textValue();
            }
        }
        return new Train(protocol.intValue(), document, device, threads, boundaryMillis, weights);
    }
}
