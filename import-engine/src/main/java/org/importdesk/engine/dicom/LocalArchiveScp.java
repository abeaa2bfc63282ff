package org.importdesk.engine.dicom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The embedded archive: a storage SCP on loopback that files what it receives into
 * {@code ARCHIVE/<study>/<series>/<sop>.dcm} and answers C-ECHO and Study Root C-FIND (study, series and image level,
 * matching on the UIDs), so that an import works, and is verified, on a fresh machine with no PACS configured.
 *
 * <p>It is also our receiving end of storage commitment: a PACS answers an N-ACTION with an N-EVENT-REPORT on an
 * association it opens to us (Storage Commitment Push Model, we in the SCU role); see {@link #commitmentResult}.
 */
public final class LocalArchiveScp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalArchiveScp.class);
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final Path archive;
    private final String aeTitle;
    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-archive");
        t.setDaemon(true);
        return t;
    });
    /** SOP Instance UID to {study, series} */
    private final Map<String, String[]> index = new ConcurrentHashMap<>();
    /** Study Instance UID to the Patient ID it was filed under (so a sender can see a study under another patient) */
    private final Map<String, String> studyPatient = new ConcurrentHashMap<>();
    /** Transaction UID to the storage commitment report received (or awaited) for it */
    private final Map<String, CompletableFuture<StorageCommitmentResult>> commitments = new ConcurrentHashMap<>();
    /** Why TLS clients were refused, oldest first */
    private final List<String> refusedHandshakes = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Requester AE title to where (and with which TLS context) its storage commitment reports go */
    private final Map<String, ReportRoute> reportRoutes = new ConcurrentHashMap<>();
    /** Why storage commitment reports could not be delivered, oldest first */
    private final List<String> failedReports = new java.util.concurrent.CopyOnWriteArrayList<>();

    private record ReportRoute(DicomNode node, javax.net.ssl.SSLContext tls) {
    }

    private LocalArchiveScp(Path archive, String aeTitle, ServerSocket server) {
        this.archive = archive;
        this.aeTitle = aeTitle;
        this.server = server;
    }

    /**
     * A receiver of storage commitment reports only (C-ECHO too, no storage, no queries), listening on {@code bind}:
     * what a PACS on another host reports its commitment to.
     */
    public static LocalArchiveScp commitmentListener(String aeTitle, InetAddress bind, int port) throws IOException {
        return commitmentListener(aeTitle, bind, port, null, false);
    }

    /**
     * A receiver of storage commitment reports; with a TLS context (our certificate and key, the certificates we
     * trust) only inside TLS 1.2/1.3, and with {@code requireClientCertificate} only from a PACS whose certificate the
     * context trusts. Refused handshakes are kept ({@link #refusedHandshakes()}).
     */
    public static LocalArchiveScp commitmentListener(String aeTitle, InetAddress bind, int port,
                                                     javax.net.ssl.SSLContext tls, boolean requireClientCertificate)
            throws IOException {
        ServerSocket s = bound(serverSocket(tls, requireClientCertificate), new InetSocketAddress(bind, port),
                "storage commitment reports");
        LocalArchiveScp scp = new LocalArchiveScp(null, aeTitle, s);
        scp.pool.submit(scp::acceptLoop);
        return scp;
    }

    /** Starts listening on 127.0.0.1 ({@code port} 0 picks a free one). */
    public static LocalArchiveScp start(Path archive, String aeTitle, int port) throws IOException {
        return start(archive, aeTitle, port, null);
    }

    /**
     * Starts listening on 127.0.0.1; with a TLS context (holding our certificate and key), only inside TLS 1.2/1.3.
     */
    public static LocalArchiveScp start(Path archive, String aeTitle, int port, javax.net.ssl.SSLContext tls)
            throws IOException {
        return start(archive, aeTitle, port, tls, false);
    }

    /**
     * Starts listening on 127.0.0.1 inside TLS 1.2/1.3; with {@code requireClientCertificate}, only clients that
     * present a certificate the context's trust store accepts get an association (mutual TLS). Refused handshakes
     * are logged and kept ({@link #refusedHandshakes()}).
     */
    public static LocalArchiveScp start(Path archive, String aeTitle, int port, javax.net.ssl.SSLContext tls,
                                        boolean requireClientCertificate) throws IOException {
        Files.createDirectories(archive);
        ServerSocket s = bound(serverSocket(tls, requireClientCertificate),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), "the local archive " + aeTitle);
        LocalArchiveScp scp = new LocalArchiveScp(archive, aeTitle, s);
        try {
            scp.loadIndex();
        } catch (IOException | RuntimeException e) {
            scp.close();
            throw e;
        }
        scp.pool.submit(scp::acceptLoop);
        return scp;
    }

    /** Binds {@code s}; when the address is taken, closes it and says which port and what for. */
    private static ServerSocket bound(ServerSocket s, InetSocketAddress at, String purpose) throws IOException {
        try {
            s.bind(at);
            return s;
        } catch (IOException e) {
            try {
                s.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IOException("cannot listen for " + purpose + " on port " + at.getPort() + " ("
                    + at.getAddress().getHostAddress() + "): " + e.getMessage(), e);
        }
    }

    private static ServerSocket serverSocket(javax.net.ssl.SSLContext tls, boolean requireClientCertificate)
            throws IOException {
        if (tls == null) {
            if (requireClientCertificate) {
                throw new IllegalArgumentException("client certificates need TLS");
            }
            return new ServerSocket();
        }
        javax.net.ssl.SSLServerSocket ssl = (javax.net.ssl.SSLServerSocket) tls.getServerSocketFactory()
                .createServerSocket();
        ssl.setEnabledProtocols(new String[]{"TLSv1.3", "TLSv1.2"});
        ssl.setNeedClientAuth(requireClientCertificate);
        return ssl;
    }

    /**
     * Acting as the storage commitment SCP: the N-EVENT-REPORT for N-ACTIONs from {@code requesterAet} goes on a new
     * association to {@code destination} (inside TLS when it is a TLS node, with {@code tls}: our certificate and the
     * certificates we trust; null for the process-wide client context). Without a route an N-ACTION is refused.
     */
    public void reportCommitmentsTo(String requesterAet, DicomNode destination, javax.net.ssl.SSLContext tls) {
        reportRoutes.put(requesterAet, new ReportRoute(destination, tls));
    }

    /** Why storage commitment reports could not be delivered to requesters, oldest first. */
    public List<String> failedReports() {
        return List.copyOf(failedReports);
    }

    public DicomNode node() {
        return new DicomNode(aeTitle, "127.0.0.1", server.getLocalPort(), server instanceof javax.net.ssl.SSLServerSocket);
    }

    /** Why TLS handshakes with clients failed (no certificate, untrusted, expired, not TLS), oldest first. */
    public List<String> refusedHandshakes() {
        return List.copyOf(refusedHandshakes);
    }

    public int instanceCount() {
        return index.size();
    }

    /** Where an instance is filed, or null when the archive does not have it. */
    public Path file(String sopInstanceUid) {
        String[] s = index.get(sopInstanceUid);
        return s == null ? null : archive.resolve(s[0]).resolve(s[1]).resolve(sopInstanceUid + ".dcm");
    }

    /**
     * The storage commitment report for a transaction, completed when a PACS sends its N-EVENT-REPORT here. Ask for it
     * before sending the N-ACTION (a report can arrive before the N-ACTION response).
     */
    public CompletableFuture<StorageCommitmentResult> commitmentResult(String transactionUid) {
        return commitments.computeIfAbsent(transactionUid, k -> new CompletableFuture<>());
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        pool.shutdownNow();
    }

    private void loadIndex() throws IOException {
        try (Stream<Path> files = Files.walk(archive, 3)) {
            files.filter(p -> p.getFileName().toString().endsWith(".dcm")).forEach(p -> {
                Path rel = archive.relativize(p);
                if (rel.getNameCount() == 3) {
                    String sop = rel.getFileName().toString().replaceFirst("\\.dcm$", "");
                    index.put(sop, new String[]{rel.getName(0).toString(), rel.getName(1).toString()});
                    studyPatient.computeIfAbsent(rel.getName(0).toString(), k -> patientIdOf(p));
                }
            });
        }
    }

    /** Patient ID of a filed instance (header only), empty when unreadable. */
    private static String patientIdOf(Path file) {
        try {
            com.pixelmed.dicom.AttributeList list = new com.pixelmed.dicom.AttributeList();
            list.read(file.toString(), com.pixelmed.dicom.TagFromName.PixelData);
            return com.pixelmed.dicom.Attribute.getSingleStringValueOrEmptyString(list,
                    com.pixelmed.dicom.TagFromName.PatientID).trim();
        } catch (IOException | com.pixelmed.dicom.DicomException e) {
            LOG.warn("local archive: cannot read {}: {}", file.getFileName(), e.getMessage());
            return "";
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                s.setSoTimeout(60_000);
                pool.submit(() -> serve(s));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warn("local archive: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            String[] calling = {""};
            Map<Integer, String[]> contexts = negotiate(in, out, calling);
            if (contexts == null) {
                return;
            }
            while (true) {
                Message m = readMessage(in, out);
                if (m == null) {
                    return;
                }
                handle(m, contexts, out, calling[0]);
            }
        } catch (javax.net.ssl.SSLException e) {
            String why = TlsFailures.describeRefusedClient(e);
            refusedHandshakes.add(why);
            LOG.warn("{}: TLS client {} refused: {}", aeTitle, socket.getInetAddress().getHostAddress(), why);
        } catch (IOException e) {
            LOG.debug("local archive: association ended: {}", e.toString());
        }
    }

    private record Message(int contextId, CommandSet command, byte[] data) {
    }

    /** Reads the A-ASSOCIATE-RQ and accepts every context; returns id to {abstract syntax, transfer syntax}. */
    private Map<Integer, String[]> negotiate(DataInputStream in, OutputStream out, String[] calling) throws IOException {
        int type = in.readUnsignedByte();
        in.readUnsignedByte();
        int length = in.readInt();
        byte[] body = in.readNBytes(length);
        if (type != 0x01 || body.length != length) {
            return null;
        }
        String called = new String(body, 4, 16, StandardCharsets.US_ASCII).trim();
        calling[0] = new String(body, 20, 16, StandardCharsets.US_ASCII).trim();
        Map<Integer, String[]> accepted = new LinkedHashMap<>();
        ByteArrayOutputStream items = new ByteArrayOutputStream();
        ByteArrayOutputStream roles = new ByteArrayOutputStream();
        item(items, 0x10, "1.2.840.10008.3.1.1.1".getBytes(StandardCharsets.US_ASCII));
        int p = 68;
        while (p + 4 <= body.length) {
            int t = body[p] & 0xFF;
            int len = ((body[p + 2] & 0xFF) << 8) | (body[p + 3] & 0xFF);
            int start = p + 4;
            if (t == 0x20) {
                int id = body[start] & 0xFF;
                String abs = "";
                List<String> tss = new ArrayList<>();
                int q = start + 4;
                while (q + 4 <= start + len) {
                    int st = body[q] & 0xFF;
                    int sl = ((body[q + 2] & 0xFF) << 8) | (body[q + 3] & 0xFF);
                    String v = new String(body, q + 4, sl, StandardCharsets.US_ASCII).replace("\0", "").trim();
                    if (st == 0x30) {
                        abs = v;
                    } else if (st == 0x40) {
                        tss.add(v);
                    }
                    q += 4 + sl;
                }
                String ts = tss.contains(TransferSyntaxes.EXPLICIT_LE) ? TransferSyntaxes.EXPLICIT_LE
                        : tss.contains(TransferSyntaxes.IMPLICIT_LE) ? TransferSyntaxes.IMPLICIT_LE
                        : tss.isEmpty() ? "" : tss.get(0);
                boolean query = abs.equals(DicomQueryClient.STUDY_ROOT_FIND);
                boolean archiving = archive != null && (query || abs.startsWith("1.2.840.10008.5.1.4.1.1."));
                boolean ok = !ts.isEmpty() && (archiving || abs.equals(DimseAssociation.VERIFICATION)
                        || abs.equals(DimseAssociation.STORAGE_COMMITMENT_PUSH));
                ByteArrayOutputStream pc = new ByteArrayOutputStream();
                pc.write(id);
                pc.write(0);
                pc.write(ok ? 0 : 3);
                pc.write(0);
                item(pc, 0x40, (ok ? ts : TransferSyntaxes.IMPLICIT_LE).getBytes(StandardCharsets.US_ASCII));
                item(items, 0x21, pc.toByteArray());
                if (ok) {
                    accepted.put(id, new String[]{abs, ts});
                }
            } else if (t == 0x50) {
                // SCP/SCU role selection (a PACS reporting storage commitment proposes itself as SCP): accepted as asked
                int q = start;
                while (q + 4 <= start + len) {
                    int st = body[q] & 0xFF;
                    int sl = ((body[q + 2] & 0xFF) << 8) | (body[q + 3] & 0xFF);
                    if (st == 0x54) {
                        byte[] v = new byte[sl];
                        System.arraycopy(body, q + 4, v, 0, sl);
                        item(roles, 0x54, v);
                    }
                    q += 4 + sl;
                }
            }
            p = start + len;
        }
        ByteArrayOutputStream user = new ByteArrayOutputStream();
        item(user, 0x51, new byte[]{0, 4, 0, 0});
        item(user, 0x52, DimseAssociation.IMPLEMENTATION_CLASS_UID.getBytes(StandardCharsets.US_ASCII));
        user.writeBytes(roles.toByteArray());
        item(items, 0x50, user.toByteArray());
        byte[] rest = items.toByteArray();
        byte[] ac = new byte[6 + 68 + rest.length];
        ac[0] = 0x02;
        DimseAssociation.putInt(ac, 2, 68 + rest.length);
        System.arraycopy(body, 0, ac, 6, 68); // version, reserved, called and calling AE titles, reserved: echoed
        System.arraycopy(rest, 0, ac, 6 + 68, rest.length);
        if (!called.isEmpty() && !called.equals(aeTitle)) {
            LOG.debug("local archive: called as {} (we are {}), accepted anyway", called, aeTitle);
        }
        out.write(ac);
        out.flush();
        return accepted;
    }

    private Message readMessage(DataInputStream in, OutputStream out) throws IOException {
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        ByteArrayOutputStream data = null;
        int contextId = 0;
        boolean commandDone = false;
        while (true) {
            int type;
            try {
                type = in.readUnsignedByte();
            } catch (EOFException e) {
                return null;
            }
            in.readUnsignedByte();
            int length = in.readInt();
            if (type == 0x05) {
                in.skipNBytes(length);
                out.write(new byte[]{0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                out.flush();
                return null;
            }
            if (type != 0x04) {
                return null;
            }
            int remaining = length;
            while (remaining > 0) {
                int itemLength = in.readInt();
                contextId = in.readUnsignedByte();
                int header = in.readUnsignedByte();
                byte[] value = in.readNBytes(itemLength - 2);
                remaining -= 4 + itemLength;
                if ((header & 1) != 0) {
                    command.write(value);
                    commandDone |= (header & 2) != 0;
                } else {
                    if (data == null) {
                        data = new ByteArrayOutputStream();
                    }
                    data.write(value);
                    if ((header & 2) != 0) {
                        return new Message(contextId, CommandSet.decode(command.toByteArray()), data.toByteArray());
                    }
                }
            }
            if (commandDone && data == null) {
                CommandSet c = CommandSet.decode(command.toByteArray());
                if (c.us(0x00000800) == DimseAssociation.NO_DATA_SET) {
                    return new Message(contextId, c, null);
                }
            }
        }
    }

    private void handle(Message m, Map<Integer, String[]> contexts, OutputStream out, String callingAet)
            throws IOException {
        int field = m.command().us(0x00000100);
        int id = m.command().us(0x00000110);
        String[] pc = contexts.get(m.contextId());
        if (pc == null) {
            throw new IOException("message on a context that was not accepted");
        }
        String sopClass = m.command().ui(0x00000002);
        if (field == DimseAssociation.C_ECHO_RQ) {
            respond(out, m.contextId(), sopClass, DimseAssociation.C_ECHO_RSP, id, 0, null, "", null);
        } else if (field == DimseAssociation.C_STORE_RQ) {
            String sop = m.command().ui(0x00001000);
            int status = store(sopClass, sop, pc[1], m.data());
            respond(out, m.contextId(), sopClass, DimseAssociation.C_STORE_RSP, id, status, sop, "", null);
        } else if (field == DimseAssociation.N_EVENT_REPORT_RQ && pc[0].equals(DimseAssociation.STORAGE_COMMITMENT_PUSH)) {
            int status = 0;
            try {
                StorageCommitmentResult r = StorageCommitmentResult.of(DicomDataSets.readDataSet(m.data(), pc[1]));
                commitmentResult(r.transactionUid()).complete(r);
                LOG.info("storage commitment report: {} committed, {} failed", r.committed().size(), r.failed().size());
            } catch (IOException | RuntimeException e) {
                LOG.warn("local archive: unreadable storage commitment report: {}", e.getMessage());
                status = 0x0110; // processing failure
            }
            CommandSet c = new CommandSet().ui(0x00000002, sopClass).us(0x00000100, DimseAssociation.N_EVENT_REPORT_RSP)
                    .us(0x00000120, id).us(0x00000800, DimseAssociation.NO_DATA_SET).us(0x00000900, status)
                    .ui(0x00001000, m.command().ui(0x00001000)).us(0x00001002, m.command().us(0x00001002));
            pdv(out, m.contextId(), 3, c.encode());
            out.flush();
        } else if (field == DimseAssociation.N_ACTION_RQ && pc[0].equals(DimseAssociation.STORAGE_COMMITMENT_PUSH)
                && archive != null) {
            int status = commitmentRequested(callingAet, m.data(), pc[1]);
            CommandSet c = new CommandSet().ui(0x00000002, m.command().ui(0x00000003))
                    .us(0x00000100, DimseAssociation.N_ACTION_RSP).us(0x00000120, id)
                    .us(0x00000800, DimseAssociation.NO_DATA_SET).us(0x00000900, status)
                    .ui(0x00001000, m.command().ui(0x00001001)).us(0x00001008, m.command().us(0x00001008));
            pdv(out, m.contextId(), 3, c.encode());
            out.flush();
        } else if (field == DimseAssociation.C_FIND_RQ) {
            DicomAttributes q = DicomDataSets.readDataSet(m.data(), pc[1]);
            for (DicomQuery match : find(q)) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                DicomDataSets.writeQuery(match, b, pc[1]);
                respond(out, m.contextId(), sopClass, DimseAssociation.C_FIND_RSP, id, DimseStatus.PENDING, null, "",
                        b.toByteArray());
            }
            respond(out, m.contextId(), sopClass, DimseAssociation.C_FIND_RSP, id, 0, null, "", null);
        } else {
            respond(out, m.contextId(), sopClass, field | 0x8000, id, 0x0211, null, "unsupported", null);
        }
    }

    /**
     * An N-ACTION (Request Storage Commitment): every referenced instance this archive holds is committed, the others
     * fail with "no such object instance"; the report goes on a new association to the requester's route, after our
     * N-ACTION response. Returns the N-ACTION status.
     */
    private int commitmentRequested(String callingAet, byte[] data, String ts) {
        ReportRoute route = reportRoutes.get(callingAet);
        if (route == null) {
            LOG.warn("{}: storage commitment requested by {}, for which no report destination is known", aeTitle,
                    callingAet);
            return 0x0110; // processing failure
        }
        DicomAttributes request;
        try {
            request = DicomDataSets.readDataSet(data, ts);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: unreadable storage commitment request: {}", aeTitle, e.getMessage());
            return 0x0110;
        }
        String transactionUid = request.string(DicomDataSets.TRANSACTION_UID);
        List<String[]> committed = new ArrayList<>();
        Map<String[], Integer> failed = new LinkedHashMap<>();
        for (DicomAttributes item : request.sequence(DicomDataSets.REFERENCED_SOP_SEQUENCE)) {
            String[] ref = {item.string(DicomDataSets.REFERENCED_SOP_CLASS_UID),
                    item.string(DicomDataSets.REFERENCED_SOP_INSTANCE_UID)};
            Path f = file(ref[1]);
            if (f != null && Files.isRegularFile(f)) {
                committed.add(ref);
            } else {
                failed.put(ref, 0x0112); // no such object instance
            }
        }
        pool.submit(() -> {
            try {
                StorageCommitmentReporter.report(route.node(), aeTitle, transactionUid, committed, failed, route.tls());
                LOG.info("{}: storage commitment reported to {}: {} committed, {} failed", aeTitle, route.node(),
                        committed.size(), failed.size());
            } catch (DicomNetworkException e) {
                failedReports.add(e.getMessage());
                LOG.warn("{}: storage commitment report to {} failed: {}", aeTitle, route.node(), e.getMessage());
            } catch (RuntimeException e) {
                // the task's Future is never read: without this the failure would vanish
                failedReports.add("cannot build or send the report: " + e);
                LOG.warn("{}: storage commitment report to {} failed: {}", aeTitle, route.node(), e.toString());
            }
        });
        return 0;
    }

    private int store(String sopClass, String sop, String ts, byte[] data) {
        try {
            DicomAttributes a = DicomDataSets.readDataSet(data, ts);
            String study = a.string(DicomTag.STUDY_INSTANCE_UID);
            String series = a.string(DicomTag.SERIES_INSTANCE_UID);
            if (!UID.matcher(study).matches() || !UID.matcher(series).matches() || !UID.matcher(sop).matches()
                    || !sop.equals(a.string(DicomTag.SOP_INSTANCE_UID))) {
                return 0xA900; // data set does not match SOP class / identifiers unusable
            }
            Path dir = archive.resolve(study).resolve(series);
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, sop, ".part");
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                o.write(new byte[128]);
                o.write("DICM".getBytes(StandardCharsets.US_ASCII));
                o.write(metaHeader(sopClass, sop, ts));
                o.write(data);
            }
            Files.move(tmp, dir.resolve(sop + ".dcm"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            index.put(sop, new String[]{study, series});
            studyPatient.put(study, a.string(DicomTag.PATIENT_ID));
            return 0;
        } catch (IOException e) {
            LOG.warn("local archive: cannot file an instance: {}", e.getMessage());
            return 0xA700;
        }
    }

    private List<DicomQuery> find(DicomAttributes q) {
        String level = q.string(0x00080052);
        String study = q.string(DicomTag.STUDY_INSTANCE_UID);
        String series = q.string(DicomTag.SERIES_INSTANCE_UID);
        String sop = q.string(DicomTag.SOP_INSTANCE_UID);
        Set<String> seen = new LinkedHashSet<>();
        List<DicomQuery> out = new ArrayList<>();
        for (Map.Entry<String, String[]> e : index.entrySet()) {
            String[] v = e.getValue();
            if ((!study.isEmpty() && !study.equals(v[0])) || (!series.isEmpty() && !series.equals(v[1]))
                    || (!sop.isEmpty() && !sop.equals(e.getKey()))) {
                continue;
            }
            switch (level) {
                case "STUDY" -> {
                    if (seen.add(v[0])) {
                        out.add(DicomQuery.level("STUDY").key(DicomTag.STUDY_INSTANCE_UID, v[0])
                                .key(DicomTag.PATIENT_ID, studyPatient.getOrDefault(v[0], "")));
                    }
                }
                case "SERIES" -> {
                    if (seen.add(v[1])) {
                        out.add(DicomQuery.level("SERIES").key(DicomTag.STUDY_INSTANCE_UID, v[0])
                                .key(DicomTag.SERIES_INSTANCE_UID, v[1]));
                    }
                }
                case "IMAGE" -> out.add(DicomQuery.level("IMAGE").key(DicomTag.STUDY_INSTANCE_UID, v[0])
                        .key(DicomTag.SERIES_INSTANCE_UID, v[1]).key(DicomTag.SOP_INSTANCE_UID, e.getKey()));
                default -> {
                }
            }
        }
        return out;
    }

    private static void respond(OutputStream out, int pc, String sopClass, int field, int messageId, int status,
                                String sop, String comment, byte[] data) throws IOException {
        CommandSet c = new CommandSet().ui(0x00000002, sopClass).us(0x00000100, field).us(0x00000120, messageId)
                .us(0x00000800, data == null ? DimseAssociation.NO_DATA_SET : 0).us(0x00000900, status);
        if (sop != null) {
            c.ui(0x00001000, sop);
        }
        if (!comment.isEmpty()) {
            c.ui(0x00000902, comment);
        }
        pdv(out, pc, 3, c.encode());
        if (data != null) {
            pdv(out, pc, 2, data);
        }
        out.flush();
    }

    private static void pdv(OutputStream out, int pc, int header, byte[] value) throws IOException {
        byte[] h = new byte[12];
        h[0] = 0x04;
        DimseAssociation.putInt(h, 2, value.length + 6);
        DimseAssociation.putInt(h, 6, value.length + 2);
        h[10] = (byte) pc;
        h[11] = (byte) header;
        out.write(h);
        out.write(value);
    }

    /** File meta information (group 0002), explicit VR little endian. */
    private static byte[] metaHeader(String sopClass, String sop, String ts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        element(body, 0x0001, "OB", new byte[]{0, 1});
        element(body, 0x0002, "UI", uid(sopClass));
        element(body, 0x0003, "UI", uid(sop));
        element(body, 0x0010, "UI", uid(ts));
        element(body, 0x0012, "UI", uid(DimseAssociation.IMPLEMENTATION_CLASS_UID));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        int n = body.size();
        element(all, 0x0000, "UL", new byte[]{(byte) n, (byte) (n >> 8), (byte) (n >> 16), (byte) (n >> 24)});
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    private static byte[] uid(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length % 2 == 0) {
            return b;
        }
        byte[] p = new byte[b.length + 1];
        System.arraycopy(b, 0, p, 0, b.length);
        return p;
    }

    private static void element(ByteArrayOutputStream o, int element, String vr, byte[] v) {
        o.write(0x02);
        o.write(0x00);
        o.write(element);
        o.write(element >> 8);
        o.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (vr.equals("OB")) {
            o.write(0);
            o.write(0);
            o.write(v.length);
            o.write(v.length >> 8);
            o.write(v.length >> 16);
            o.write(v.length >> 24);
        } else {
            o.write(v.length);
            o.write(v.length >> 8);
        }
        o.writeBytes(v);
    }

    private static void item(ByteArrayOutputStream o, int type, byte[] value) {
        o.write(type);
        o.write(0);
        o.write(value.length >> 8);
        o.write(value.length);
        o.writeBytes(value);
    }
}
