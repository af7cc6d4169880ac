package dev.provenant.otlp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keepContent whether span attributes that carry prompt, completion, tool
 * argument, retrieved document or query text are kept; off, they are dropped before a
 * span is stored or digested
 * @param maxSpansPerRequest the most spans one export request may hold; a request with
 * more is refused whole (413), since its spans are kept and mapped in one transaction.
 * SDK exporters send at most 512 a request by default
 */
@ConfigurationProperties("provenant.otlp")
public record OtlpProperties(@DefaultValue("false") boolean keepContent,
		@DefaultValue("10000") int maxSpansPerRequest) {
}
