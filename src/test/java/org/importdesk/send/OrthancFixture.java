package org.importdesk.send;

import org.importdesk.engine.dicom.DicomNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Orthanc on loopback for tests: its own storage in a temporary folder, unusual free ports, no
 * authentication, stopped by PID. Optionally with the ModalityWorklists plugin serving {@code .wl} files.
 * Restartable on the same storage (to test a PACS that goes down during a send).
 */
public final class OrthancFixture implements AutoCloseable {
    public static final Path ORTHANC = Path.of("/usr/sbin/Orthanc");
    public static final Path WORKLIST_PLUGIN = Path.of("/usr/share/orthanc/plugins/libModalityWorklists.so");
    public static final String AET = "ORTHANCTEST";

    private final Path dir;
    private final int dicomPort;
    private final int httpPort;
    private final Path worklistDir;
    private final Path config;
    private Process process;

    public static boolean available() {
        return Files.isExecutable(ORTHANC);
    }

    public static String absentMessage() {
        return "Orthanc is not installed (" + ORTHANC + "): apt-get install orthanc";
    }

    private OrthancFixture(Path dir, boolean worklists, String scuAet, int scuPort, String extraConfig) throws IOException {
        this.dir = dir;
        this.dicomPort = freePort();
        this.httpPort = freePort();
        this.worklistDir = dir.resolve("worklists");
        Files.createDirectories(dir.resolve("storage"));
        Files.createDirectories(worklistDir);
        StringBuilder json = new StringBuilder();
        json.append("{\n")
                .append("\"Name\": \"importdesk-test\",\n")
                .append("\"DicomAet\": \"").append(AET).append("\",\n")
                .append("\"DicomPort\": ").append(dicomPort).append(",\n")
                .append("\"HttpPort\": ").append(httpPort).append(",\n")
                .append("\"StorageDirectory\": \"").append(dir.resolve("storage")).append("\",\n")
                .append("\"IndexDirectory\": \"").append(dir.resolve("storage")).append("\",\n")
                .append("\"RemoteAccessAllowed\": false,\n")
                .append("\"AuthenticationEnabled\": false,\n")
                .append("\"DicomAlwaysAllowFind\": true,\n")
                .append("\"DicomAlwaysAllowFindWorklist\": true,\n")
                .append("\"DicomAlwaysAllowEcho\": true,\n")
                .append("\"DicomAlwaysAllowStore\": true,\n")
                .append("\"DicomCheckCalledAet\": false,\n")
                .append("\"StableAge\": 1,\n")
                .append("\"ConcurrentJobs\": 1,\n")
                .append("\"HttpServerEnabled\": true,\n")
                .append("\"LogExportedResources\": false,\n");
        if (scuAet != null) {
            json.append("\"DicomModalities\": { \"importdesk\": [\"").append(scuAet).append("\", \"127.0.0.1\", ")
                    .append(scuPort).append("] },\n");
        }
        if (worklists) {
            json.append("\"Plugins\": [\"").append(WORKLIST_PLUGIN).append("\"],\n")
                    .append("\"Worklists\": {\"Enable\": true, \"Database\": \"").append(worklistDir).append("\"},\n");
        }
        json.append(extraConfig);
        json.append("\"DicomServerEnabled\": true\n}\n");
        this.config = dir.resolve("orthanc.json");
        Files.writeString(config, json.toString());
    }

    public static OrthancFixture start(Path dir) throws IOException, InterruptedException {
        return start(dir, false, null, 0);
    }

    /** @param scuAet when given, declared in DicomModalities at 127.0.0.1:scuPort (for storage commitment reports) */
    public static OrthancFixture start(Path dir, boolean worklists, String scuAet, int scuPort)
            throws IOException, InterruptedException {
        return startWith(dir, worklists, scuAet, scuPort, "");
    }

    /** @param extraConfig further configuration members, each followed by a comma (e.g. {@code "X": false,}) */
    public static OrthancFixture startWith(Path dir, boolean worklists, String scuAet, int scuPort, String extraConfig)
            throws IOException, InterruptedException {
        OrthancFixture f = new OrthancFixture(dir, worklists, scuAet, scuPort, extraConfig);
        f.startProcess();
        return f;
    }

    public void startProcess() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(ORTHANC.toString(), config.toString());
        pb.environment().put("TCP_NODELAY", "1");
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("orthanc.log").toFile()));
        process = pb.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc exited with " + process.exitValue() + "; see " + dir.resolve("orthanc.log"));
            }
            if (listening(dicomPort) && httpOk()) {
                return;
            }
            Thread.sleep(100);
        }
        stop();
        throw new IOException("Orthanc did not start within 30 s; see " + dir.resolve("orthanc.log"));
    }

    /** Stops Orthanc by its PID (SIGTERM, then SIGKILL) and waits until its port is free. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public DicomNode node() {
        return new DicomNode(AET, "127.0.0.1", dicomPort);
    }

    public int httpPort() {
        return httpPort;
    }

    public int dicomPort() {
        return dicomPort;
    }

    public Path worklistDirectory() {
        return worklistDir;
    }

    public String get(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + path).toURL().openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(30000);
        try (InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** HTTP DELETE (for example /instances/{id}, to make a PACS lose an instance). */
    public void delete(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + path).toURL().openConnection();
        c.setRequestMethod("DELETE");
        if (c.getResponseCode() / 100 != 2) {
            throw new IOException("DELETE " + path + ": HTTP " + c.getResponseCode());
        }
        c.getInputStream().readAllBytes();
    }

    /** Stores a DICOM file through the REST API (POST /instances), bypassing DICOM: fixtures for query tests. */
    public void upload(Path dicomFile) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/instances").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/dicom");
        try (var o = c.getOutputStream()) {
            o.write(Files.readAllBytes(dicomFile));
        }
        if (c.getResponseCode() / 100 != 2) {
            throw new IOException("POST /instances " + dicomFile + ": HTTP " + c.getResponseCode());
        }
        c.getInputStream().readAllBytes();
    }

    public byte[] getBytes(String path) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + path).toURL().openConnection();
        try (InputStream in = c.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** Orthanc's instance count from /statistics. */
    public int instanceCount() throws IOException {
        Matcher m = Pattern.compile("\"CountInstances\"\\s*:\\s*(\\d+)").matcher(get("/statistics"));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** Orthanc identifiers of all instances. */
    public List<String> instanceIds() throws IOException {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("\"([0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8})\"").matcher(get("/instances"));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** A tag of an instance by Orthanc id, from /instances/{id}/simplified-tags: crude JSON reading for tests. */
    public String simplifiedTags(String orthancId) throws IOException {
        return get("/instances/" + orthancId + "/simplified-tags");
    }

    private boolean httpOk() {
        try {
            get("/system");
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
