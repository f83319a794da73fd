package org.layercanvas.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.layercanvas.runtime.train.EventJson;
import org.layercanvas.runtime.worker.WorkerProtocol.Bye;
import org.layercanvas.runtime.worker.WorkerProtocol.Error;
import org.layercanvas.runtime.worker.WorkerProtocol.Event;
import org.layercanvas.runtime.worker.WorkerProtocol.Hello;
import org.layercanvas.runtime.worker.WorkerProtocol.Inspection;
import org.layercanvas.runtime.worker.WorkerProtocol.Message;
import org.layercanvas.runtime.worker.WorkerProtocol.Prediction;
import org.layercanvas.runtime.worker.WorkerProtocol.ProtocolException;
import org.layercanvas.runtime.worker.WorkerProtocol.Ready;
import org.layercanvas.runtime.worker.WorkerProtocol.Saved;
import org.layercanvas.runtime.worker.WorkerProtocol.Unknown;

/** The worker's lines ({@link WorkerProtocol#toLine(Message)}, {@link WorkerProtocol#parseMessage}) as JSON. */
final class MessageJson {
    private MessageJson() {
    }

    static String write(Message message) {
        if (message instanceof Event e) {
            return EventJson.toJson(e.event());
        }
        ObjectNode o = WorkerProtocol.MAPPER.createObjectNode();
        if (message instanceof Hello h) {
            o.put("type", "hello");
            o.put("protocol", h.protocol());
            o.put("pid", h.pid());
            o.put("javaVersion", h.javaVersion());
        } else if (message instanceof Prediction p) {
            o.put("type", "prediction");
            o.put("requestId", p.requestId());
            o.set("outputs", ProtocolMatrices.write(p.outputs()));
        } else if (message instanceof Saved s) {
            o.put("type", "saved");
            o.put("path", s.path());
            if (s.requestId() != null) {
                o.put("requestId", s.requestId());
            }
        } else if (message instanceof Error e) {
            o.put("type", "error");
            o.put("message", e.message());
            if (e.requestId() != null) {
                o.put("requestId", e.requestId());
            }
        } else if (message instanceof Inspection i) {
            InspectionJson.write(i, o);
        } else if (message instanceof Bye) {
            o.put("type", "bye");
        } else if (message instanceof Ready r) {
            o.put("type", "ready");
            o.put("seconds", r.seconds());
            o.put("cutShort", r.cutShort());
            if (r.problem() != null) {
                o.put("problem", r.problem());
            }
        } else {
            throw new IllegalArgumentException(message + " is not sent over the wire");
        }
        return WorkerProtocol.write(o);
    }

    static Message read(String line) throws ProtocolException {
        ObjectNode o = WorkerProtocol.object(line);
        String type = WorkerProtocol.type(o);
        if (WorkerProtocol.EVENT_TYPES.contains(type)) {
            try {
                return new Event(EventJson.fromJson(line));
            } catch (JsonProcessingException e) {
                throw new ProtocolException(type + ": " + e.getOriginalMessage());
            }
        }
        return switch (type) {
            case "hello" -> new Hello(o.path("protocol").asInt(-1), o.path("pid").asLong(-1),
                    o.path("javaVersion").asText(""));
            case "prediction" -> new Prediction(WorkerProtocol.requestId(o, "prediction", true),
                    ProtocolMatrices.read(o.get("outputs"), "prediction: 'outputs'"));
            case "saved" -> new Saved(o.path("path").asText(""), WorkerProtocol.requestId(o, "saved", false));
            case "error" -> new Error(o.path("message").asText(""), WorkerProtocol.requestId(o, "error", false));
            case "inspection" -> InspectionJson.read(o);
            case "bye" -> new Bye();
            case "ready" -> new Ready(o.path("seconds").asDouble(0), o.path("cutShort").asBoolean(false),
                    o.hasNonNull("problem") ? o.get("problem").asText() : null);
            default -> new Unknown(type, line);
        };
    }
}
