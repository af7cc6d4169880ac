package dev.provenant.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxBatchRecords the most records one ingest batch may hold, all kinds together
 */
@ConfigurationProperties("provenant.ingest")
public record IngestProperties(@DefaultValue("10000") int maxBatchRecords) {
}
