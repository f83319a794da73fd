package org.layercanvas.runtime.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.layercanvas.model.data.DatasetCatalog;
import org.layercanvas.runtime.data.DataContext;
import org.layercanvas.runtime.data.DatasetException;
import org.layercanvas.runtime.data.DatasetLoader;
import org.layercanvas.runtime.data.download.CancelledException;
import org.layercanvas.runtime.data.download.DownloadProgress;
import org.layercanvas.runtime.data.download.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code layercanvas datasets [fetch ID...]}: every dataset with where it comes from and, for the downloaded ones,
 * whether it is in the cache; {@code fetch} downloads them ahead of time (an instructor preparing a classroom).
 */
@Command(name = "datasets", resourceBundle = "org.layercanvas.runtime.cli.DatasetsCommand",
        mixinStandardHelpOptions = true)
final class DatasetsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "fetch", descriptionKey = "action")
    private String action;

    @Parameters(index = "1..*", arity = "0..*", paramLabel = "ID", descriptionKey = "ids")
    private List<String> ids = List.of();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DataContext ctx = DataContext.offline();
        if (action == null) {
            list(ctx, out);
            return ExitCodes.OK;
        }
        if (!action.equals("fetch")) {
            err.println(Text.get("line.error", Text.get("datasets.unknownAction", action)));
            return ExitCodes.UNREADABLE;
        }
        List<String> wanted = ids.isEmpty() ? DatasetCatalog.DOWNLOADED : ids;
        for (String id : wanted) {
            if (!DatasetCatalog.DOWNLOADED.contains(id)) {
                err.println(Text.get("line.error", Text.get("datasets.notDownloadable", id,
                        String.join(", ", DatasetCatalog.DOWNLOADED))));
                return ExitCodes.UNREADABLE;
            }
        }
        int exit = ExitCodes.OK;
        DataContext fetching = ctx.withDownloads(progressPrinter(err), null);
        for (String id : wanted) {
            try {
                out.println(Text.get("datasets.ready", id, DatasetLoader.ensureFiles(id, fetching)));
            } catch (DatasetException e) {
                err.println(Text.get("line.error", e.getMessage()));
                exit = ExitCodes.TRAINING_FAILED;
            } catch (CancelledException e) {
                err.println(Text.get("line.error", e.getMessage()));
                return ExitCodes.TRAINING_FAILED;
            }
        }
        return exit;
    }

    private static void list(DataContext ctx, PrintWriter out) {
        int width = DatasetCatalog.ALL.stream().mapToInt(String::length).max().orElse(8) + 2;
        for (String id : DatasetCatalog.ALL) {
            String status;
            if (DatasetCatalog.DOWNLOADED.contains(id)) {
                status = DatasetLoader.isAvailable(id, ctx) ? Text.get("datasets.cached")
                        : Text.get("datasets.notCached");
            } else if (id.equals(DatasetCatalog.CSV) || id.equals(DatasetCatalog.IMAGES)) {
                status = Text.get("datasets.imported");
            } else {
                status = Text.get("datasets.builtIn");
            }
            out.printf("%-" + width + "s%s%n", id, status);
        }
        out.println(Text.get("datasets.cacheFolder", ctx.cache().root()));
    }

    /**
     * Prints download progress as one line per file and a line per about 10 % ({@code err} null: prints only
     * warnings to nowhere).
     */
    static ProgressListener progressPrinter(PrintWriter err) {
        if (err == null) {
            return ProgressListener.NONE;
        }
        return new ProgressListener() {
            private String file;
            private int lastTenth = -1;

            @Override
            public void progress(DownloadProgress p) {
                if (!p.file().equals(file)) {
                    file = p.file();
                    lastTenth = -1;
                }
                int tenth = p.fraction().map(f -> (int) (f * 10)).orElse(-1);
                if (tenth != lastTenth || tenth < 0 && p.bytes() % (10 << 20) < 65536) {
                    lastTenth = tenth;
                    err.println(Text.get("datasets.progress", p.file(), megabytes(p.bytes()),
                            p.totalKnown() ? megabytes(p.total()) : "?", megabytes((long) p.bytesPerSecond()),
                            p.eta().map(d -> Long.toString(d.toSeconds())).orElse("?")));
                    err.flush();
                }
            }

            @Override
            public void trying(URI url) {
                err.println(Text.get("datasets.trying", url));
                err.flush();
            }

            @Override
            public void failed(URI url, String reason) {
                err.println(Text.get("line.warning", Text.get("labelled", url, reason)));
                err.flush();
            }

            @Override
            public void warning(String message) {
                err.println(Text.get("line.warning", message));
                err.flush();
            }
        };
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
