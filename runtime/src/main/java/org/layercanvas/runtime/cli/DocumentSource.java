package org.layercanvas.runtime.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.layercanvas.model.NetworkDocument;
import org.layercanvas.model.io.DocumentFormatException;
import org.layercanvas.model.io.DocumentJson;
import org.layercanvas.samples.Samples;

/** Reads the document a command names: a file path, or {@code sample:NAME} for a bundled sample. */
final class DocumentSource {
    static final String SAMPLE_PREFIX = "sample:";

    /** Why a document could not be read; the message is one line, {@code where: what}. */
    static final class LoadException extends Exception {
        private static final long serialVersionUID = 1L;

        LoadException(String where, String what) {
            super(Text.get("labelled", where, what));
        }

        LoadException(DocumentFormatException e) {
            super(e.getMessage(), e);
        }
    }

    private DocumentSource() {
    }

    static NetworkDocument load(String argument) throws LoadException {
        if (argument.startsWith(SAMPLE_PREFIX)) {
            String name = argument.substring(SAMPLE_PREFIX.length());
            String json = Samples.text(name).orElseThrow(() -> new LoadException(argument,
                    Text.get("sample.unknown", name, String.join(", ", Samples.names()))));
            return parse(json, argument);
        }
        Path path = Path.of(argument);
        if (Files.isDirectory(path)) {
            throw new LoadException(argument, Text.get("file.isDirectory"));
        }
        try {
            return DocumentJson.read(path);
        } catch (NoSuchFileException e) {
            throw new LoadException(argument, Text.get("file.notFound"));
        } catch (DocumentFormatException e) {
            throw new LoadException(e);
        } catch (IOException e) {
            throw new LoadException(argument, Text.get("file.unreadable", String.valueOf(e.getMessage())));
        }
    }

    /** Loads the document, or prints why not as one {@code error:} line and returns null. */
    /** The folder relative dataset paths of {@code argument}'s document start from: its file's, or the working one. */
    static java.nio.file.Path folderOf(String argument) {
        if (argument.startsWith(SAMPLE_PREFIX)) {
            return java.nio.file.Path.of("").toAbsolutePath();
        }
        java.nio.file.Path parent = java.nio.file.Path.of(argument).toAbsolutePath().getParent();
        return parent == null ? java.nio.file.Path.of("").toAbsolutePath() : parent;
    }

    static NetworkDocument loadOrReport(String argument, java.io.PrintWriter err) {
        try {
            return load(argument);
        } catch (LoadException e) {
            err.println(Text.get("line.error", e.getMessage()));
            return null;
        }
    }

    /** Prints each error of an analysis as one {@code error: <where>: <what>} line; returns whether there were any. */
    static boolean reportErrors(org.layercanvas.model.shape.Analysis analysis, java.io.PrintWriter err) {
        for (org.layercanvas.model.shape.Diagnostic d : analysis.errors()) {
            err.println(Text.get("line.error", Text.get("labelled", d.location(), d.message())));
        }
        return analysis.hasErrors();
    }

    private static NetworkDocument parse(String json, String name) throws LoadException {
        try {
            return DocumentJson.read(json, name);
        } catch (DocumentFormatException e) {
            throw new LoadException(e);
        }
    }
}
