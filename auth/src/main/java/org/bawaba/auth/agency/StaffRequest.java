package org.bawaba.auth.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A person to make staff of an agency: an existing account by username, or a new one (invited: they set
 * their password at first sign-in). {@code admin} may be left out (not an admin).
 */
record StaffRequest(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,59}") String username,
		@Email @Size(max = 200) String email, @Size(max = 100) @Pattern(regexp = Bilingual.TEXT) String firstName,
		@Size(max = 100) @Pattern(regexp = Bilingual.TEXT) String lastName,
		Boolean admin) {

	boolean isAdmin() {
		return Boolean.TRUE.equals(admin);
	}

}
