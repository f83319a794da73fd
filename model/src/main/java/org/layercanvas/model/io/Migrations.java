package org.layercanvas.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Upgrades the JSON tree of an older format version to {@link DocumentJson#FORMAT_VERSION} before binding.
 *
 * <p>When format version N+1 is introduced: bump {@code FORMAT_VERSION}, add an entry {@code N -> step} to
 * {@link #STEPS} whose step turns a version-N tree into a version-(N+1) tree (and sets {@code formatVersion} to
 * N+1), keep the version-N golden file in the tests and add one for N+1. Steps are applied in order, so a
 * version-1 file read by a version-3 reader passes through 1&rarr;2 and 2&rarr;3. Steps must not throw for any
 * tree that the version-N reader accepted. Version 1 is the first version, so there are no steps yet.
 */
final class Migrations {
    /** {@code fromVersion -> step to fromVersion + 1}. */
    private static final Map<Integer, UnaryOperator<JsonNode>> STEPS = Map.of();

    private Migrations() {
    }

    /** The tree upgraded from {@code version} to the current format; the same tree when already current. */
    static JsonNode upgrade(JsonNode root, int version) {
        return upgrade(root, version, DocumentJson.FORMAT_VERSION, STEPS);
    }

    static JsonNode upgrade(JsonNode root, int version, int target, Map<Integer, UnaryOperator<JsonNode>> steps) {
        JsonNode tree = root;
        for (int v = version; v < target; v++) {
            UnaryOperator<JsonNode> step = steps.get(v);
            if (step == null) {
                throw new IllegalStateException("no migration from format version " + v + " to " + (v + 1));
            }
            tree = step.apply(tree);
        }
        return tree;
    }
}
