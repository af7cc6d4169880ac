package dev.provenant.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;

/**
 * What every input record of a batch has in common: an id, a kind, its own fields and the
 * edges it declares. Each GraphQL input type is a record implementing this.
 */
public sealed interface RecordInput permits ProvenanceBatch.DataSourceInput, ProvenanceBatch.FeatureInput,
		ProvenanceBatch.ModelVersionInput, ProvenanceBatch.PromptVersionInput, ProvenanceBatch.PolicyInput,
		ProvenanceBatch.ApproverInput, ProvenanceBatch.DecisionInput, ProvenanceBatch.ActionInput {

	String id();

	String name();

	/** The attributes as given; anything but a JSON object (or nothing) is rejected. */
	Object attributes();

	NodeKind kind();

	/**
	 * The kind's own stored fields, keyed by property name; {@code null} values are not
	 * stored.
	 */
	Map<String, Object> ownFields();

	/** The edges this record declares, duplicates removed, in input order. */
	List<Reference> references();

	/**
	 * Fields that must hold text when given (required ones are also non-null per the
	 * schema).
	 */
	default Map<String, Object> requiredText() {
		return Map.of();
	}

	static Map<String, Object> fields(Object... keysAndValues) {
		Map<String, Object> fields = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			fields.put((String) keysAndValues[i], keysAndValues[i + 1]);
		}
		return fields;
	}

	/**
	 * Builds the reference list from (field, type, ids) triples; a null list or id is
	 * simply absent.
	 */
	static List<Reference> refs(Object... fieldTypeIds) {
		List<Reference> references = new ArrayList<>();
		for (int i = 0; i < fieldTypeIds.length; i += 3) {
			String field = (String) fieldTypeIds[i];
			EdgeType type = (EdgeType) fieldTypeIds[i + 1];
			Object ids = fieldTypeIds[i + 2];
			if (ids instanceof String id) {
				references.add(new Reference(field, type, id));
			}
			else if (ids instanceof List<?> list) {
				new LinkedHashSet<>(list).forEach(id -> references.add(new Reference(field, type, (String) id)));
			}
		}
		return List.copyOf(references);
	}

}
