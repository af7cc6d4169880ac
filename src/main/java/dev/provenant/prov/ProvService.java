package dev.provenant.prov;

import dev.provenant.signing.ServiceKey;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.Direction;
import dev.provenant.graph.NodeKind;
import dev.provenant.lineage.Lineage;
import dev.provenant.lineage.LineageService;
import dev.provenant.store.GraphStore;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/** Lineage as W3C PROV-JSON, the same bytes for the same lineage, signed on request. */
@Service
public class ProvService {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	private final LineageService lineage;

	private final GraphStore store;

	private final ServiceKey signer;

	ProvService(LineageService lineage, GraphStore store, ServiceKey signer) {
		this.lineage = lineage;
		this.store = store;
		this.signer = signer;
	}

	/** The PROV-JSON document of a lineage question, as a JSON object. */
	public Map<String, Object> document(String id, Direction direction, int depth, OffsetDateTime asOf) {
		return document(this.lineage.lineage(id, direction, depth, asOf));
	}

	/** The PROV-JSON document of a lineage already answered. */
	public Map<String, Object> document(Lineage answer) {
		return ProvDocument.of(answer, recorders(answer));
	}

	/** The document's bytes: keys sorted at every level, no white space. */
	byte[] bytes(Map<String, Object> document) {
		return JSON.writeValueAsBytes(document);
	}

	/** A detached JWS over {@code bytes}; see {@link ServiceKey}. */
	String sign(byte[] bytes) {
		return this.signer.signDetached(bytes);
	}

	private Map<String, String> recorders(Lineage answer) {
		List<String> ids = answer.nodes()
			.stream()
			.filter(node -> node.kind() == NodeKind.DECISION || node.kind() == NodeKind.RUN)
			.map(node -> node.id())
			.toList();
		Map<String, String> recorders = new HashMap<>();
		if (!ids.isEmpty()) {
			this.store.read(tx -> {
				this.store.run(tx, "prov/recorders", Map.of("ids", ids))
					.forEachRemaining(row -> recorders.put(row.get("id").asString(), row.get("actor").asString()));
				return null;
			});
		}
		return recorders;
	}

}
