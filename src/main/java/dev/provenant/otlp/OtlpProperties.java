package dev.provenant.otlp;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keepContent whether span attributes that carry prompt, completion, tool
 * argument, retrieved document or query text are kept; off, they are dropped before a
 * span is stored or digested
 */
@ConfigurationProperties("provenant.otlp")
public record OtlpProperties(@DefaultValue("false") boolean keepContent) {
}
