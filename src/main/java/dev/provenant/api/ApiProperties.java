package dev.provenant.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits that keep one request from taking the service down.
 *
 * @param maxPageSize the largest {@code first} a connection field accepts
 * @param maxIdPageSize the largest {@code first} an ids-only field accepts
 * @param maxQueryDepth the deepest selection a query may nest (introspection is exempt,
 * for GraphiQL)
 * @param maxQueryComplexity the most a query may cost: each field costs 1 plus its
 * children, and a connection field multiplies that by its page size ({@code first}, 100
 * when omitted)
 * @param maxRequestBytes the largest request body accepted on {@code /graphql}
 * @param maxQueryChars the longest GraphQL document accepted, checked before it is parsed
 * @param maxAliases the most aliased fields a document may run, fragments counted where
 * they are spread
 * @param maxLineageNodes the most nodes a lineage answer holds; the nearest are kept and
 * the answer says it was truncated
 * @param maxAnswerBytes the most a closure (a blast radius, a rollback plan) may weigh,
 * estimated before it is built; a larger one is refused with a hint to narrow it. A
 * quarter of the maximum heap by default.
 */
@ConfigurationProperties("provenant.api")
public record ApiProperties(@DefaultValue("10000") int maxPageSize, @DefaultValue("100000") int maxIdPageSize,
		@DefaultValue("15") int maxQueryDepth, @DefaultValue("200000") int maxQueryComplexity,
		@DefaultValue("16777216") long maxRequestBytes, @DefaultValue("100000") int maxQueryChars,
		@DefaultValue("50") int maxAliases, @DefaultValue("10000") int maxLineageNodes, DataSize maxAnswerBytes) {

	public ApiProperties {
		maxAnswerBytes = (maxAnswerBytes != null) ? maxAnswerBytes
				: DataSize.ofBytes(Runtime.getRuntime().maxMemory() / 4);
	}

}
