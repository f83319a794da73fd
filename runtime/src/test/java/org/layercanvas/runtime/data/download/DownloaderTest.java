package org.layercanvas.runtime.data.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.layercanvas.runtime.data.DatasetException;

class DownloaderTest {
    private static final String NAME = "train-images-idx3-ubyte.gz";
    private static final String DATASET = "mnist";

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService executor;
    private final AtomicInteger requests = new AtomicInteger();
    private byte[] body;
    private String sha;
    private Downloader downloader;
    private RawServer raw;

    @BeforeEach
    void start() throws Exception {
        body = new byte[200 * 1024];
        new Random(42).nextBytes(body);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        byte[] corrupt = body.clone();
        corrupt[1000] ^= 1;
        handle("/good/" + NAME, ex -> send(ex, body));
        handle("/corrupt/" + NAME, ex -> send(ex, corrupt));
        handle("/missing/" + NAME, ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        handle("/error/" + NAME, ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        handle("/slow/" + NAME, ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                for (int off = 0; off < body.length; off += 4096) {
                    out.write(body, off, Math.min(4096, body.length - off));
                    out.flush();
                    Thread.sleep(20);
                }
            } catch (IOException | InterruptedException e) {
                // client went away
            }
        });
        server.start();
        raw = new RawServer();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        downloader = new Downloader(new DatasetCache(dir.resolve("cache")), client, Duration.ofSeconds(10),
                Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        raw.close();
    }

    /**
     * A bare socket server for what {@link HttpServer} cannot do: announce the whole body, send half of it, then
     * either close the connection ({@code /drop/}) or keep it open and send nothing more ({@code /stall/}).
     */
    private final class RawServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final Thread thread = new Thread(this::serve, "raw-http");
        private final List<Socket> open = Collections.synchronizedList(new ArrayList<>());

        RawServer() throws IOException {
            thread.setDaemon(true);
            thread.start();
        }

        private void serve() {
            while (!socket.isClosed()) {
                try {
                    Socket s = socket.accept();
                    open.add(s);
                    requests.incrementAndGet();
                    BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(),
                            StandardCharsets.ISO_8859_1));
                    String requestLine = in.readLine();
                    for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                        // skip the request headers
                    }
                    OutputStream out = s.getOutputStream();
                    out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, 0, body.length / 2);
                    out.flush();
                    if (requestLine != null && requestLine.contains("/drop/")) {
                        s.close();
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }

        URI url(String kind) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/" + kind + "/" + NAME);
        }

        @Override
        public void close() throws IOException {
            socket.close();
            synchronized (open) {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }

    private void handle(String path, HttpHandler h) {
        server.createContext(path, ex -> {
            requests.incrementAndGet();
            h.handle(ex);
        });
    }

    private static void send(HttpExchange ex, byte[] data) throws IOException {
        ex.sendResponseHeaders(200, data.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(data);
        }
    }

    private URI url(String kind) {
        if (kind.equals("drop") || kind.equals("stall")) {
            return raw.url(kind);
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind + "/" + NAME);
    }

    private DatasetFile file(String hash, String... kinds) {
        return new DatasetFile(NAME, body.length, hash, Stream.of(kinds).map(this::url).toList());
    }

    private Path folder() {
        return dir.resolve("cache").resolve(DATASET);
    }

    private void assertNoPartFiles() throws IOException {
        if (Files.isDirectory(folder())) {
            try (Stream<Path> s = Files.list(folder())) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
            }
        }
    }

    /** Records everything a listener hears. */
    private static final class Recorder implements ProgressListener {
        final List<DownloadProgress> progress = Collections.synchronizedList(new ArrayList<>());
        final List<String> failures = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void progress(DownloadProgress p) {
            progress.add(p);
        }

        @Override
        public void failed(URI url, String reason) {
            failures.add(url + " " + reason);
        }

        @Override
        public void warning(String message) {
            warnings.add(message);
        }
    }

    @Test
    void goodFileIsVerifiedAndReported() throws Exception {
        Recorder r = new Recorder();
        Path p = downloader.download(DATASET, file(sha, "good"), r, new CancelToken());

        assertThat(p).isEqualTo(folder().resolve(NAME));
        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(r.progress).isNotEmpty();
        DownloadProgress last = r.progress.get(r.progress.size() - 1);
        assertThat(last.bytes()).isEqualTo(body.length);
        assertThat(last.total()).isEqualTo(body.length);
        assertThat(last.fraction()).contains(1.0);
        assertThat(last.bytesPerSecond()).isPositive();
        assertThat(r.progress).extracting(DownloadProgress::bytes).isSorted();
        assertThat(r.failures).isEmpty();
        assertThat(r.warnings).isEmpty();
        assertNoPartFiles();
    }

    @Test
    void unknownHashIsRecordedWithAWarning() throws Exception {
        Recorder r = new Recorder();
        Path p = downloader.download(DATASET, file(null, "good"), r, new CancelToken());

        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(r.warnings).singleElement().asString().contains(sha);
        assertThat(Files.readString(folder().resolve(NAME + ".sha256"))).startsWith(sha);
    }

    @Test
    void wrongChecksumThenGoodMirror() throws Exception {
        Recorder r = new Recorder();
        Path p = downloader.download(DATASET, file(sha, "corrupt", "good"), r, new CancelToken());

        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(r.failures).singleElement().asString().contains("/corrupt/").contains("SHA-256");
        assertNoPartFiles();
    }

    @Test
    void droppedConnectionThenMirror() throws Exception {
        Recorder r = new Recorder();
        Path p = downloader.download(DATASET, file(sha, "drop", "good"), r, new CancelToken());

        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(r.failures).singleElement().asString().contains("/drop/");
        assertNoPartFiles();
    }

    @Test
    void stalledConnectionIsGivenUpThenMirror() throws Exception {
        Recorder r = new Recorder();
        Path p = downloader.download(DATASET, file(sha, "stall", "good"), r, new CancelToken());

        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(r.failures).singleElement().asString().contains("/stall/").contains("nothing arrived");
        assertNoPartFiles();
    }

    @Test
    void cancelWhileTheServerSendsNothingEndsPromptly() throws Exception {
        CancelToken cancel = new CancelToken();
        Downloader patient = new Downloader(new DatasetCache(dir.resolve("cache")),
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(10),
                Duration.ofMinutes(5));
        ProgressListener cancelSoon = p -> {
            if (p.bytes() > 0) {
                new Thread(() -> {
                    sleepQuietly(300);
                    cancel.cancel();
                }).start();
            }
        };
        long start = System.nanoTime();

        assertThatThrownBy(() -> patient.download(DATASET, file(sha, "stall", "good"), cancelSoon, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(folder().resolve(NAME)).doesNotExist();
        assertNoPartFiles();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void droppedConnectionWithoutKnownHashIsStillRejected() throws Exception {
        DatasetFile f = new DatasetFile(NAME, -1, null, List.of(url("drop"), url("good")));
        Recorder r = new Recorder();
        Path p = downloader.download(DATASET, f, r, new CancelToken());

        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(r.failures).singleElement().asString().contains("/drop/");
    }

    @Test
    void notFoundAndServerErrorThenMirror() throws Exception {
        Recorder r = new Recorder();
        Path p = downloader.download(DATASET, file(sha, "missing", "error", "good"), r, new CancelToken());

        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(r.failures).hasSize(2);
        assertThat(r.failures.get(0)).contains("404");
        assertThat(r.failures.get(1)).contains("503");
    }

    @Test
    void allFailNamesEveryUrlTheFileAndTheFolder() {
        DatasetFile f = file(sha, "missing", "corrupt", "drop");

        assertThatThrownBy(() -> downloader.download(DATASET, f, null, null))
                .isInstanceOf(DatasetException.class)
                .message()
                .contains(url("missing").toString(), url("corrupt").toString(), url("drop").toString())
                .contains("404")
                .contains(NAME)
                .contains(folder().toString());
        assertThat(folder().resolve(NAME)).doesNotExist();
        assertThatNoPart();
    }

    private void assertThatNoPart() {
        try {
            assertNoPartFiles();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void downloadAllNamesEveryMissingFile() {
        DatasetFile a = new DatasetFile("a.gz", -1, null, List.of(url("missing")));
        DatasetFile b = new DatasetFile("b.gz", -1, null, List.of(url("missing")));

        assertThatThrownBy(() -> downloader.downloadAll(DATASET, List.of(a, b), null, null))
                .isInstanceOf(DatasetException.class)
                .message()
                .contains("a.gz, b.gz")
                .contains(folder().toString());
    }

    @Test
    void cancelMidDownloadLeavesNothing() throws Exception {
        CancelToken cancel = new CancelToken();
        ProgressListener cancelOnFirstBytes = p -> {
            if (p.bytes() > 0) {
                cancel.cancel();
            }
        };

        assertThatThrownBy(() -> downloader.download(DATASET, file(sha, "slow", "good"), cancelOnFirstBytes, cancel))
                .isInstanceOf(CancelledException.class)
                .hasMessageContaining(NAME);
        assertThat(folder().resolve(NAME)).doesNotExist();
        assertNoPartFiles();
        assertThat(requests).hasValue(1); // the mirror is not tried after a cancel
    }

    @Test
    void fileAlreadyInCacheIsUsedWithoutRequest() throws Exception {
        Files.createDirectories(folder());
        Files.write(folder().resolve(NAME), body);

        Path p = downloader.download(DATASET, file(sha, "good"), null, null);
        Path q = downloader.download(DATASET, file(null, "good"), null, null);

        assertThat(p).isEqualTo(q).isEqualTo(folder().resolve(NAME));
        assertThat(requests).hasValue(0);
    }

    @Test
    void damagedFileInCacheIsReplaced() throws Exception {
        Files.createDirectories(folder());
        byte[] damaged = body.clone();
        damaged[5] ^= 1;
        Files.write(folder().resolve(NAME), damaged);
        Recorder r = new Recorder();

        Path p = downloader.download(DATASET, file(sha, "good"), r, null);

        assertThat(Files.readAllBytes(p)).isEqualTo(body);
        assertThat(requests).hasValue(1);
        assertThat(r.warnings).singleElement().asString().contains(NAME);
    }

    @Test
    void aRefusedConnectionIsExplainedInPlainWords() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        DatasetFile f = new DatasetFile(NAME, body.length, sha,
                List.of(URI.create("http://127.0.0.1:" + closed + "/" + NAME), url("good")));
        Recorder r = new Recorder();

        downloader.download(DATASET, f, r, null);

        assertThat(r.failures).singleElement().asString().contains("no connection could be made");
    }
}
