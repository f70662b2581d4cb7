package org.bawaba.gateway.hardening;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import org.bawaba.gateway.problem.Problem;
import org.bawaba.gateway.problem.ProblemMessages;
import org.bawaba.gateway.problem.ProblemType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sits in each connection's Netty pipeline right after the HTTP decoder, before reactor-netty and
 * Spring see a request, and answers as a problem (in the caller's language when its
 * {@code Accept-Language} could be read) what would otherwise get reactor-netty's empty answer or
 * never reach Spring's error handling:
 * <ul>
 * <li>an address longer than {@code bawaba.hardening.max-uri-length}: 414;</li>
 * <li>headers larger than {@code bawaba.hardening.max-header-size}: 431;</li>
 * <li>a request the decoder refused: 414 or 431 past its own, larger limits
 * ({@code server.netty.max-initial-line-length}, {@code server.max-http-request-header-size}, where
 * the headers were not read, so in English), 400 when it is not valid HTTP;</li>
 * <li>an address or {@code Host} header that cannot be parsed: 400.</li>
 * </ul>
 * The connection is closed after the answer; the request's body, if any, is discarded.
 */
final class RequestGuard extends ChannelInboundHandlerAdapter {

	/** The name of this handler in the pipeline. */
	static final String NAME = "bawaba.requestGuard";

	private final long maxUriLength;

	private final long maxHeaderSize;

	private final ProblemMessages messages;

	private final JsonMapper json;

	private boolean discarding;

	RequestGuard(long maxUriLength, long maxHeaderSize, ProblemMessages messages, JsonMapper json) {
		this.maxUriLength = maxUriLength;
		this.maxHeaderSize = maxHeaderSize;
		this.messages = messages;
		this.json = json;
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		if (msg instanceof HttpRequest request) {
			ProblemType refused = refusal(request);
			if (refused != null) {
				this.discarding = !(msg instanceof LastHttpContent);
				String acceptLanguage = request.headers().get(HttpHeaderNames.ACCEPT_LANGUAGE);
				// the decoder's placeholder request has no real address, and a too long one is not repeated
				String instance = (request.decoderResult().isFailure() || refused == ProblemType.URI_TOO_LONG) ? null
						: path(request.uri());
				ReferenceCountUtil.release(msg);
				ctx.writeAndFlush(answer(refused, acceptLanguage, instance)).addListener(ChannelFutureListener.CLOSE);
				return;
			}
			this.discarding = false;
		}
		else if (this.discarding && msg instanceof HttpContent) {
			this.discarding = !(msg instanceof LastHttpContent);
			ReferenceCountUtil.release(msg);
			return;
		}
		ctx.fireChannelRead(msg);
	}

	/** Why the request is refused here, or {@code null} to let it through. */
	private ProblemType refusal(HttpRequest request) {
		DecoderResult decoded = request.decoderResult();
		if (decoded.isFailure()) {
			Throwable cause = decoded.cause();
			if (cause instanceof TooLongHttpLineException) {
				return ProblemType.URI_TOO_LONG;
			}
			if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
				return ProblemType.HEADERS_TOO_LARGE;
			}
			return ProblemType.MALFORMED_REQUEST;
		}
		if (request.uri().length() > this.maxUriLength) {
			return ProblemType.URI_TOO_LONG;
		}
		long headerSize = 0;
		for (Map.Entry<String, String> header : request.headers()) {
			headerSize += header.getKey().length() + header.getValue().length() + 4;
		}
		if (headerSize > this.maxHeaderSize) {
			return ProblemType.HEADERS_TOO_LARGE;
		}
		if (!parses(request.uri()) || !validHost(request.headers().get(HttpHeaderNames.HOST))) {
			return ProblemType.MALFORMED_REQUEST;
		}
		return null;
	}

	private FullHttpResponse answer(ProblemType type, String acceptLanguage, String instance) {
		Locale locale = ProblemMessages.locale(acceptLanguage);
		Problem problem = this.messages.problem(type, null, locale, instance);
		byte[] body = this.json.writeValueAsBytes(problem);
		FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
				HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
		response.headers()
			.set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
			.set(HttpHeaderNames.CONTENT_LENGTH, body.length)
			.set(HttpHeaderNames.CONTENT_LANGUAGE, locale.getLanguage())
			.set(HttpHeaderNames.CACHE_CONTROL, "no-store")
			.set("X-Content-Type-Options", "nosniff")
			.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
		return response;
	}

	private static boolean parses(String uri) {
		try {
			new URI(uri);
			return true;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** No {@code Host} (HTTP/1.0), or one that is a host with an optional port. */
	private static boolean validHost(String host) {
		if (host == null) {
			return true;
		}
		try {
			URI uri = new URI("http://" + host + "/");
			return uri.getRawAuthority() != null && uri.getRawUserInfo() == null && "/".equals(uri.getRawPath())
					&& uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/** The path of the request's address, when it has one that can be read. */
	private static String path(String uri) {
		try {
			return new URI(uri).getRawPath();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
