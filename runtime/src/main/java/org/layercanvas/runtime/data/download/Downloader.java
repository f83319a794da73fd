package org.layercanvas.runtime.data.download;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.layercanvas.runtime.data.DatasetException;

/**
 * Downloads dataset files into a {@link DatasetCache}. Each address of a file is tried in order; the body is
 * streamed into a temporary {@code .part} file in the dataset's folder while its SHA-256 is computed, then checked
 * (length, hash) and atomically renamed to the final name. A wrong checksum, an HTTP error, a dropped connection or a
 * short body discards the temporary file and moves on to the next address. Nothing partial or corrupt is ever left
 * under the final name.
 *
 * <p>A watchdog closes the body when no byte has arrived for the stall timeout (a server that keeps the connection
 * open but sends nothing would otherwise block the reader forever) and as soon as the cancel token is set, so a
 * cancel takes effect even while a read is waiting.
 */
public final class Downloader {
    static final long PROGRESS_INTERVAL_NANOS = 100_000_000L;
    private static final int CHUNK = 64 * 1024;
    private static final long WATCH_INTERVAL_MILLIS = 100;
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "download-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final DatasetCache cache;
    private final HttpClient client;
    private final Duration responseTimeout;
    private final Duration stallTimeout;

    /**
     * A downloader into {@code cache} with a default HTTP client (redirects followed, 15 s to connect, 60 s for
     * the headers, 60 s without a byte counts as a dropped connection).
     */
    public Downloader(DatasetCache cache) {
        this(cache, HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(15))
                .build(), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    /**
     * @param responseTimeout how long to wait for the response headers of each address
     * @param stallTimeout    how long the body may deliver nothing before the address is given up
     */
    public Downloader(DatasetCache cache, HttpClient client, Duration responseTimeout, Duration stallTimeout) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.client = Objects.requireNonNull(client, "client");
        this.responseTimeout = Objects.requireNonNull(responseTimeout, "responseTimeout");
        this.stallTimeout = Objects.requireNonNull(stallTimeout, "stallTimeout");
    }

    public DatasetCache cache() {
        return cache;
    }

    /**
     * Makes {@code f} of {@code dataset} available in the cache and returns its path. A file already there that
     * matches (see {@link DatasetCache#isPresent}) is used without any request.
     *
     * @throws DatasetException   when every address failed; the message lists each failure and says which file to
     *                            fetch by hand and into which folder
     * @throws CancelledException when {@code cancel} was set (or the thread interrupted); no temporary file is left
     */
    public Path download(String dataset, DatasetFile f, ProgressListener listener, CancelToken cancel)
            throws DatasetException, CancelledException {
        ProgressListener l = listener == null ? ProgressListener.NONE : listener;
        CancelToken token = cancel == null ? CancelToken.none() : cancel;
        Path target = cache.fileFor(dataset, f);
        Path folder = target.getParent();
        try {
            if (cache.isPresent(dataset, f)) {
                return target;
            }
        } catch (IOException e) {
            // Unreadable: download it again; the move below replaces it.
        }
        if (Files.exists(target)) {
            l.warning(DownloadMessages.format("download.existingBad", f.name(), folder));
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw DownloadMessages.error("download.cannotWrite", folder, describe(e));
        }
        List<String> failures = new ArrayList<>();
        for (URI url : f.urls()) {
            checkCancelled(f, token);
            l.trying(url);
            try {
                return attempt(f, url, target, l, token);
            } catch (AttemptFailed e) {
                failures.add(DownloadMessages.format("download.failureLine", url, e.getMessage()));
                l.failed(url, e.getMessage());
            }
        }
        throw DownloadMessages.error("download.allFailed", f.name(), String.join("\n", failures), folder);
    }

    /**
     * Downloads every file of a dataset (each as {@link #download}); files that fail do not stop the others.
     *
     * @throws DatasetException when any file failed; the message names every missing file and the folder for them
     */
    public List<Path> downloadAll(String dataset, List<DatasetFile> files, ProgressListener listener,
            CancelToken cancel) throws DatasetException, CancelledException {
        List<Path> paths = new ArrayList<>();
        List<DatasetFile> missing = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (DatasetFile f : files) {
            try {
                paths.add(download(dataset, f, listener, cancel));
            } catch (DatasetException e) {
                missing.add(f);
                messages.add(e.getMessage());
            }
        }
        if (!missing.isEmpty()) {
            String names = missing.stream().map(DatasetFile::name).collect(Collectors.joining(", "));
            throw new DatasetException(DownloadMessages.format("download.datasetFailed", dataset, names,
                    cache.folderFor(dataset)) + "\n\n" + String.join("\n\n", messages));
        }
        return paths;
    }

    private Path attempt(DatasetFile f, URI url, Path target, ProgressListener l, CancelToken cancel)
            throws AttemptFailed, CancelledException, DatasetException {
        Path folder = target.getParent();
        HttpResponse<InputStream> response = request(f, url);
        Path part = null;
        Watch watch = new Watch(response.body(), cancel, stallTimeout.toNanos());
        try (InputStream body = response.body()) {
            long total = announcedLength(response, f);
            try {
                part = Files.createTempFile(folder, f.name() + ".", ".part");
            } catch (IOException e) {
                throw DownloadMessages.error("download.cannotWrite", folder, describe(e));
            }
            Received got = receive(body, part, f, url, total, l, cancel, watch);
            String seen = verify(got, f, total);
            moveIntoPlace(part, target);
            part = null;
            if (!f.hasKnownHash()) {
                recordHash(f, seen, folder, l);
            }
            return target;
        } catch (IOException e) {
            // Closing the body failed; the file (if moved) is complete and verified.
            if (part == null && Files.exists(target)) {
                return target;
            }
            throw new AttemptFailed(DownloadMessages.format("download.failure.io", describe(e)));
        } finally {
            watch.stop();
            if (part != null) {
                try {
                    Files.deleteIfExists(part);
                } catch (IOException e) {
                    // Best effort; a stray .part never shadows the final name.
                }
            }
        }
    }

    /** Sends the request and waits for the response headers. */
    private HttpResponse<InputStream> request(DatasetFile f, URI url) throws AttemptFailed, CancelledException {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(responseTimeout).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled(f);
        } catch (HttpTimeoutException e) {
            throw new AttemptFailed(DownloadMessages.format("download.failure.timeout"));
        } catch (IOException | IllegalArgumentException e) {
            throw new AttemptFailed(DownloadMessages.format("download.failure.io", describe(e)));
        }
    }

    /** The length the body should have (-1 when unknown); refuses an error status or a length that cannot be. */
    private static long announcedLength(HttpResponse<InputStream> response, DatasetFile f) throws AttemptFailed {
        if (response.statusCode() != 200) {
            throw new AttemptFailed(DownloadMessages.format("download.failure.http", response.statusCode()));
        }
        OptionalLong announced = response.headers().firstValueAsLong("Content-Length");
        if (announced.isPresent() && f.hasKnownSize() && announced.getAsLong() != f.size()) {
            throw new AttemptFailed(DownloadMessages.format("download.failure.length", announced.getAsLong(),
                    f.size()));
        }
        return announced.isPresent() ? announced.getAsLong() : f.size();
    }

    /** What a body delivered: its length and SHA-256. */
    private record Received(long bytes, byte[] sha256) {
    }

    /** Streams the body into {@code part}, hashing and reporting progress, until it ends. */
    private Received receive(InputStream body, Path part, DatasetFile f, URI url, long total, ProgressListener l,
                             CancelToken cancel, Watch watch)
            throws AttemptFailed, CancelledException, DatasetException {
        MessageDigest sha = DatasetCache.newSha256();
        long bytes = 0;
        long start = System.nanoTime();
        long lastReport = start - PROGRESS_INTERVAL_NANOS;
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[CHUNK];
            while (true) {
                checkCancelled(f, cancel);
                int n = read(body, buf, f, cancel, watch, bytes, total);
                if (n < 0) {
                    break;
                }
                watch.lastByteNanos = System.nanoTime();
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    out.write(bb);
                }
                sha.update(buf, 0, n);
                bytes += n;
                long now = System.nanoTime();
                if (now - lastReport >= PROGRESS_INTERVAL_NANOS) {
                    lastReport = now;
                    l.progress(new DownloadProgress(f.name(), url, bytes, total, rate(bytes, start, now)));
                }
            }
            out.force(true);
            l.progress(new DownloadProgress(f.name(), url, bytes, total, rate(bytes, start, System.nanoTime())));
        } catch (IOException e) {
            throw DownloadMessages.error("download.cannotWrite", part.getParent(), describe(e));
        }
        return new Received(bytes, sha.digest());
    }

    /**
     * One read of the body: the bytes read, or -1 at its end. A read that fails or ends because the watchdog closed
     * the body is reported as a cancel or a stall.
     */
    private int read(InputStream body, byte[] buf, DatasetFile f, CancelToken cancel, Watch watch, long bytes,
                     long total) throws AttemptFailed, CancelledException {
        int n;
        try {
            n = body.read(buf);
        } catch (IOException e) {
            checkCancelled(f, cancel);
            if (watch.stalled) {
                throw new AttemptFailed(DownloadMessages.format("download.failure.stalled", bytes,
                        stallTimeout.toSeconds()));
            }
            throw new AttemptFailed(total >= 0
                    ? DownloadMessages.format("download.failure.short", bytes, total, describe(e))
                    : DownloadMessages.format("download.failure.io", describe(e)));
        }
        if (n < 0) {
            checkCancelled(f, cancel);
            if (watch.stalled) {
                throw new AttemptFailed(DownloadMessages.format("download.failure.stalled", bytes,
                        stallTimeout.toSeconds()));
            }
        }
        return n;
    }

    /** Checks the length and hash of what was received; returns the hash in hex. */
    private static String verify(Received got, DatasetFile f, long total) throws AttemptFailed {
        long bytes = got.bytes();
        if (total >= 0 && bytes < total) {
            throw new AttemptFailed(DownloadMessages.format("download.failure.short", bytes, total, "EOF"));
        }
        if ((total >= 0 && bytes != total) || (f.hasKnownSize() && bytes != f.size())) {
            throw new AttemptFailed(DownloadMessages.format("download.failure.size", bytes,
                    f.hasKnownSize() ? f.size() : total));
        }
        String seen = HexFormat.of().formatHex(got.sha256());
        if (f.hasKnownHash() && !f.sha256().equals(seen)) {
            throw new AttemptFailed(DownloadMessages.format("download.failure.checksum", seen, f.sha256()));
        }
        return seen;
    }

    /** Writes the hash of a file that came without one next to it, and warns that it was not checked. */
    private static void recordHash(DatasetFile f, String seen, Path folder, ProgressListener l) {
        Path record = folder.resolve(f.name() + DatasetCache.HASH_SUFFIX);
        try {
            Files.writeString(record, seen + "  " + f.name() + "\n");
        } catch (IOException e) {
            // Only informative; the warning below still carries the hash.
        }
        l.warning(DownloadMessages.format("download.noChecksum", f.name(), seen, record));
    }

    private static void moveIntoPlace(Path part, Path target) throws DatasetException {
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw DownloadMessages.error("download.cannotWrite", target.getParent(), describe(e));
        }
    }

    private static double rate(long bytes, long start, long now) {
        long elapsed = now - start;
        return elapsed <= 0 ? 0 : bytes * 1e9 / elapsed;
    }

    private static void checkCancelled(DatasetFile f, CancelToken cancel) throws CancelledException {
        if (cancel.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw cancelled(f);
        }
    }

    private static CancelledException cancelled(DatasetFile f) {
        return new CancelledException(DownloadMessages.format("download.cancelled", f.name()));
    }

    /** A network failure in plain words (the JDK's own messages are often empty or technical). */
    private static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.UnknownHostException) {
                return DownloadMessages.format("download.reason.unknownHost", t.getMessage());
            }
            if (t instanceof java.net.http.HttpConnectTimeoutException || t instanceof java.net.SocketTimeoutException) {
                return DownloadMessages.format("download.reason.timeout");
            }
            if (t instanceof java.net.ConnectException) {
                return DownloadMessages.format("download.reason.connect");
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return DownloadMessages.format("download.reason.tls", String.valueOf(t.getMessage()));
            }
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** Closes a response body that stalls or whose download is cancelled, which unblocks a waiting read. */
    private static final class Watch {
        private final InputStream body;
        private final CancelToken cancel;
        private final long stallNanos;
        private final ScheduledFuture<?> task;
        volatile long lastByteNanos = System.nanoTime();
        volatile boolean stalled;

        Watch(InputStream body, CancelToken cancel, long stallNanos) {
            this.body = body;
            this.cancel = cancel;
            this.stallNanos = stallNanos;
            this.task = WATCHDOG.scheduleWithFixedDelay(this::check, WATCH_INTERVAL_MILLIS, WATCH_INTERVAL_MILLIS,
                    TimeUnit.MILLISECONDS);
        }

        private void check() {
            boolean stall = System.nanoTime() - lastByteNanos > stallNanos;
            if (stall || cancel.isCancelled()) {
                stalled = stall;
                task.cancel(false);
                try {
                    body.close();
                } catch (IOException | RuntimeException e) {
                    // The reader sees the closed stream either way.
                }
            }
        }

        void stop() {
            task.cancel(false);
        }
    }

    /** One address did not deliver a good file; the message is the reason, for the user. */
    private static final class AttemptFailed extends Exception {
        private static final long serialVersionUID = 1L;

        AttemptFailed(String reason) {
            super(reason, null, false, false);
        }
    }
}
