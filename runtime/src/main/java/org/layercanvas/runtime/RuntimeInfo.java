package org.layercanvas.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions of this build, filled in by Maven resource filtering. */
public final class RuntimeInfo {
    private static final Properties PROPS = load();

    private RuntimeInfo() {
    }

    public static String version() {
        return PROPS.getProperty("layercanvas.version", "unknown");
    }

    public static String dl4jVersion() {
        return PROPS.getProperty("dl4j.version", "unknown");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = RuntimeInfo.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
