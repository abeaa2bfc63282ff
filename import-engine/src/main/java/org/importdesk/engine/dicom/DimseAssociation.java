package org.importdesk.engine.dicom;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An association we initiate, speaking the DICOM upper layer protocol (PS3.8) and DIMSE (PS3.7) over a plain socket.
 *
 * <p>Why our own and not PixelMed's {@code Association}: PixelMed never sets TCP_NODELAY (its socket is only
 * reachable through the protected field {@code Association.socket}, by reflection) (each C-STORE then stalls on
 * Nagle plus delayed ACK, about 43 ms), its storage SCU reports per-instance outcomes only through a boolean and can
 * send nothing without an exception, and it cannot stream a data set we coerce on the fly. Here every socket has
 * TCP_NODELAY (and TCP_QUICKACK before each response), every response status (warnings included) reaches the caller, and data sets are streamed straight
 * into P-DATA PDUs. PixelMed still encodes and decodes the data sets themselves (see {@link DicomDataSets}).
 *
 * <p>Not thread safe: one association per sending thread.
 */
public final class DimseAssociation implements AutoCloseable {
    public static final String VERIFICATION = "1.2.840.10008.1.1";
    public static final String STORAGE_COMMITMENT_PUSH = "1.2.840.10008.1.20.1";
    public static final String STORAGE_COMMITMENT_PUSH_INSTANCE = "1.2.840.10008.1.20.1.1";
    private static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    static final String IMPLEMENTATION_CLASS_UID = "1.2.826.0.1.3680043.10.1161.1";
    static final String IMPLEMENTATION_VERSION = "IMPORTDESK_01";
    private static final int OUR_MAX_PDU = 262_144;

    static final int C_STORE_RQ = 0x0001;
    static final int C_STORE_RSP = 0x8001;
    static final int C_FIND_RQ = 0x0020;
    static final int C_FIND_RSP = 0x8020;
    static final int C_ECHO_RQ = 0x0030;
    static final int C_ECHO_RSP = 0x8030;
    static final int N_EVENT_REPORT_RQ = 0x0100;
    static final int N_EVENT_REPORT_RSP = 0x8100;
    static final int N_ACTION_RQ = 0x0130;
    static final int N_ACTION_RSP = 0x8130;
    static final int NO_DATA_SET = 0x0101;

    private final DicomNode peer;
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final int peerMaxPdu;
    /** accepted presentation contexts: id to (abstract syntax, transfer syntax) */
    private final Map<Integer, String[]> accepted;
    private int nextMessageId = 1;
    private boolean broken;
    private boolean closed;
    private boolean quickAckSupported = true;

    private DimseAssociation(DicomNode peer, Socket socket, DataInputStream in, OutputStream out, int peerMaxPdu,
                             Map<Integer, String[]> accepted) {
        this.peer = peer;
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.peerMaxPdu = peerMaxPdu;
        this.accepted = accepted;
    }

    /** Connects with TCP_NODELAY, proposes the contexts and returns the established association. */
    public static DimseAssociation open(DicomNode peer, String callingAet, List<PresentationContext> proposed,
                                        int connectTimeoutMs, int readTimeoutMs) throws DicomNetworkException {
        return open(peer, callingAet, proposed, connectTimeoutMs, readTimeoutMs, null);
    }

    /** As above; a TLS peer is reached with {@code tls} (null: {@link DicomTls#clientContext()}). */
    static DimseAssociation open(DicomNode peer, String callingAet, List<PresentationContext> proposed,
                                 int connectTimeoutMs, int readTimeoutMs, javax.net.ssl.SSLContext tls)
            throws DicomNetworkException {
        // the certificate we present, for messages: not known for a caller's own context
        String ours = tls == null ? DicomTls.clientCertificate() : DicomTls.INSTALLED_CONTEXT;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMs);
            socket.setSendBufferSize(1 << 20);
            socket.setReceiveBufferSize(1 << 18);
            socket.connect(new InetSocketAddress(peer.host(), peer.port()), connectTimeoutMs);
        } catch (ConnectException | SocketTimeoutException e) {
            closeQuietly(socket);
            throw new DicomNetworkException("cannot connect to " + peer + ": " + e.getMessage(), true, e);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new DicomNetworkException("cannot connect to " + peer + ": " + e.getMessage(), true, e);
        }
        if (peer.tls()) {
            try {
                socket = tls == null ? DicomTls.wrapClient(socket, peer.host(), peer.port())
                        : DicomTls.wrapClient(tls, socket, peer.host(), peer.port());
            } catch (javax.net.ssl.SSLException e) {
                closeQuietly(socket);
                throw new DicomNetworkException(TlsFailures.describe(e, peer, ours), false, e);
            } catch (IOException e) {
                closeQuietly(socket);
                throw TlsFailures.handshakeBroken(e, peer, ours);
            }
        }
        try {
            DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
            out.write(associateRequest(peer.aeTitle(), callingAet, proposed));
            out.flush();
            int type = in.readUnsignedByte();
            in.readUnsignedByte();
            int length = in.readInt();
            byte[] body = in.readNBytes(length);
            if (body.length != length) {
                throw new EOFException("association answer truncated");
            }
            if (type == 0x03) {
                int result = body[1] & 0xFF;
                int source = body[2] & 0xFF;
                int reason = body[3] & 0xFF;
                throw new DicomNetworkException("association rejected by " + peer + " (" + (result == 1
                        ? "permanent" : "transient") + ", source " + source + ", reason " + reason
                        + rejectReason(source, reason) + ")", result == 2);
            }
            if (type != 0x02) {
                throw new DicomNetworkException("unexpected answer to A-ASSOCIATE-RQ from " + peer + ": PDU type " + type,
                        type == 0x07);
            }
            Map<Integer, String> abstractById = new LinkedHashMap<>();
            for (PresentationContext pc : proposed) {
                abstractById.put(pc.id(), pc.abstractSyntax());
            }
            Map<Integer, String[]> accepted = new LinkedHashMap<>();
            int[] maxPdu = {0};
            parseAccept(body, abstractById, accepted, maxPdu);
            int peerMax = maxPdu[0] <= 0 ? 1 << 20 : Math.min(maxPdu[0], 1 << 20);
            return new DimseAssociation(peer, socket, in, out, peerMax, accepted);
        } catch (DicomNetworkException e) {
            closeQuietly(socket);
            throw e;
        } catch (javax.net.ssl.SSLException e) {
            // TLS 1.3: the server judges our certificate after our handshake returned; its alert comes here, or
            // our write fails first and the alert is still to be read
            DicomNetworkException failure = String.valueOf(e.getMessage()).contains("alert")
                    ? new DicomNetworkException(TlsFailures.describe(e, peer, ours), false, e)
                    : TlsFailures.afterHandshake((javax.net.ssl.SSLSocket) socket, e, peer, ours);
            closeQuietly(socket);
            throw failure;
        } catch (IOException e) {
            if (socket instanceof javax.net.ssl.SSLSocket ssl) {
                DicomNetworkException refused = TlsFailures.afterHandshake(ssl, e, peer, ours);
                closeQuietly(socket);
                throw refused;
            }
            closeQuietly(socket);
            throw new DicomNetworkException("association with " + peer + " failed: " + e, true, e);
        }
    }

    private static String rejectReason(int source, int reason) {
        if (source == 1) {
            return switch (reason) {
                case 3 -> ": calling AE title not recognized";
                case 7 -> ": called AE title not recognized";
                default -> "";
            };
        }
        if (source == 3 && reason == 2) {
            return ": local limit exceeded";
        }
        return "";
    }

    public DicomNode peer() {
        return peer;
    }

    /** The transfer syntaxes the peer accepted for a SOP class (one per accepted context). */
    public List<String> acceptedTransferSyntaxes(String sopClassUid) {
        List<String> out = new ArrayList<>();
        for (String[] pc : accepted.values()) {
            if (pc[0].equals(sopClassUid)) {
                out.add(pc[1]);
            }
        }
        return out;
    }

    private Optional<Integer> contextFor(String sopClassUid, String transferSyntaxUid) {
        for (Map.Entry<Integer, String[]> e : accepted.entrySet()) {
            if (e.getValue()[0].equals(sopClassUid)
                    && (transferSyntaxUid == null || e.getValue()[1].equals(transferSyntaxUid))) {
                return Optional.of(e.getKey());
            }
        }
        return Optional.empty();
    }

    public DimseStatus echo() throws DicomNetworkException {
        int pc = contextFor(VERIFICATION, null).orElseThrow(
                () -> new DicomNetworkException(peer + " did not accept the Verification SOP class", false));
        int id = nextMessageId++;
        CommandSet cmd = new CommandSet()
                .ui(0x00000002, VERIFICATION).us(0x00000100, C_ECHO_RQ).us(0x00000110, id).us(0x00000800, NO_DATA_SET);
        try {
            sendCommand(pc, cmd, null);
            return readResponse(C_ECHO_RSP).status();
        } catch (IOException e) {
            throw fail("C-ECHO", e);
        }
    }

    /**
     * Sends one instance. The writer writes the data set (no meta header) in {@code transferSyntaxUid}, which must be
     * accepted for the SOP class. Returns the peer's status; warnings and failures are not exceptions.
     */
    public DimseStatus store(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, DataSetWriter writer)
            throws DicomNetworkException {
        int pc = contextFor(sopClassUid, transferSyntaxUid).orElseThrow(() -> new DicomNetworkException(
                "no accepted presentation context for " + sopClassUid + " in " + transferSyntaxUid, false));
        int id = nextMessageId++;
        CommandSet cmd = new CommandSet()
                .ui(0x00000002, sopClassUid).us(0x00000100, C_STORE_RQ).us(0x00000110, id).us(0x00000700, 0)
                .us(0x00000800, 0x0000).ui(0x00001000, sopInstanceUid);
        try {
            sendCommand(pc, cmd, writer);
            return readResponse(C_STORE_RSP).status();
        } catch (IOException e) {
            throw fail("C-STORE", e);
        }
    }

    /** C-FIND: returns every pending identifier; a failure status ends in an exception naming it. */
    public List<DicomAttributes> find(String sopClassUid, DicomQuery query) throws DicomNetworkException {
        int pc = contextFor(sopClassUid, null).orElseThrow(
                () -> new DicomNetworkException(peer + " did not accept C-FIND for " + sopClassUid, false));
        String ts = accepted.get(pc)[1];
        int id = nextMessageId++;
        CommandSet cmd = new CommandSet()
                .ui(0x00000002, sopClassUid).us(0x00000100, C_FIND_RQ).us(0x00000110, id).us(0x00000700, 0)
                .us(0x00000800, 0x0000);
        List<DicomAttributes> matches = new ArrayList<>();
        try {
            sendCommand(pc, cmd, o -> DicomDataSets.writeQuery(query, o, ts));
            while (true) {
                Message rsp = readResponse(C_FIND_RSP);
                if (rsp.status().pending()) {
                    if (rsp.data() != null) {
                        matches.add(DicomDataSets.readDataSet(rsp.data(), ts));
                    }
                } else if (rsp.status().success()) {
                    return matches;
                } else {
                    throw new DicomNetworkException("C-FIND refused by " + peer + ": status " + rsp.status(), false);
                }
            }
        } catch (DicomNetworkException e) {
            throw e;
        } catch (IOException e) {
            throw fail("C-FIND", e);
        }
    }

    /**
     * Storage commitment request (N-ACTION, action type 1). Returns the N-ACTION status; the result arrives later as an
     * N-EVENT-REPORT, on this association if the peer sends it here ({@link #awaitEventReport}) or on a new one.
     */
    public DimseStatus requestStorageCommitment(String transactionUid, List<String[]> sopClassAndInstance)
            throws DicomNetworkException {
        int pc = contextFor(STORAGE_COMMITMENT_PUSH, null).orElseThrow(
                () -> new DicomNetworkException(peer + " does not offer storage commitment", false));
        String ts = accepted.get(pc)[1];
        int id = nextMessageId++;
        CommandSet cmd = new CommandSet()
                .ui(0x00000003, STORAGE_COMMITMENT_PUSH).us(0x00000100, N_ACTION_RQ).us(0x00000110, id)
                .us(0x00000800, 0x0000).ui(0x00001001, STORAGE_COMMITMENT_PUSH_INSTANCE).us(0x00001008, 1);
        try {
            sendCommand(pc, cmd, o -> DicomDataSets.writeCommitmentRequest(transactionUid, sopClassAndInstance, o, ts));
            return readResponse(N_ACTION_RSP).status();
        } catch (DicomNetworkException e) {
            throw e;
        } catch (IOException e) {
            throw fail("N-ACTION", e);
        }
    }

    /**
     * Sends a storage commitment result (N-EVENT-REPORT, event type 1 when all succeeded, 2 when some failed) as the
     * SCP of Storage Commitment Push; returns the requester's status.
     */
    DimseStatus reportStorageCommitment(int eventType, DataSetWriter eventInformation) throws DicomNetworkException {
        int pc = contextFor(STORAGE_COMMITMENT_PUSH, null).orElseThrow(
                () -> new DicomNetworkException(peer + " does not accept storage commitment reports", false));
        int id = nextMessageId++;
        CommandSet cmd = new CommandSet()
                .ui(0x00000002, STORAGE_COMMITMENT_PUSH).us(0x00000100, N_EVENT_REPORT_RQ).us(0x00000110, id)
                .us(0x00000800, 0x0000).ui(0x00001000, STORAGE_COMMITMENT_PUSH_INSTANCE).us(0x00001002, eventType);
        try {
            sendCommand(pc, cmd, eventInformation);
            return readResponse(N_EVENT_REPORT_RSP).status();
        } catch (DicomNetworkException e) {
            throw e;
        } catch (IOException e) {
            throw fail("N-EVENT-REPORT", e);
        }
    }

    /** The transfer syntax accepted for an abstract syntax, or null. */
    String transferSyntaxFor(String sopClassUid) {
        return contextFor(sopClassUid, null).map(pc -> accepted.get(pc)[1]).orElse(null);
    }

    /** Waits for an N-EVENT-REPORT on this association, answers it and returns its data set. */
    public Optional<DicomAttributes> awaitEventReport(int timeoutMs) throws DicomNetworkException {
        try {
            int old = socket.getSoTimeout();
            socket.setSoTimeout(timeoutMs);
            try {
                Message rq = readMessage();
                if (rq.command().us(0x00000100) != N_EVENT_REPORT_RQ) {
                    return Optional.empty();
                }
                String ts = accepted.get(rq.contextId())[1];
                CommandSet rsp = new CommandSet()
                        .ui(0x00000002, rq.command().ui(0x00000002)).us(0x00000100, N_EVENT_REPORT_RSP)
                        .us(0x00000120, rq.command().us(0x00000110)).us(0x00000800, NO_DATA_SET)
                        .us(0x00000900, 0).ui(0x00001000, rq.command().ui(0x00001000))
                        .us(0x00001002, rq.command().us(0x00001002));
                sendCommand(rq.contextId(), rsp, null);
                return rq.data() == null ? Optional.empty() : Optional.of(DicomDataSets.readDataSet(rq.data(), ts));
            } finally {
                socket.setSoTimeout(old);
            }
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw fail("N-EVENT-REPORT", e);
        }
    }

    /** Orderly release (A-RELEASE); aborts when the peer does not answer. */
    public void release() {
        if (closed) {
            return;
        }
        closed = true;
        if (!broken) {
            try {
                out.write(new byte[]{0x05, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                out.flush();
                socket.setSoTimeout(5000);
                while (true) {
                    int type = in.readUnsignedByte();
                    in.readUnsignedByte();
                    int len = in.readInt();
                    in.skipNBytes(len);
                    if (type == 0x06 || type == 0x07) {
                        break;
                    }
                }
            } catch (IOException e) {
                // the peer went away while releasing: nothing is lost, the socket is closed below
            }
        }
        closeQuietly(socket);
    }

    public void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.write(new byte[]{0x07, 0, 0, 0, 0, 4, 0, 0, 0, 0});
            out.flush();
        } catch (IOException e) {
            // already gone
        }
        closeQuietly(socket);
    }

    @Override
    public void close() {
        if (broken) {
            abort();
        } else {
            release();
        }
    }

    private DicomNetworkException fail(String what, IOException e) {
        broken = true;
        if (e instanceof DicomNetworkException d) {
            return d;
        }
        return new DicomNetworkException(what + " with " + peer + " failed: " + e, true, e);
    }

    /** Writes the data set of a DIMSE message (no meta header, in the negotiated transfer syntax). */
    @FunctionalInterface
    public interface DataSetWriter {
        void write(OutputStream out) throws IOException;
    }

    // ---- messages

    private void sendCommand(int pc, CommandSet cmd, DataSetWriter data) throws IOException {
        byte[] command = cmd.encode();
        writePdv(pc, true, true, command, 0, command.length);
        if (data != null) {
            try (PdvOutputStream pdvs = new PdvOutputStream(pc)) {
                data.write(pdvs);
            }
        }
        out.flush();
    }

    private void writePdv(int pc, boolean command, boolean last, byte[] b, int off, int len) throws IOException {
        int pduLength = len + 6;
        byte[] head = new byte[12];
        head[0] = 0x04;
        putInt(head, 2, pduLength);
        putInt(head, 6, len + 2);
        head[10] = (byte) pc;
        head[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
        out.write(head);
        out.write(b, off, len);
    }

    /** Cuts a data set into P-DATA PDUs of the peer's maximum length; the last one is marked on close. */
    private final class PdvOutputStream extends OutputStream {
        private final int pc;
        private final byte[] buf = new byte[Math.max(1024, peerMaxPdu - 6) & ~1];
        private int n;

        PdvOutputStream(int pc) {
            this.pc = pc;
        }

        @Override
        public void write(int b) throws IOException {
            if (n == buf.length) {
                writePdv(pc, false, false, buf, 0, n);
                n = 0;
            }
            buf[n++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (n == buf.length) {
                    writePdv(pc, false, false, buf, 0, n);
                    n = 0;
                }
                int k = Math.min(len, buf.length - n);
                System.arraycopy(b, off, buf, n, k);
                n += k;
                off += k;
                len -= k;
            }
        }

        @Override
        public void close() throws IOException {
            writePdv(pc, false, true, buf, 0, n);
            n = 0;
        }
    }

    record Message(int contextId, CommandSet command, byte[] data) {
        DimseStatus status() {
            return new DimseStatus(command.us(0x00000900), command.string(0x00000902));
        }
    }

    private Message readResponse(int expectedCommand) throws IOException {
        Message m = readMessage();
        int field = m.command().us(0x00000100);
        if (field != expectedCommand) {
            broken = true;
            throw new DicomNetworkException(String.format("unexpected DIMSE message %04X from %s (wanted %04X)",
                    field, peer, expectedCommand), false);
        }
        return m;
    }

    /** Reads one DIMSE message: its command and, when the command says so, its data set. */
    private Message readMessage() throws IOException {
        quickAck();
        ByteArrayOutputStream command = new ByteArrayOutputStream();
        ByteArrayOutputStream data = null;
        boolean commandDone = false;
        int contextId = 0;
        while (true) {
            int type = in.readUnsignedByte();
            in.readUnsignedByte();
            int length = in.readInt();
            if (type == 0x07) {
                in.skipNBytes(length);
                broken = true;
                throw new DicomNetworkException("association aborted by " + peer, true);
            }
            if (type == 0x05) {
                in.skipNBytes(length);
                out.write(new byte[]{0x06, 0, 0, 0, 0, 4, 0, 0, 0, 0});
                out.flush();
                broken = true;
                throw new DicomNetworkException(peer + " released the association unexpectedly", true);
            }
            if (type != 0x04) {
                broken = true;
                throw new DicomNetworkException("unexpected PDU type " + type + " from " + peer, false);
            }
            int remaining = length;
            while (remaining > 0) {
                int itemLength = in.readInt();
                contextId = in.readUnsignedByte();
                int header = in.readUnsignedByte();
                byte[] value = in.readNBytes(itemLength - 2);
                if (value.length != itemLength - 2) {
                    throw new EOFException("P-DATA truncated");
                }
                remaining -= 4 + itemLength;
                boolean isCommand = (header & 1) != 0;
                boolean last = (header & 2) != 0;
                if (isCommand) {
                    command.write(value);
                    if (last) {
                        commandDone = true;
                    }
                } else {
                    if (data == null) {
                        data = new ByteArrayOutputStream();
                    }
                    data.write(value);
                    if (last) {
                        return new Message(contextId, CommandSet.decode(command.toByteArray()), data.toByteArray());
                    }
                }
            }
            if (commandDone && data == null) {
                CommandSet cmd = CommandSet.decode(command.toByteArray());
                if (cmd.us(0x00000800) == NO_DATA_SET) {
                    return new Message(contextId, cmd, null);
                }
            }
        }
    }

    /**
     * Asks Linux to acknowledge at once what arrives next. A peer without TCP_NODELAY (a default Orthanc) writes its
     * response in two pieces and holds the second until our ACK; a delayed ACK then costs about 40 ms per message.
     * Quick-ACK mode is not sticky, so it is renewed before every response.
     */
    private void quickAck() {
        if (quickAckSupported) {
            try {
                socket.setOption(jdk.net.ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                quickAckSupported = false;
            }
        }
    }

    // ---- association PDUs

    private static byte[] associateRequest(String calledAet, String callingAet, List<PresentationContext> proposed) {
        ByteArrayOutputStream v = new ByteArrayOutputStream();
        v.write(0);
        v.write(1); // protocol version
        v.write(0);
        v.write(0);
        v.writeBytes(aet(calledAet));
        v.writeBytes(aet(callingAet));
        v.writeBytes(new byte[32]);
        item(v, 0x10, ascii(APPLICATION_CONTEXT));
        for (PresentationContext pc : proposed) {
            ByteArrayOutputStream p = new ByteArrayOutputStream();
            p.write(pc.id());
            p.write(0);
            p.write(0);
            p.write(0);
            item(p, 0x30, ascii(pc.abstractSyntax()));
            for (String ts : pc.transferSyntaxes()) {
                item(p, 0x40, ascii(ts));
            }
            item(v, 0x20, p.toByteArray());
        }
        ByteArrayOutputStream u = new ByteArrayOutputStream();
        byte[] max = new byte[4];
        putInt(max, 0, OUR_MAX_PDU);
        item(u, 0x51, max);
        item(u, 0x52, ascii(IMPLEMENTATION_CLASS_UID));
        item(u, 0x55, ascii(IMPLEMENTATION_VERSION));
        item(v, 0x50, u.toByteArray());
        byte[] body = v.toByteArray();
        byte[] pdu = new byte[6 + body.length];
        pdu[0] = 0x01;
        putInt(pdu, 2, body.length);
        System.arraycopy(body, 0, pdu, 6, body.length);
        return pdu;
    }

    private static void parseAccept(byte[] body, Map<Integer, String> abstractById, Map<Integer, String[]> accepted,
                                    int[] maxPdu) {
        int p = 68;
        while (p + 4 <= body.length) {
            int type = body[p] & 0xFF;
            int len = ((body[p + 2] & 0xFF) << 8) | (body[p + 3] & 0xFF);
            int start = p + 4;
            if (type == 0x21) {
                int id = body[start] & 0xFF;
                int result = body[start + 2] & 0xFF;
                int q = start + 4;
                String ts = "";
                while (q + 4 <= start + len) {
                    int st = body[q] & 0xFF;
                    int sl = ((body[q + 2] & 0xFF) << 8) | (body[q + 3] & 0xFF);
                    if (st == 0x40) {
                        ts = new String(body, q + 4, sl, StandardCharsets.US_ASCII).trim().replace("\0", "");
                    }
                    q += 4 + sl;
                }
                if (result == 0 && abstractById.containsKey(id)) {
                    accepted.put(id, new String[]{abstractById.get(id), ts});
                }
            } else if (type == 0x50) {
                int q = start;
                while (q + 4 <= start + len) {
                    int st = body[q] & 0xFF;
                    int sl = ((body[q + 2] & 0xFF) << 8) | (body[q + 3] & 0xFF);
                    if (st == 0x51 && sl == 4) {
                        maxPdu[0] = ((body[q + 4] & 0xFF) << 24) | ((body[q + 5] & 0xFF) << 16)
                                | ((body[q + 6] & 0xFF) << 8) | (body[q + 7] & 0xFF);
                    }
                    q += 4 + sl;
                }
            }
            p = start + len;
        }
    }

    private static void item(ByteArrayOutputStream o, int type, byte[] value) {
        o.write(type);
        o.write(0);
        o.write(value.length >> 8);
        o.write(value.length);
        o.writeBytes(value);
    }

    private static byte[] aet(String aet) {
        byte[] b = new byte[16];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] a = ascii(aet);
        System.arraycopy(a, 0, b, 0, Math.min(16, a.length));
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void putInt(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 24);
        b[off + 1] = (byte) (v >>> 16);
        b[off + 2] = (byte) (v >>> 8);
        b[off + 3] = (byte) v;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }
}
