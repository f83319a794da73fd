package org.layercanvas.runtime.engine;

import java.util.Locale;

/** Which engine a run should use: the plan where it covers the network ({@code auto}), or one of them. */
public enum EnginePreference {
    AUTO, PLAN, DL4J;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code auto}, {@code plan} or {@code dl4j} (any case); null for anything else. */
    public static EnginePreference parse(String text) {
        if (text == null) {
            return null;
        }
        for (EnginePreference p : values()) {
            if (p.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        return null;
    }

    /**
     * The preference from the {@code layercanvas.engine} system property ({@code auto} when absent or unknown), so a
     * run can be pinned to an engine without a new option everywhere.
     */
    public static EnginePreference fromSystemProperty() {
        EnginePreference p = parse(System.getProperty("layercanvas.engine"));
        return p == null ? AUTO : p;
    }
}
