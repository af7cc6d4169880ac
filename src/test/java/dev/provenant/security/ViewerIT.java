package dev.provenant.security;

import dev.provenant.support.GraphQlIT;
import dev.provenant.support.TestKeys;
import org.junit.jupiter.api.Test;

import static dev.provenant.support.Errors.assertAll;

/**
 * A page asks who is calling, to offer only what the caller may do: its principal and
 * roles, admin's with every role it implies. Only readers (and auditors) use the pages.
 */
class ViewerIT extends GraphQlIT {

	@Test
	void aCallerLearnsItsPrincipalAndRoles() {
		as(TestKeys.READING_REVIEWER).documentName("viewer")
			.execute()
			.path("viewer.principal")
			.entity(String.class)
			.isEqualTo(TestKeys.READING_REVIEWER_PRINCIPAL)
			.path("viewer.roles")
			.entityList(String.class)
			.containsExactly("READER", "REVIEWER");
		this.graphQl.documentName("viewer")
			.execute()
			.path("viewer.roles")
			.entityList(String.class)
			.containsExactly("READER", "WRITER", "GOVERNOR", "REVIEWER", "OPERATOR", "AUDITOR", "ADMIN");
	}

	@Test
	void withoutACredentialOrAReadingRoleItIsRefused() {
		as(null).documentName("viewer").execute().errors().satisfy(errors -> assertAll(errors, "UNAUTHORIZED"));
		as(TestKeys.WRITER).documentName("viewer").execute().errors().satisfy(errors -> assertAll(errors, "FORBIDDEN"));
	}

}
