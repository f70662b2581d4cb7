package org.bawaba.opendata.datastore;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while checking they are well-formed UTF-8 (no overlong forms, no surrogates, at most
 * U+10FFFF) and counting line feeds, so that a bad byte is reported with the line it is on.
 */
class Utf8CheckingInputStream extends FilterInputStream {

	private long line = 1;

	private int pending;

	private int lower = 0x80;

	private int upper = 0xBF;

	private boolean atEnd;

	Utf8CheckingInputStream(InputStream in) {
		super(in);
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b < 0) {
			end();
		}
		else {
			check(b);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read < 0) {
			end();
			return read;
		}
		for (int i = offset; i < offset + read; i++) {
			check(buffer[i] & 0xFF);
		}
		return read;
	}

	private void end() {
		if (!atEnd && pending > 0) {
			throw new MalformedFileException(line, "invalid-utf8");
		}
		atEnd = true;
	}

	private void check(int b) {
		if (pending == 0) {
			if (b < 0x80) {
				if (b == '\n') {
					line++;
				}
				return;
			}
			lower = 0x80;
			upper = 0xBF;
			if (b >= 0xC2 && b <= 0xDF) {
				pending = 1;
			}
			else if (b >= 0xE0 && b <= 0xEF) {
				pending = 2;
				if (b == 0xE0) {
					lower = 0xA0;
				}
				else if (b == 0xED) {
					upper = 0x9F;
				}
			}
			else if (b >= 0xF0 && b <= 0xF4) {
				pending = 3;
				if (b == 0xF0) {
					lower = 0x90;
				}
				else if (b == 0xF4) {
					upper = 0x8F;
				}
			}
			else {
				throw new MalformedFileException(line, "invalid-utf8");
			}
			return;
		}
		if (b < lower || b > upper) {
			throw new MalformedFileException(line, "invalid-utf8");
		}
		lower = 0x80;
		upper = 0xBF;
		pending--;
	}

}
