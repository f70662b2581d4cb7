package org.bawaba.gateway.session;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Whether the sign-on (Keycloak) takes connections, asked before a browser is sent there to sign in: with it down,
 * the browser would land on a connection error of its own instead of a page of ours. Asked where the gateway
 * itself reaches Keycloak (its keys' address, inside the installation), with a short connect timeout; the answer is
 * kept for a couple of seconds, so that a burst of sign-ins costs one probe.
 */
final class SignOnProbe {

	private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

	private static final Duration KEPT = Duration.ofSeconds(2);

	private final String host;

	private final int port;

	private volatile Answer last = new Answer(true, 0);

	private record Answer(boolean up, long at) {
	}

	SignOnProbe(String address) {
		URI uri = URI.create(address);
		this.host = uri.getHost();
		this.port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

	Mono<Boolean> up() {
		Answer answer = this.last;
		if (answer.at() != 0 && System.nanoTime() - answer.at() < KEPT.toNanos()) {
			return Mono.just(answer.up());
		}
		return Mono.fromCallable(this::connects)
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext(up -> this.last = new Answer(up, System.nanoTime()));
	}

	private boolean connects() {
		if (this.host == null) {
			return false;
		}
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), (int) CONNECT_TIMEOUT.toMillis());
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
