package dev.provenant.ingest;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.Route;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentDigestTests {

	private static ProvenanceBatch.DecisionInput decision(String occurredAt, List<String> features, Object attributes,
			double confidence) {
		return new ProvenanceBatch.DecisionInput("d", null, OffsetDateTime.parse(occurredAt), null, "approve",
				confidence, Route.AUTONOMOUS, null, null, features, null, null, null, attributes, null, null);
	}

	@Test
	void theSameFactWrittenDifferentlyHasTheSameDigest() {
		Map<String, Object> ab = new LinkedHashMap<>();
		ab.put("a", 1);
		ab.put("b", Map.of("y", 2, "x", 1));
		Map<String, Object> ba = new LinkedHashMap<>();
		ba.put("b", Map.of("x", 1, "y", 2));
		ba.put("a", 1);
		assertThat(ContentDigest.of(decision("2026-11-01T10:00:00Z", List.of("f", "g"), ab, 0.5)))
			.isEqualTo(ContentDigest.of(decision("2026-11-01T11:00:00+01:00", List.of("g", "f", "g"), ba, 0.5)));
	}

	@Test
	void anyChangedFieldChangesTheDigest() {
		String base = ContentDigest.of(decision("2026-11-01T10:00:00Z", List.of("f"), null, 0.5));
		assertThat(ContentDigest.of(decision("2026-11-01T10:00:01Z", List.of("f"), null, 0.5))).isNotEqualTo(base);
		assertThat(ContentDigest.of(decision("2026-11-01T10:00:00Z", List.of("g"), null, 0.5))).isNotEqualTo(base);
		assertThat(ContentDigest.of(decision("2026-11-01T10:00:00Z", List.of("f"), Map.of(), 0.5))).isNotEqualTo(base);
		assertThat(ContentDigest.of(decision("2026-11-01T10:00:00Z", List.of("f"), null, 0.6))).isNotEqualTo(base);
	}

	@Test
	void aDataSourceAndAPolicyWithTheSameIdDiffer() {
		assertThat(ContentDigest
			.of(new ProvenanceBatch.PolicyInput("x", null, null, null, null, null, null, null, null, null, null)))
			.isNotEqualTo(ContentDigest.of(new ProvenanceBatch.DataSourceInput("x", null, null, null, null)));
	}

}
