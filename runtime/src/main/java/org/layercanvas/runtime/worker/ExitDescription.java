package org.layercanvas.runtime.worker;

import java.util.List;

/** Why a worker process ended without saying bye, in a sentence for the user, from its exit code and stderr. */
final class ExitDescription {
    private ExitDescription() {
    }

    /**
     * A sentence for the user about a worker that ended without saying bye.
     *
     * @param runEnded whether the run had already finished or failed (the trained model is lost either way)
     */
    static String describe(int exitCode, List<String> stderrLines, boolean runEnded) {
        String what = WorkerMessages.format(runEnded ? "exit.whatAfterRun" : "exit.what");
        String all = String.join("\n", stderrLines);
        if (all.contains("OutOfMemoryError") || all.contains("Cannot allocate memory")
                || all.contains("std::bad_alloc") || all.contains("Out of memory")
                || all.contains("There is insufficient memory")) {
            return WorkerMessages.format("exit.outOfMemory", what, exitCode);
        }
        String meaning = exitMeaning(exitCode);
        String base = meaning == null ? WorkerMessages.format("exit.code", what, exitCode)
                : WorkerMessages.format("exit.codeMeaning", what, exitCode, meaning);
        if (all.contains("A fatal error has been detected by the Java Runtime Environment")) {
            return WorkerMessages.format("exit.nativeCrash", base);
        }
        return base;
    }

    /** What an exit code says about how a process ended, or null. */
    static String exitMeaning(int code) {
        String key = switch (code) {
            case 137 -> "exit.killed";
            case 143 -> "exit.terminated";
            case 134 -> "exit.aborted";
            case 139 -> "exit.segmentationFault";
            case 135 -> "exit.busError";
            case 132 -> "exit.illegalInstruction";
            case 136 -> "exit.arithmeticError";
            case 130 -> "exit.interrupted";
            case -1073741819 -> "exit.accessViolation";
            case -1073741571 -> "exit.stackOverflow";
            case 1 -> "exit.error";
            default -> null;
        };
        return key == null ? null : WorkerMessages.format(key);
    }
}
