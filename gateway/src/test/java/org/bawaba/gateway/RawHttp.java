package org.bawaba.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 client on a plain socket: it sends exactly the bytes it is given (malformed request
 * lines, any {@code Host}, oversized addresses and headers, encoded paths that other clients
 * normalise or refuse) and reads the answer until the server closes the connection.
 */
final class RawHttp {

	/** What came back: the status, the headers (names in lower case) and the body as text. */
	record Response(int status, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	private RawHttp() {
	}

	/**
	 * Sends {@code method target HTTP/1.1} with {@code Host: localhost}, {@code Connection: close} and
	 * the given header lines ({@code "Name: value"}), and a body if not {@code null}.
	 */
	static Response send(int port, String method, String target, byte[] body, String... headers) {
		StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		boolean host = false;
		for (String header : headers) {
			if (header.isEmpty()) {
				continue;
			}
			host |= header.regionMatches(true, 0, "Host:", 0, 5);
			head.append(header).append("\r\n");
		}
		if (!host) {
			head.append("Host: localhost:").append(port).append("\r\n");
		}
		head.append("Connection: close\r\n");
		if (body != null) {
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		return sendBytes(port, head.toString().getBytes(StandardCharsets.UTF_8), body);
	}

	/** Sends the bytes as they are, and reads the answer until the connection closes. */
	static Response sendBytes(int port, byte[] head, byte[] body) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(head);
				if (body != null) {
					out.write(body);
				}
				out.flush();
			}
			catch (SocketException answeredEarly) {
				// the server answered and closed before reading everything: read what it said
			}
			return parse(readUntilClosed(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readUntilClosed(InputStream in) throws IOException {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				read.write(buffer, 0, n);
			}
		}
		catch (SocketException reset) {
			// a reset after the answer: what was read is the answer
		}
		return read.toByteArray();
	}

	private static Response parse(byte[] bytes) {
		String all = new String(bytes, StandardCharsets.ISO_8859_1);
		int end = all.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IllegalStateException("no complete HTTP answer: " + all);
		}
		String[] lines = all.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
		}
		byte[] rest = Arrays.copyOfRange(bytes, end + 4, bytes.length);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			rest = dechunk(rest);
		}
		return new Response(status, headers, new String(rest, StandardCharsets.UTF_8));
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		int at = 0;
		while (at < chunked.length) {
			int lineEnd = indexOf(chunked, at);
			int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
			if (size == 0) {
				break;
			}
			body.write(chunked, lineEnd + 2, size);
			at = lineEnd + 2 + size + 2;
		}
		return body.toByteArray();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i + 1 < bytes.length; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		throw new IllegalStateException("a chunk without its size line");
	}

}
