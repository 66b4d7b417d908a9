package dev.rapport.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http2.DefaultHttp2HeadersDecoder;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2Headers;
import io.restassured.path.json.JsonPath;

/**
 * Requests written byte by byte, as HTTP clients refuse to send them: malformed URIs, oversized lines and headers,
 * chunked bodies over HTTP/1.1, and header values with control characters over HTTP/2 (prior knowledge, h2c).
 */
final class RawHttp {

    record Response(int status, Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        JsonPath json() {
            return JsonPath.from(body);
        }
    }

    private final String host;
    private final int port;

    RawHttp(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}, on a new connection. */
    Response http1(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                try {
                    out.write(body);
                } catch (IOException e) {
                    // The server may answer and close before the whole body is sent; the answer is still there.
                }
            }
            out.flush();
            return readHttp1(socket.getInputStream());
        }
    }

    /** A body sent as one chunk of {@code data}. */
    static byte[] chunked(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        out.writeBytes("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static Response readHttp1(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // read what arrived
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new EOFException("No complete response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(end + 4));
    }

    /** A GET over HTTP/2 with {@code headers} sent as they are (HPACK literals, no validation). */
    Response http2Get(String path, Map<String, String> headers) throws IOException, Http2Exception {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            frame(out, 0x4, 0, 0, new byte[0]);
            ByteArrayOutputStream block = new ByteArrayOutputStream();
            literal(block, ":method", "GET");
            literal(block, ":scheme", "http");
            literal(block, ":authority", host + ":" + port);
            literal(block, ":path", path);
            headers.forEach((name, value) -> literal(block, name.toLowerCase(Locale.ROOT), value));
            frame(out, 0x1, 0x1 | 0x4, 1, block.toByteArray());
            out.flush();
            return readHttp2(new DataInputStream(socket.getInputStream()), out);
        }
    }

    private static Response readHttp2(DataInputStream in, OutputStream out) throws IOException, Http2Exception {
        Http2Headers headers = null;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int length = in.readUnsignedByte() << 16 | in.readUnsignedShort();
            int type = in.readUnsignedByte();
            int flags = in.readUnsignedByte();
            int stream = in.readInt() & 0x7FFFFFFF;
            byte[] payload = in.readNBytes(length);
            if (type == 0x4 && (flags & 0x1) == 0) {
                frame(out, 0x4, 0x1, 0, new byte[0]);
                out.flush();
            } else if (type == 0x7) {
                throw new EOFException("GOAWAY from the server");
            } else if (stream == 1 && type == 0x1) {
                int padding = (flags & 0x8) != 0 ? payload[0] & 0xFF : 0;
                int start = ((flags & 0x8) != 0 ? 1 : 0) + ((flags & 0x20) != 0 ? 5 : 0);
                headers = new DefaultHttp2HeadersDecoder(false)
                        .decodeHeaders(1, Unpooled.wrappedBuffer(payload, start, payload.length - start - padding));
            } else if (stream == 1 && type == 0x0) {
                body.write(payload);
            } else if (stream == 1 && type == 0x3) {
                throw new EOFException("Stream reset by the server");
            }
            if (stream == 1 && (type == 0x0 || type == 0x1) && (flags & 0x1) != 0) {
                break;
            }
        }
        Map<String, String> names = new TreeMap<>();
        headers.forEach(header ->
                names.put(header.getKey().toString(), header.getValue().toString()));
        return new Response(
                Integer.parseInt(headers.status().toString()), names, body.toString(StandardCharsets.UTF_8));
    }

    private static void frame(OutputStream out, int type, int flags, int stream, byte[] payload) throws IOException {
        out.write(new byte[] {
            (byte) (payload.length >>> 16),
            (byte) (payload.length >>> 8),
            (byte) payload.length,
            (byte) type,
            (byte) flags,
            (byte) (stream >>> 24),
            (byte) (stream >>> 16),
            (byte) (stream >>> 8),
            (byte) stream
        });
        out.write(payload);
    }

    /** An HPACK literal header field without indexing, new name, no Huffman coding (names and values < 127 bytes). */
    private static void literal(ByteArrayOutputStream block, String name, String value) {
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        block.write(0);
        block.write(n.length);
        block.writeBytes(n);
        block.write(v.length);
        block.writeBytes(v);
    }
}
