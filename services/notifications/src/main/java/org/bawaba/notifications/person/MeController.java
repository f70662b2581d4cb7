package org.bawaba.notifications.person;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bawaba.notifications.Channel;
import org.bawaba.notifications.web.InvalidInputException;
import org.bawaba.platform.security.Caller;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's own contact profile and notification preferences. */
@RestController
@RequestMapping("/me")
class MeController {

	private final PersonStore people;

	private final ContactDirectory contacts;

	private final Preferences preferences;

	MeController(PersonStore people, ContactDirectory contacts, Preferences preferences) {
		this.people = people;
		this.contacts = contacts;
		this.preferences = preferences;
	}

	record ContactRequest(@Nullable @Email @Size(max = 254) String email,
			@Nullable @Pattern(regexp = "\\+[1-9][0-9]{7,14}") String phone,
			@Nullable @Pattern(regexp = "en|ar") String locale) {
	}

	record ContactView(@Nullable String email, @Nullable String phone, @Nullable String locale,
			ContactDirectory.Contact effective) {
	}

	record QuietHours(@NotNull LocalTime start, @NotNull LocalTime end, @NotNull @Size(max = 64) String zone) {
	}

	record PreferencesRequest(@Nullable Map<String, List<Channel>> categories, @Nullable @Valid QuietHours quietHours,
			@Nullable Boolean optedOut) {
	}

	record PreferencesView(Map<String, List<Channel>> categories, @Nullable QuietHours quietHours, boolean optedOut) {
	}

	/** The profile as given here, and what is used (with where each value comes from). */
	@GetMapping("/contact")
	ContactView contact(Caller caller) {
		Person person = people.find(caller.subject());
		return new ContactView(person.email(), person.phone(), person.locale(), contacts.resolve(person));
	}

	/** Replaces the profile; an absent value falls back to Keycloak's record. */
	@PutMapping("/contact")
	ContactView putContact(@Valid @RequestBody ContactRequest request, Caller caller) {
		people.saveContact(caller.subject(), blankToNull(request.email()), blankToNull(request.phone()),
				request.locale());
		return contact(caller);
	}

	@GetMapping("/preferences")
	PreferencesView preferences(Caller caller) {
		Person person = people.find(caller.subject());
		return view(person);
	}

	@PutMapping("/preferences")
	PreferencesView putPreferences(@Valid @RequestBody PreferencesRequest request, Caller caller) {
		List<InvalidInputException.FieldMessage> errors = new ArrayList<>();
		Map<String, List<Channel>> categories = request.categories() == null ? Map.of() : request.categories();
		categories.forEach((category, channels) -> {
			if (!preferences.knows(category)) {
				errors.add(InvalidInputException.field("categories." + category, "preferences.category-unknown", category));
			}
			else if (channels == null || channels.contains(null)) {
				errors.add(InvalidInputException.field("categories." + category, "preferences.channels-invalid"));
			}
		});
		QuietHours quiet = request.quietHours();
		if (quiet != null) {
			try {
				ZoneId.of(quiet.zone());
			}
			catch (RuntimeException ex) {
				errors.add(InvalidInputException.field("quietHours.zone", "preferences.zone-unknown", quiet.zone()));
			}
			if (quiet.start().equals(quiet.end())) {
				errors.add(InvalidInputException.field("quietHours.end", "preferences.quiet-empty"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidInputException(errors);
		}
		Map<String, List<Channel>> distinct = new LinkedHashMap<>();
		categories.forEach((category, channels) -> distinct.put(category, channels.stream().distinct().toList()));
		people.savePreferences(caller.subject(), distinct, Boolean.TRUE.equals(request.optedOut()), quiet == null ? null : quiet.start(),
				quiet == null ? null : quiet.end(), quiet == null ? null : quiet.zone());
		return preferences(caller);
	}

	private PreferencesView view(Person person) {
		Map<String, List<Channel>> categories = new LinkedHashMap<>();
		preferences.categories().forEach(category -> categories.put(category,
				person.categories().getOrDefault(category, preferences.defaults(category))));
		QuietHours quiet = person.quietStart() == null ? null
				: new QuietHours(person.quietStart(), person.quietEnd(), person.timeZone());
		return new PreferencesView(categories, quiet, person.optedOut());
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value;
	}

}
