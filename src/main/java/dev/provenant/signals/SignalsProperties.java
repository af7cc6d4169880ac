package dev.provenant.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param driftThreshold the population stability index from which a version counts as
 * drifting
 */
@ConfigurationProperties("provenant.signals")
public record SignalsProperties(@DefaultValue("0.2") double driftThreshold) {
}
