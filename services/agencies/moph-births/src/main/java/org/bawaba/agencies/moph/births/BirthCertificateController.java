package org.bawaba.agencies.moph.births;

import java.util.List;
import java.util.UUID;

import org.bawaba.platform.problem.ProblemException;
import org.bawaba.platform.security.Caller;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Parents read the birth certificates issued for their applications; the ministry's staff read any. */
@RestController
class BirthCertificateController {

	private final BirthCertificateRepository certificates;

	private final String agency;

	BirthCertificateController(BirthCertificateRepository certificates, @Value("${bawaba.agency}") String agency) {
		this.certificates = certificates;
		this.agency = agency;
	}

	@GetMapping("/birth-certificates")
	List<BirthCertificate> mine(Caller caller) {
		return certificates.ofParent(caller.subject());
	}

	@GetMapping("/birth-certificates/{id}")
	BirthCertificate get(@PathVariable UUID id, Caller caller) {
		BirthCertificate certificate = certificates.find(id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, "birth-certificate-not-found", id));
		boolean ministry = agency.equals(caller.agency()) && caller.isAgencyStaff();
		if (!ministry && !caller.subject().equals(certificate.parent())) {
			// another person's certificate is not found, rather than forbidden: its existence is private too
			throw new ProblemException(HttpStatus.NOT_FOUND, "birth-certificate-not-found", id);
		}
		return certificate;
	}

}
