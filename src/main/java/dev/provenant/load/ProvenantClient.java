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

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts GraphQL requests to one Provenant with an API key, and turns every outcome,
 * including no answer at all, into a {@link Reply} so that a failing service is measured
 * rather than ending the run.
 */
final class ProvenantClient {

	private static final int QUOTED_BODY_CHARS = 200;

	private final HttpClient http;

	private final JsonMapper json;

	private final URI endpoint;

	private final String apiKey;

	private final Duration requestTimeout;

	ProvenantClient(HttpClient http, JsonMapper json, URI baseUrl, String apiKey, Duration requestTimeout) {
		this.http = http;
		this.json = json;
		this.endpoint = graphQlEndpoint(baseUrl);
		this.apiKey = apiKey;
		this.requestTimeout = requestTimeout;
	}

	/** {@code /graphql} under the base URL, keeping any context path it has. */
	static URI graphQlEndpoint(URI baseUrl) {
		String base = baseUrl.toString();
		return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/graphql");
	}

	URI endpoint() {
		return this.endpoint;
	}

	Reply send(GraphQlRequest request) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", request.document());
		body.put("variables", request.variables());
		HttpRequest post = HttpRequest.newBuilder(this.endpoint)
			.timeout(this.requestTimeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("X-API-Key", this.apiKey)
			.POST(HttpRequest.BodyPublishers.ofByteArray(this.json.writeValueAsBytes(body)))
			.build();
		long start = System.nanoTime();
		try {
			HttpResponse<byte[]> response = this.http.send(post, HttpResponse.BodyHandlers.ofByteArray());
			long nanos = System.nanoTime() - start;
			return new Reply(response.statusCode(), nanos, errors(response.statusCode(), response.body()));
		}
		catch (IOException ex) {
			return new Reply(0, System.nanoTime() - start, List.of("no answer from " + this.endpoint + ": " + ex));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Reply(0, System.nanoTime() - start, List.of("interrupted before the answer came"));
		}
	}

	private List<String> errors(int status, byte[] body) {
		List<String> messages = new ArrayList<>();
		try {
			for (JsonNode error : this.json.readTree(body).path("errors")) {
				messages.add(error.path("message").asString("(an error without a message)"));
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
