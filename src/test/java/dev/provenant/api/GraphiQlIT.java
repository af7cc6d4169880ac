package dev.provenant.api;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.provenant.support.GraphQlIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL is served with everything it loads coming from the service itself (WebJars),
 * so it works offline; the pages come with headers that keep them from being framed,
 * sniffed or fed scripts from elsewhere.
 */
class GraphiQlIT extends GraphQlIT {

	private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

	@Test
	void thePageAndEveryAssetItLoadsComeFromTheService() {
		String page = http(null).get()
			.uri("/graphiql")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		List<String> assets = new ArrayList<>();
		Matcher matcher = ASSET.matcher(page);
		while (matcher.find()) {
			assets.add(matcher.group(1));
		}
		assertThat(assets).contains("/webjars/graphiql/2.4.7/graphiql.min.js",
				"/webjars/react/18.3.1/umd/react.production.min.js",
				"/webjars/react-dom/18.3.1/umd/react-dom.production.min.js",
				"/webjars/graphiql/2.4.7/graphiql.min.css");
		for (String asset : assets) {
			assertThat(asset).as("served by the service itself").startsWith("/");
			byte[] body = http(null).mutate()
				.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 << 20))
				.build()
				.get()
				.uri(asset)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(byte[].class)
				.returnResult()
				.getResponseBody();
			assertThat(body).as(asset).isNotEmpty();
		}
		assertThat(page).doesNotContain("https://", "http://");
	}

	@Test
	void thePagesAndTheirFilesComeWithSecurityHeadersAndHoldNoInlineCode() {
		for (String path : List.of("/graphiql", "/explorer", "/explorer/signals", "/graphiql/graphiql-provenant.js",
				"/explorer/explorer.css", "/graphql?query=%7B__typename%7D")) {
			String body = http(null).get()
				.uri(path)
				.exchange()
				.expectHeader()
				.valueEquals("Content-Security-Policy",
						"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
								+ "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
								+ "form-action 'self'; frame-ancestors 'none'")
				.expectHeader()
				.valueEquals("X-Frame-Options", "DENY")
				.expectHeader()
				.valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader()
				.valueEquals("Referrer-Policy", "no-referrer")
				.expectBody(String.class)
				.returnResult()
				.getResponseBody();
			if (!path.contains(".") && !path.contains("?")) {
				assertThat(body).as(path)
					.doesNotContainPattern("<script(?![^>]*\\ssrc=)")
					.doesNotContain("<style", "style=\"", "onclick=");
			}
		}
	}

}
