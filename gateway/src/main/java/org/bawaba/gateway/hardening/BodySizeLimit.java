package org.bawaba.gateway.hardening;

import java.util.concurrent.atomic.AtomicLong;

import org.bawaba.gateway.problem.ProblemResponses;
import org.bawaba.gateway.problem.ProblemType;
import org.bawaba.gateway.routing.RoutedService;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses a request body larger than the routed service accepts
 * ({@code bawaba.hardening.max-body-size}, per service {@code max-body-sizes.<service>}) with 413:
 * at once when {@code Content-Length} says so, and while streaming when a chunked body grows past
 * the limit (the service then sees the upload fail, and the caller gets 413 if no answer has
 * started).
 */
final class BodySizeLimit implements GlobalFilter, Ordered {

	private final HardeningProperties properties;

	private final ProblemResponses problems;

	BodySizeLimit(HardeningProperties properties, ProblemResponses problems) {
		this.properties = properties;
		this.problems = problems;
	}

	@Override
	public int getOrder() {
		return -20;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		long limit = this.properties.maxBodySize(RoutedService.of(exchange).orElse("")).toBytes();
		ServerHttpRequest request = exchange.getRequest();
		long length = request.getHeaders().getContentLength();
		if (length > limit) {
			return this.problems.write(exchange, ProblemType.PAYLOAD_TOO_LARGE, Long.toString(limit));
		}
		if (length >= 0) {
			return chain.filter(exchange);
		}
		ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
			@Override
			public Flux<DataBuffer> getBody() {
				AtomicLong seen = new AtomicLong();
				return super.getBody().handle((buffer, sink) -> {
					if (seen.addAndGet(buffer.readableByteCount()) > limit) {
						DataBufferUtils.release(buffer);
						sink.error(new DataBufferLimitException("The request body is larger than " + limit + " bytes."));
					}
					else {
						sink.next(buffer);
					}
				});
			}
		};
		return chain.filter(exchange.mutate().request(counted).build());
	}

}
