package org.layercanvas.runtime.data;

import java.util.List;
import java.util.Locale;
import org.layercanvas.model.shape.Severity;

/**
 * One thing found while importing or checking a dataset, like the model's diagnostics.
 *
 * @param severity ERROR (training would fail or be meaningless) or WARNING (worth a look)
 * @param code     message key in {@code org.layercanvas.runtime.data.messages}; stable, for tests and tools
 * @param args     message arguments, already formatted as strings
 */
public record Finding(Severity severity, String code, List<String> args) {
    public Finding {
        args = List.copyOf(args);
    }

    static Finding warning(String code, Object... args) {
        return of(Severity.WARNING, code, args);
    }

    static Finding error(String code, Object... args) {
        return of(Severity.ERROR, code, args);
    }

    static Finding of(Severity severity, String code, Object... args) {
        return new Finding(severity, code, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message in the default locale. */
    public String message() {
        return DataMessages.format(code, args.toArray());
    }

    public String message(Locale locale) {
        return DataMessages.format(locale, code, args.toArray());
    }

    @Override
    public String toString() {
        return severity + " " + code + ": " + message(Locale.ROOT);
    }
}
