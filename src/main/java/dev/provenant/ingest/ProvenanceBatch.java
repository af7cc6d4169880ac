package dev.provenant.ingest;

import dev.provenant.graph.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.provenant.graph.ActionStatus;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.graph.Route;
import dev.provenant.graph.Utc;

import static dev.provenant.ingest.RecordInput.fields;
import static dev.provenant.ingest.RecordInput.refs;

/**
 * One ingest batch, as the GraphQL {@code ProvenanceBatch} input (and the demo's JSON)
 * spells it.
 */
public record ProvenanceBatch(List<DataSourceInput> dataSources, List<FeatureInput> features,
		List<ModelVersionInput> modelVersions, List<PromptVersionInput> promptVersions, List<PolicyInput> policies,
		List<ApproverInput> approvers, List<DecisionInput> decisions, List<ActionInput> actions) {

	/**
	 * Every record with its position in the batch (e.g. {@code decisions[3]}), in schema
	 * order.
	 */
	List<Positioned> records() {
		List<Positioned> all = new ArrayList<>();
		add(all, "dataSources", this.dataSources);
		add(all, "features", this.features);
		add(all, "modelVersions", this.modelVersions);
		add(all, "promptVersions", this.promptVersions);
		add(all, "policies", this.policies);
		add(all, "approvers", this.approvers);
		add(all, "decisions", this.decisions);
		add(all, "actions", this.actions);
		return all;
	}

	int size() {
		return Stream
			.of(this.dataSources, this.features, this.modelVersions, this.promptVersions, this.policies, this.approvers,
					this.decisions, this.actions)
			.mapToInt(list -> (list == null) ? 0 : list.size())
			.sum();
	}

	private static void add(List<Positioned> all, String field, List<? extends RecordInput> records) {
		if (records != null) {
			for (int i = 0; i < records.size(); i++) {
				all.add(new Positioned(field + "[" + i + "]", records.get(i)));
			}
		}
	}

	/** A record and where it sits in the batch. */
	record Positioned(String position, RecordInput record) {
	}

	public record DataSourceInput(String id, String name, String uri, String owner,
			Object attributes) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.DATA_SOURCE;
		}

		@Override
		public Map<String, Object> ownFields() {
			return fields("uri", this.uri, "owner", this.owner);
		}

		@Override
		public List<Reference> references() {
			return List.of();
		}

	}

	public record FeatureInput(String id, String name, List<String> derivedFrom,
			Object attributes) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.FEATURE;
		}

		@Override
		public Map<String, Object> ownFields() {
			return Map.of();
		}

		@Override
		public List<Reference> references() {
			return refs("derivedFrom", EdgeType.DERIVED_FROM, this.derivedFrom);
		}

	}

	public record ModelVersionInput(String id, String name, String model, String version, List<String> trainedOn,
			List<String> usesFeatures, Object attributes) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.MODEL_VERSION;
		}

		@Override
		public Map<String, Object> ownFields() {
			return fields("model", this.model, "version", this.version);
		}

		@Override
		public Map<String, Object> requiredText() {
			return fields("model", this.model, "version", this.version);
		}

		@Override
		public List<Reference> references() {
			return refs("trainedOn", EdgeType.TRAINED_ON, this.trainedOn, "usesFeatures", EdgeType.USES_FEATURE,
					this.usesFeatures);
		}

	}

	public record PromptVersionInput(String id, String name, String prompt, String version, String template,
			Object attributes) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.PROMPT_VERSION;
		}

		@Override
		public Map<String, Object> ownFields() {
			return fields("prompt", this.prompt, "version", this.version, "templateSha256", templateSha256());
		}

		@Override
		public Map<String, Object> requiredText() {
			return fields("prompt", this.prompt, "version", this.version);
		}

		@Override
		public List<Reference> references() {
			return List.of();
		}

		/**
		 * The template is hashed, not stored: the hash proves which template was used
		 * without keeping its text.
		 */
		String templateSha256() {
			if (this.template == null) {
				return null;
			}
			return Sha256.hex(this.template.getBytes(StandardCharsets.UTF_8));
		}

	}

	public record PolicyInput(String id, String name, Object attributes, Double minConfidence, Double minDataQuality,
			Double maxRiskScore, List<String> approverRoles, String reviewSla, Boolean escalateOnQuarantinedInput,
			String supersedes, Boolean requireVerifiedReview) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.POLICY;
		}

		@Override
		public Map<String, Object> ownFields() {
			Map<String, Object> fields = fields("minConfidence", this.minConfidence, "minDataQuality",
					this.minDataQuality, "maxRiskScore", this.maxRiskScore, "approverRoles",
					(this.approverRoles == null) ? null : List.copyOf(this.approverRoles), "reviewSla", this.reviewSla,
					"escalateOnQuarantinedInput",
					(this.escalateOnQuarantinedInput == null) || this.escalateOnQuarantinedInput);
			// Only when set: policies recorded before the field existed keep their
			// digest.
			if (Boolean.TRUE.equals(this.requireVerifiedReview)) {
				fields.put("requireVerifiedReview", true);
			}
			return fields;
		}

		@Override
		public List<Reference> references() {
			return refs("supersedes", EdgeType.SUPERSEDES, this.supersedes);
		}

	}

	public record ApproverInput(String id, String name, String role, Object attributes) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.APPROVER;
		}

		@Override
		public Map<String, Object> ownFields() {
			return fields("role", this.role);
		}

		@Override
		public Map<String, Object> requiredText() {
			return fields("role", this.role);
		}

		@Override
		public List<Reference> references() {
			return List.of();
		}

	}

	public record DecisionInput(String id, String name, OffsetDateTime occurredAt, String subject, String outcome,
			Double confidence, Route route, String modelVersion, String promptVersion, List<String> features,
			List<String> dataSources, String policy, List<String> approvedBy, Object attributes, Double dataQuality,
			Double riskScore) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.DECISION;
		}

		@Override
		public Map<String, Object> ownFields() {
			return fields("occurredAt", Utc.of(this.occurredAt), "subject", this.subject, "outcome", this.outcome,
					"confidence", this.confidence, "route", (this.route == null) ? null : this.route.name(),
					"dataQuality", this.dataQuality, "riskScore", this.riskScore);
		}

		@Override
		public Map<String, Object> requiredText() {
			return fields("outcome", this.outcome);
		}

		@Override
		public List<Reference> references() {
			return refs("features", EdgeType.USED, this.features, "dataSources", EdgeType.READ, this.dataSources,
					"modelVersion", EdgeType.MADE_BY, this.modelVersion, "promptVersion", EdgeType.PROMPTED_BY,
					this.promptVersion, "policy", EdgeType.GOVERNED_BY, this.policy, "approvedBy", EdgeType.APPROVED_BY,
					this.approvedBy);
		}

	}

	public record ActionInput(String id, String name, OffsetDateTime occurredAt, String type, String target,
			Boolean reversible, String decision, List<String> triggeredBy, Object attributes) implements RecordInput {

		@Override
		public NodeKind kind() {
			return NodeKind.ACTION;
		}

		@Override
		public Map<String, Object> ownFields() {
			return fields("occurredAt", Utc.of(this.occurredAt), "type", this.type, "target", this.target, "reversible",
					(this.reversible == null) || this.reversible, "status", ActionStatus.EXECUTED.name());
		}

		@Override
		public Map<String, Object> requiredText() {
			return fields("type", this.type);
		}

		@Override
		public List<Reference> references() {
			return refs("decision", EdgeType.EXECUTES, this.decision, "triggeredBy", EdgeType.TRIGGERED_BY,
					this.triggeredBy);
		}

	}

}
