package org.layercanvas.runtime.worker;

/**
 * One line the worker wrote to stdout, sorted: a protocol message, or text that belongs with stderr (native code
 * can write to file descriptor 1 directly, and a line may not parse), or nothing (a blank line).
 *
 * @param message    the protocol message, or null
 * @param stderrNote the line as the crash report's stderr lines keep it, or null
 */
record StdoutLine(WorkerProtocol.Message message, String stderrNote) {
    private static final StdoutLine BLANK = new StdoutLine(null, null);

    static StdoutLine parse(String line) {
        if (line.isBlank()) {
            return BLANK;
        }
        if (!line.startsWith("{")) {
            return new StdoutLine(null, "(stdout) " + line);
        }
        try {
            return new StdoutLine(WorkerProtocol.parseMessage(line), null);
        } catch (WorkerProtocol.ProtocolException e) {
            return new StdoutLine(null, "(stdout, unreadable: " + e.getMessage() + ") " + line);
        }
    }
}
