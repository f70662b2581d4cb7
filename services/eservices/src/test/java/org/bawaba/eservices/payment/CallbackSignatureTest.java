package org.bawaba.eservices.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

	static final byte[] BODY = "{\"paymentId\":\"p\",\"status\":\"PAID\"}".getBytes(StandardCharsets.UTF_8);

	@Test
	void aSignatureMatchesOnlyItsBodyAndSecret() {
		String signature = CallbackSignature.sign("a-secret-of-sixteen+", BODY);
		assertThat(signature).matches("sha256=[0-9a-f]{64}");
		assertThat(CallbackSignature.verify("a-secret-of-sixteen+", BODY, signature)).isTrue();
		assertThat(CallbackSignature.verify("another-secret-16+", BODY, signature)).isFalse();
		assertThat(CallbackSignature.verify("a-secret-of-sixteen+",
				"{\"paymentId\":\"p\",\"status\":\"FAILED\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
		assertThat(CallbackSignature.verify("a-secret-of-sixteen+", BODY, null)).isFalse();
	}

}
