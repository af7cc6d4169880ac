package dev.provenant.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts GraphQL requests to Provenant with an API key, and turns every outcome, including
 * no answer at all, into a {@link Reply} so that a failing service is measured rather
 * than ending the run. Given several instances it takes them in turn, and sends back the
 * newest consistency token a mutation was answered with, so a read through one instance
 * sees what was written through another (as a client behind a load balancer would).
 */
final class ProvenantClient {

	private static final int QUOTED_BODY_CHARS = 200;

	/** The header a consistency token is sent back in. */
	static final String CONSISTENCY_HEADER = "Provenant-Consistency";

	private final HttpClient http;

	private final JsonMapper json;

	private final List<URI> endpoints;

	private final AtomicInteger next = new AtomicInteger();

	/** The newest consistency token heard, sent only when there are several instances. */
	private final AtomicReference<String> token = new AtomicReference<>();

	private final String apiKey;

	private final Duration requestTimeout;

	ProvenantClient(HttpClient http, JsonMapper json, List<URI> baseUrls, String apiKey, Duration requestTimeout) {
		this.http = http;
		this.json = json;
		this.endpoints = baseUrls.stream().map(ProvenantClient::graphQlEndpoint).toList();
		this.apiKey = apiKey;
		this.requestTimeout = requestTimeout;
	}

	/** {@code /graphql} under the base URL, keeping any context path it has. */
	static URI graphQlEndpoint(URI baseUrl) {
		String base = baseUrl.toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/graphql");
	}

	/** The endpoints, comma-separated, as the run's first line names them. */
	String endpoint() {
		return String.join(", ", this.endpoints.stream().map(URI::toString).toList());
	}

	Reply send(GraphQlRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", request.document());
		body.put("variables", request.variables());
		URI endpoint = this.endpoints.get(Math.floorMod(this.next.getAndIncrement(), this.endpoints.size()));
		HttpRequest.Builder post = HttpRequest.newBuilder(endpoint)
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-API-Key", this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)));
		String consistency = this.token.get();
		if (this.endpoints.size() > 1 && consistency != null) {
			post.header(CONSISTENCY_HEADER, consistency);
		}
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.http.send(post.build(), HttpResponse.BodyHandlers.ofByteArray());
			long nanos = System.nanoTime() - start;
			return new Reply(response.statusCode(), nanos, errors(response.statusCode(), response.body()));
		}
		catch (IOException ex) {
			return new Reply(0, System.nanoTime() - start, List.of("no answer from " + endpoint + ": " + ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(0, System.nanoTime() - start, List.of("interrupted before the answer came"));
		}
	}

	private List<String> errors(int status, byte[] body) {
		List<String> messages = new ArrayList<>();
		try {
			JsonNode answer = this.json.readTree(body);
			for (JsonNode error : answer.path("errors")) {
				messages.add(error.path("message").asString("(an error without a message)"));
			}
			String written = answer.path("extensions").path("consistency").asString(null);
			if (written != null) {
				this.token.set(written);
			}
		}
		catch (JacksonException ex) {
			messages.add("an answer that is not JSON: " + quoted(body));
		}
		if (status != 200) {
			if (messages.isEmpty()) {
				messages.add(quoted(body).isEmpty() ? "(no body)" : quoted(body));
			}
			messages.replaceAll(message -> "HTTP " + status + ": " + message);
		}
		return messages;
	}

	private static String quoted(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8).strip();
		return (text.length() > QUOTED_BODY_CHARS) ? text.substring(0, QUOTED_BODY_CHARS) + "…" : text;
	}

}
