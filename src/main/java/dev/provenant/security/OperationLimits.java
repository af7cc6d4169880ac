package dev.provenant.security;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.provenant.api.GraphQlRefusal;
import dev.provenant.api.LimitExceeded;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Limits on GraphQL operations that the HTTP filters cannot see. Each operation sent over
 * WebSocket draws on its principal's request bucket ({@link RequestLimits}), as an HTTP
 * request does: a connection is opened once, and a client could otherwise send
 * {@code subscribe} after {@code subscribe} unchecked. And a principal may hold at most
 * {@code provenant.security.max-subscriptions-per-principal} subscriptions open at once,
 * over all its connections to this instance, since each holds a listener and a thread's
 * share of event delivery for as long as it lasts. A refused operation gets an
 * {@code error} message with code {@code RATE_LIMITED} or {@code TOO_MANY_SUBSCRIPTIONS};
 * the connection stays open.
 */
final class OperationLimits implements WebGraphQlInterceptor, Ordered {

	static final String TOO_MANY_SUBSCRIPTIONS = "TOO_MANY_SUBSCRIPTIONS";

	/** Written by Spring Security's context propagation and by the WebSocket login. */
	private static final String SECURITY_CONTEXT = SecurityContext.class.getName();

	private final RequestLimits limits;

	private final int maxSubscriptions;

	/**
	 * Open subscriptions by principal. An entry lives only while its principal has one
	 * open, so the map holds at most as many entries as there are open subscriptions.
	 */
	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	OperationLimits(RequestLimits limits, int maxSubscriptions) {
		this.limits = limits;
		this.maxSubscriptions = maxSubscriptions;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Mono.deferContextual(context -> {
			String caller = RequestLimits.caller(authentication(context), address(request));
			if (request instanceof WebSocketGraphQlRequest) {
				Optional<Duration> wait = this.limits.take(caller);
				if (wait.isPresent()) {
					return Mono.just(GraphQlRefusal.of(request,
							new LimitExceeded(RequestLimits.CODE, this.limits.refusal(caller, wait.get()))));
				}
			}
			return chain.next(request).map(response -> counted(response, caller));
		});
	}

	/** After the connection's caller is known, before anything else. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 50;
	}

	/** Subscriptions the principal holds open now. */
	int open(String principal) {
		return this.open.getOrDefault(principal, 0);
	}

	/**
	 * A subscription's events, counted against its principal from the moment they are
	 * asked for until the stream ends, fails or is cancelled.
	 */
	@SuppressWarnings("unchecked")
	private WebGraphQlResponse counted(WebGraphQlResponse response, String caller) {
		if (this.maxSubscriptions <= 0 || !(response.getData() instanceof Publisher<?> events)) {
			return response;
		}
		Flux<Object> guarded = Flux.defer(() -> {
			if (!acquire(caller)) {
				return GraphQlRefusal.failing(new LimitExceeded(TOO_MANY_SUBSCRIPTIONS,
						"Principal '" + caller + "' already holds " + this.maxSubscriptions
								+ " subscriptions open, the limit (provenant.security.max-subscriptions-per-principal);"
								+ " complete one first"));
			}
			return Flux.from((Publisher<Object>) events).doFinally(signal -> release(caller));
		});
		return response.transform(builder -> builder.data(guarded));
	}

	private boolean acquire(String caller) {
		boolean[] granted = { false };
		this.open.compute(caller, (key, count) -> {
			int now = (count != null) ? count : 0;
			if (now >= this.maxSubscriptions) {
				return count;
			}
			granted[0] = true;
			return now + 1;
		});
		return granted[0];
	}

	private void release(String caller) {
		this.open.computeIfPresent(caller, (key, count) -> (count > 1) ? count - 1 : null);
	}

	private static Authentication authentication(ContextView context) {
		Optional<SecurityContext> propagated = context.getOrEmpty(SECURITY_CONTEXT);
		return propagated.orElseGet(SecurityContextHolder::getContext).getAuthentication();
	}

	private static String address(WebGraphQlRequest request) {
		InetSocketAddress remote = (request instanceof WebSocketGraphQlRequest socket)
				? socket.getSessionInfo().getRemoteAddress() : request.getRemoteAddress();
		return (remote != null && remote.getAddress() != null) ? remote.getAddress().getHostAddress() : "unknown";
	}

}
