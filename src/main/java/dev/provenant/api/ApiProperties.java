package dev.provenant.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPageSize the largest {@code first} a connection field accepts
 */
@ConfigurationProperties("provenant.api")
public record ApiProperties(@DefaultValue("10000") int maxPageSize) {
}
