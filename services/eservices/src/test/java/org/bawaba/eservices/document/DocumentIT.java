package org.bawaba.eservices.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.bawaba.eservices.EservicesIT;
import org.bawaba.platform.test.TestDatabase;
import org.bawaba.platform.test.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DocumentIT extends EservicesIT {

	static final String CITIZEN = TestTokens.citizen("citizen-docs");

	static final byte[] PDF = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
		.getBytes(StandardCharsets.US_ASCII);

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0,
			0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0, (byte) 0x90, 'w', 'S', (byte) 0xde };

	static final byte[] EXE = exe();

	@Test
	void requiredDocumentsAreStoredOnDiskWithTheirChecksumBeforeSubmission() throws Exception {
		String id = draft();
		HttpResponse<String> early = post("/applications/" + id + "/submit", "", CITIZEN);
		assertThat(early.statusCode()).isEqualTo(409);
		assertThat(json(early).get("type").asString()).endsWith("/documents-missing");

		HttpResponse<String> pdf = upload(id, "birth-certificate", "birth.pdf", "application/pdf", PDF, CITIZEN);
		assertThat(pdf.statusCode()).as(pdf.body()).isEqualTo(201);
		JsonNode document = json(pdf);
		assertThat(document.get("mediaType").asString()).isEqualTo("application/pdf");
		assertThat(document.get("sha256").asString()).isEqualTo(DocumentService.sha256(PDF));
		Path stored = DOCUMENTS.resolve(id).resolve(document.get("id").asString());
		assertThat(Files.readAllBytes(stored)).isEqualTo(PDF);

		HttpResponse<String> png = upload(id, "vaccination-record", "record.png", "image/png", PNG, CITIZEN);
		assertThat(png.statusCode()).as(png.body()).isEqualTo(201);
		assertThat(json(png).get("mediaType").asString()).isEqualTo("image/png");

		assertThat(json(post("/applications/" + id + "/submit", "", CITIZEN)).get("status").asString())
			.isEqualTo("SUBMITTED");
		assertThat(upload(id, "birth-certificate", "late.pdf", "application/pdf", PDF, CITIZEN).statusCode())
			.isEqualTo(409);

		HttpResponse<String> download = get("/applications/" + id + "/documents/" + document.get("id").asString(),
				TestTokens.staff("moe-staff", "moe"));
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.body().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(PDF);
		assertThat(get("/applications/" + id + "/documents", TestTokens.staff("moi-staff", "moi")).statusCode())
			.isEqualTo(404);
		assertThat(json(get("/applications/" + id + "/documents", CITIZEN)).size()).isEqualTo(2);
	}

	@Test
	void aRenamedExecutableAnEmptyFileAndAnUnknownTypeAreRejectedAndNothingIsStored() throws Exception {
		String id = draft();
		long rows = TestDatabase.count(DATABASE, "select count(*) from application_document");

		HttpResponse<String> exe = upload(id, "birth-certificate", "birth.pdf", "application/pdf", EXE, CITIZEN);
		assertThat(exe.statusCode()).isEqualTo(415);
		assertThat(isProblem(exe)).isTrue();
		assertThat(json(exe).get("type").asString()).endsWith("/document-rejected");
		assertThat(json(exe).get("detail").asString()).contains("application/x-");

		assertThat(upload(id, "birth-certificate", "empty.pdf", "application/pdf", new byte[0], CITIZEN).statusCode())
			.isEqualTo(400);
		HttpResponse<String> unknownType = upload(id, "selfie", "a.pdf", "application/pdf", PDF, CITIZEN);
		assertThat(unknownType.statusCode()).isEqualTo(400);
		assertThat(json(unknownType).get("errors").get(0).get("field").asString()).isEqualTo("type");
		byte[] big = Arrays.copyOf(PDF, 6 * 1024 * 1024);
		assertThat(upload(id, "birth-certificate", "big.pdf", "application/pdf", big, CITIZEN).statusCode())
			.isEqualTo(413);
		assertThat(upload(id, "birth-certificate", "b.pdf", "application/pdf", PDF, TestTokens.citizen("someone-else"))
			.statusCode()).isEqualTo(404);

		assertThat(TestDatabase.count(DATABASE, "select count(*) from application_document")).isEqualTo(rows);
		Path folder = DOCUMENTS.resolve(id);
		assertThat(!Files.exists(folder) || Files.list(folder).findAny().isEmpty()).isTrue();
	}

	private String draft() {
		HttpResponse<String> created = post("/applications",
				"{\"serviceCode\":\"moe-school-enrolment\",\"formData\":{\"childIdNumber\":\"31263400007\",\"grade\":1}}",
				CITIZEN);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json(created).get("id").asString();
	}

	private HttpResponse<String> upload(String id, String type, String filename, String contentType, byte[] content,
			String bearer) {
		String boundary = "----bawaba-test-boundary";
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(uri("/applications/" + id + "/documents?type=" + type))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", bearer)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	/** The start of a Windows executable: the MZ header and its DOS stub. */
	private static byte[] exe() {
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[0x3c] = (byte) 0x80;
		byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
		System.arraycopy(stub, 0, exe, 0x4e, stub.length);
		exe[0x80] = 'P';
		exe[0x81] = 'E';
		return exe;
	}

}
