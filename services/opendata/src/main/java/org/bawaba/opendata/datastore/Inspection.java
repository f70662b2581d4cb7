package org.bawaba.opendata.datastore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the first, streaming pass over a file found: its columns, the type of each (from every value of the
 * whole file), the longest value of each (in characters), the rows, the size and the SHA-256. A malformed file fails here, before the database is touched.
 */
record Inspection(List<String> columns, List<ColumnType> types, List<Integer> longest, long rows, long bytes,
		String sha256) {

	static Inspection of(Path file, TableFormat format) throws IOException {
		MessageDigest digest;
		try {
			digest = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		List<ColumnType> types = new ArrayList<>();
		List<Integer> longest = new ArrayList<>();
		long rows = 0;
		List<String> columns;
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest);
				TableReader reader = TableReader.open(in, format, null)) {
			String[] row;
			while ((row = reader.next()) != null) {
				while (types.size() < row.length) {
					types.add(null);
					longest.add(0);
				}
				for (int i = 0; i < row.length; i++) {
					if (row[i] != null) {
						types.set(i, ColumnType.widen(types.get(i), row[i]));
						if (row[i].length() > longest.get(i)) {
							longest.set(i, row[i].length());
						}
					}
				}
				rows++;
			}
			columns = List.copyOf(reader.columns());
			// read to the end so that the digest covers the whole file
			in.transferTo(java.io.OutputStream.nullOutputStream());
		}
		while (types.size() < columns.size()) {
			types.add(null);
			longest.add(0);
		}
		if (columns.isEmpty()) {
			throw new MalformedFileException(1, "no-columns");
		}
		// a column without any value is text
		types.replaceAll(type -> type == null ? ColumnType.TEXT : type);
		return new Inspection(columns, List.copyOf(types), List.copyOf(longest), rows, Files.size(file),
				HexFormat.of().formatHex(digest.digest()));
	}

}
