package org.bawaba.gateway.session;

import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The access token of a browser session, refreshed when it has expired, exactly as the token relay
 * sends it to the services; decoded and validated like any bearer token.
 */
@Component
public class SessionAccessTokens {

	private final ReactiveOAuth2AuthorizedClientManager clients;

	private final ReactiveJwtDecoder decoder;

	SessionAccessTokens(ReactiveOAuth2AuthorizedClientManager clients, ReactiveJwtDecoder decoder) {
		this.clients = clients;
		this.decoder = decoder;
	}

	public Mono<Jwt> of(OAuth2AuthenticationToken session, ServerWebExchange exchange) {
		OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest
			.withClientRegistrationId(session.getAuthorizedClientRegistrationId())
			.principal(session)
			.attribute(ServerWebExchange.class.getName(), exchange)
			.build();
		return this.clients.authorize(request)
			.map(OAuth2AuthorizedClient::getAccessToken)
			.flatMap(token -> this.decoder.decode(token.getTokenValue()));
	}

}
