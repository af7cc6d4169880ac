package dev.provenant.api;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first HTTP mistakes a newcomer makes get an answer that says what to do: a GraphQL
 * request without {@code Content-Type}, a GET of {@code /graphql}, a path that does not
 * exist; and {@code /} is a page that links what the service offers.
 */
class WebErrorsIT extends GraphQlIT {

	@Test
	void aGraphQlRequestWithoutContentTypeIsToldWhichToSend() {
		http(TestKeys.READER).post()
			.uri("/graphql")
			.bodyValue("{\"query\": \"{ __typename }\"}".getBytes())
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("BAD_REQUEST")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNSUPPORTED_MEDIA_TYPE")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("Content-Type: application/json")
				.contains("came with none"));
	}

	@Test
	void aGetOfTheGraphQlEndpointIsToldToPostAndPointedAtGraphiQl() {
		http(TestKeys.READER).get()
			.uri("/graphql?query=query")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST")
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("METHOD_NOT_ALLOWED")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("POST /graphql").contains("/graphiql"));
	}

	@Test
	void aPathThatDoesNotExistIsAClassifiedErrorListingWhatIsServed() {
		http(null).get()
			.uri("/graphq")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("NOT_FOUND")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("NO_SUCH_PATH")
			.jsonPath("$.errors[0].message")
			.value(message -> assertThat((String) message).contains("Nothing at /graphq").contains("POST /graphql"));
	}

	@Test
	void theRootIsAPageLinkingGraphiQlTheExplorerAndHealth() {
		http(null).get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.value(page -> assertThat(page).contains("href=\"/graphiql\"", "href=\"/explorer\"",
					"href=\"/actuator/health\"", "docs/tour.md"));
	}

	@Test
	void aWellFormedRequestStillGoesThrough() {
		this.graphQl.document("{ __typename }").execute().path("__typename").entity(String.class).isEqualTo("Query");
	}

}
