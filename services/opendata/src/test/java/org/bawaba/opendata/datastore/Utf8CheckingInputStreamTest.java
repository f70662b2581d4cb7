package org.bawaba.opendata.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class Utf8CheckingInputStreamTest {

	@Test
	void wellFormedTextPasses() throws IOException {
		byte[] text = "a,b\nالدوحة,😀\n".getBytes(StandardCharsets.UTF_8);
		try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(text))) {
			assertThat(in.readAllBytes()).isEqualTo(text);
		}
	}

	@Test
	void aBadByteIsReportedWithItsLine() {
		assertThatThrownBy(() -> read(bytes("a\nb\n", 0xC3, 0x28))).isInstanceOfSatisfying(MalformedFileException.class,
				ex -> assertThat(ex.line()).isEqualTo(3));
		// overlong form of '/', a surrogate, a truncated sequence at the end
		assertThatThrownBy(() -> read(bytes("", 0xC0, 0xAF))).isInstanceOf(MalformedFileException.class);
		assertThatThrownBy(() -> read(bytes("x\n", 0xED, 0xA0, 0x80))).isInstanceOf(MalformedFileException.class);
		assertThatThrownBy(() -> read(bytes("x", 0xD8))).isInstanceOf(MalformedFileException.class);
	}

	private static void read(byte[] bytes) throws IOException {
		try (InputStream in = new Utf8CheckingInputStream(new ByteArrayInputStream(bytes))) {
			in.readAllBytes();
		}
	}

	private static byte[] bytes(String prefix, int... tail) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(prefix.getBytes(StandardCharsets.UTF_8));
		for (int b : tail) {
			out.write(b);
		}
		return out.toByteArray();
	}

}
