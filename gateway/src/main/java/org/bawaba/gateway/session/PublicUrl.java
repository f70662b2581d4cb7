package org.bawaba.gateway.session;

import java.net.URI;
import java.net.URISyntaxException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where people reach the suite ({@code bawaba.public-url}, e.g. {@code https://bawaba.gov.example}).
 * Every absolute URL the gateway hands to a browser or to Keycloak — the sign-in's
 * {@code redirect_uri}, where Keycloak sends the browser after signing out — is built from it,
 * never from the request's {@code Host} or {@code X-Forwarded-Host}, which a caller chooses.
 */
@Component
public final class PublicUrl {

	private final URI url;

	public PublicUrl(@Value("${bawaba.public-url:http://localhost:8080}") String url) {
		this.url = parse(url);
	}

	/** The public URL without a trailing slash, e.g. {@code https://bawaba.gov.example}. */
	public String base() {
		return this.url.toString();
	}

	/**
	 * A redirect URI template of Spring Security with the request-derived variables
	 * ({@code {baseUrl}}, {@code {baseScheme}}, {@code {baseHost}}, {@code {basePort}},
	 * {@code {basePath}}) replaced by the public URL's parts; other variables stay.
	 */
	public String expand(String template) {
		String port = (this.url.getPort() == -1) ? "" : ":" + this.url.getPort();
		return template.replace("{baseUrl}", base())
			.replace("{baseScheme}", this.url.getScheme())
			.replace("{baseHost}", this.url.getHost())
			.replace("{basePort}", port)
			.replace("{basePath}", this.url.getRawPath());
	}

	private static URI parse(String value) {
		try {
			String trimmed = value.strip().replaceAll("/+$", "");
			URI uri = new URI(trimmed);
			if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
					|| uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
				throw new URISyntaxException(value, "not an http(s) URL with a host and nothing after its path");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("bawaba.public-url (BAWABA_PUBLIC_URL) must be where people reach the "
					+ "suite, such as https://bawaba.gov.example; it is '" + value + "'", ex);
		}
	}

}
