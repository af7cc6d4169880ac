package dev.provenant.ingest;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.UnaryOperator;

import dev.provenant.api.BatchRejected;
import dev.provenant.api.Forbidden;
import dev.provenant.audit.AuditLog;
import dev.provenant.audit.AuditOperation;
import dev.provenant.api.RecordProblem;
import dev.provenant.api.RecordProblem.Code;
import dev.provenant.graph.EdgeType;
import dev.provenant.graph.NodeKind;
import dev.provenant.store.GraphStore;
import dev.provenant.store.SharedWrite;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Writes a batch all or nothing. Checks run in the same write transaction as the writes,
 * so what was validated is what gets written; every problem found is collected before
 * anything is refused, so a client fixes a batch in one round.
 */
@Service
@EnableConfigurationProperties(IngestProperties.class)
public class IngestService {

	/** Kinds only governors and admins write. */
	private static final Set<NodeKind> GOVERNANCE_KINDS = Set.of(NodeKind.POLICY, NodeKind.APPROVER);

	private static final Logger log = LoggerFactory.getLogger(IngestService.class);

	/** Tries of a batch that keeps meeting concurrent writers of the same ids. */
	private static final int MAX_ATTEMPTS = 10;

	private static final String CONSTRAINT_VIOLATION = "Neo.ClientError.Schema.ConstraintValidationFailed";

	private final GraphStore store;

	private final IngestProperties properties;

	private final Clock clock;

	private final List<DecisionsRecorded> listeners;

	private final AuditLog audit;

	private final IngestMetrics metrics;

	IngestService(GraphStore store, IngestProperties properties, Clock clock, List<DecisionsRecorded> listeners,
			AuditLog audit, IngestMetrics metrics) {
		this.store = store;
		this.properties = properties;
		this.clock = clock;
		this.listeners = List.copyOf(listeners);
		this.audit = audit;
		this.metrics = metrics;
	}

	/**
	 * Checks one record as ingest would, without the batch around it: its values, and
	 * that each reference names a stored node of an allowed kind. Used to vet proposals
	 * that are not recorded (e.g. a decision being assessed).
	 * @throws BatchRejected naming every problem
	 */
	public void check(TransactionContext tx, String position, RecordInput record) {
		List<RecordProblem> problems = new ArrayList<>(
				RecordValues.check(new ProvenanceBatch.Positioned(position, record)));
		if (problems.isEmpty()) {
			Planned planned = new Planned(position, record, "");
			Map<String, Stored> stored = stored(tx, record.references().stream().map(Reference::target).toList());
			for (Reference reference : record.references()) {
				Stored target = stored.get(reference.target());
				RecordProblem problem = referenceProblem(planned, reference, (target != null) ? target.kind : null,
						"which is not stored");
				if (problem != null) {
					problems.add(problem);
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new BatchRejected(problems);
		}
	}

	/**
	 * The content digest a record is stored with, to tell whether a record sent again is
	 * the one stored ({@code ingest/find_stored} reads the stored ones).
	 */
	public static String digestOf(RecordInput record) {
		return ContentDigest.of(record);
	}

	/**
	 * Records a batch from the service itself (the demo, the benchmark), which may hold
	 * governance records.
	 */
	public IngestReport ingest(ProvenanceBatch batch, String actor) {
		return ingest(batch, actor, true);
	}

	/**
	 * Records the batch; {@code actor} is the principal the audit log names.
	 * @param mayGovern whether the actor may create policies and approvers (role governor
	 * or admin); a batch that would create one otherwise is FORBIDDEN
	 */
	public IngestReport ingest(ProvenanceBatch batch, String actor, boolean mayGovern) {
		try {
			IngestReport report = record(batch, actor, mayGovern);
			if (report.created() == 0) {
				this.metrics.unchanged();
			}
			return report;
		}
		catch (BatchRejected ex) {
			this.metrics.rejected(ex.problems());
			throw ex;
		}
	}

	/**
	 * Records the batch inside the caller's write transaction, for writes that record
	 * decisions along with something else: all of it commits, or none. No retry here; a
	 * concurrent writer of the same ids fails the caller's transaction.
	 */
	public IngestReport ingestWithin(TransactionContext tx, ProvenanceBatch batch, String actor) {
		try {
			Plan plan = plan(batch.records());
			if (plan.records.isEmpty()) {
				if (!plan.problems.isEmpty()) {
					throw new BatchRejected(plan.problems);
				}
				return new IngestReport(0, plan.duplicates, 0);
			}
			return applyAll(tx, List.of(new Pending(plan, batch, actor, false)), position -> {
			}).get(0).get();
		}
		catch (BatchRejected ex) {
			this.metrics.rejected(ex.problems());
			throw ex;
		}
	}

	private IngestReport record(ProvenanceBatch batch, String actor, boolean mayGovern) {
		int size = batch.size();
		if (size > this.properties.maxBatchRecords()) {
			throw new BatchRejected(List.of(new RecordProblem("batch", null, null, Code.BATCH_TOO_LARGE,
					"The batch holds " + size + " records; the limit is " + this.properties.maxBatchRecords()
							+ " (provenant.ingest.max-batch-records)")));
		}
		Plan plan = plan(batch.records());
		if (plan.records.isEmpty()) {
			if (!plan.problems.isEmpty()) {
				throw new BatchRejected(plan.problems);
			}
			return new IngestReport(0, plan.duplicates, 0);
		}
		Pending pending = new Pending(plan, batch, actor, mayGovern);
		for (int attempt = 1;; attempt++) {
			try {
				return this.store.write(this.shared, pending);
			}
			catch (ClientException ex) {
				if (!CONSTRAINT_VIOLATION.equals(ex.code()) || attempt == MAX_ATTEMPTS) {
					throw ex;
				}
				// A concurrent batch created one of our ids between our check and our
				// write. Checking again sees it, and then counts it as unchanged or
				// reports
				// the conflict. With several writers overlapping, the next try may meet
				// another one; each try sees more of what they stored, so this ends.
				log.debug("Concurrent ingest of the same id (attempt {}); checking the batch again", attempt, ex);
			}
		}
	}

	/**
	 * Checks each record's values and folds identical repeats within the batch. Problems
	 * are kept, not thrown, so that the checks against the stored graph still run on the
	 * other records and the client hears of everything.
	 */
	private static Plan plan(List<ProvenanceBatch.Positioned> records) {
		List<RecordProblem> problems = new ArrayList<>();
		Map<String, Planned> byId = new LinkedHashMap<>();
		Map<String, NodeKind> declared = new HashMap<>();
		int duplicates = 0;
		for (ProvenanceBatch.Positioned positioned : records) {
			String usableId = RecordValues.usableId(positioned.record().id());
			if (usableId != null) {
				// Records with bad values still declare their kind, so references to them
				// are not "unknown".
				declared.putIfAbsent(usableId, positioned.record().kind());
			}
			List<RecordProblem> own = RecordValues.check(positioned);
			problems.addAll(own);
			if (!own.isEmpty()) {
				continue;
			}
			Planned planned = new Planned(positioned.position(), positioned.record(),
					ContentDigest.of(positioned.record()));
			Planned earlier = byId.putIfAbsent(planned.record.id(), planned);
			if (earlier == null) {
				continue;
			}
			if (earlier.digest.equals(planned.digest)) {
				duplicates++;
			}
			else {
				problems.add(new RecordProblem(planned.position, planned.record.id(), null, Code.CONFLICT,
						planned.position + " (" + planned.record.id()
								+ "): the batch holds this id twice with different" + " content (also at "
								+ earlier.position + ")"));
			}
		}
		return new Plan(List.copyOf(byId.values()), duplicates, List.copyOf(problems), Map.copyOf(declared));
	}

	/**
	 * Batches waiting for the same group commit run together (see {@link SharedWrite}):
	 * one read of what is stored for all of them, then each checked in order against it
	 * and against what the ones before it create, one statement creating every accepted
	 * batch's records, one assessment of all their decisions, and one audit append with
	 * an event for each batch. A batch that fails its checks is refused alone, having
	 * written nothing.
	 */
	private final SharedWrite<Pending, IngestReport> shared = this::applyAll;

	private List<SharedWrite.Outcome<IngestReport>> applyAll(TransactionContext tx, List<Pending> pending,
			IntConsumer attribute) {
		Set<String> ids = new LinkedHashSet<>();
		pending.forEach(each -> ids.addAll(idsOf(each.plan())));
		Map<String, Stored> known = new HashMap<>(stored(tx, ids));
		List<SharedWrite.Outcome<IngestReport>> outcomes = new ArrayList<>(pending.size());
		List<Accepted> accepted = new ArrayList<>();
		for (int i = 0; i < pending.size(); i++) {
			Pending each = pending.get(i);
			try {
				Checked checked = check(each, known);
				if (checked.fresh().isEmpty()) {
					outcomes.add(SharedWrite.Outcome.answered(new IngestReport(0, checked.unchanged(), 0)));
					continue;
				}
				// What this batch creates is stored for the batches after it.
				checked.fresh()
					.forEach(planned -> known.put(planned.record.id(),
							new Stored(planned.record.kind(), planned.digest)));
				outcomes.add(null);
				accepted.add(new Accepted(i, each, checked));
			}
			catch (BatchRejected | Forbidden refused) {
				outcomes.add(SharedWrite.Outcome.refused(refused));
			}
		}
		if (accepted.isEmpty()) {
			return outcomes;
		}
		List<AuditLog.Recording> recordings = new ArrayList<>(accepted.size());
		for (Accepted each : accepted) {
			// Ingest only creates: new nodes, and edges from them.
			recordings.add(this.audit.beginCreating(tx, each.createdIds()));
		}
		List<Planned> fresh = accepted.stream().flatMap(each -> each.checked().fresh().stream()).toList();
		OffsetDateTime recordedAt = OffsetDateTime.now(this.clock);
		if (accepted.stream().map(each -> each.pending().actor()).distinct().count() == 1) {
			create(tx, fresh, accepted.get(0).pending().actor(), recordedAt);
		}
		else {
			// Approvals name who attested them: one statement per batch.
			accepted.forEach(each -> create(tx, each.checked().fresh(), each.pending().actor(), recordedAt));
		}
		List<ProvenanceBatch.DecisionInput> decisions = fresh.stream()
			.map(Planned::record)
			.filter(ProvenanceBatch.DecisionInput.class::isInstance)
			.map(ProvenanceBatch.DecisionInput.class::cast)
			.toList();
		if (!decisions.isEmpty()) {
			this.listeners.forEach(listener -> listener.recorded(tx, decisions));
		}
		List<AuditLog.Append> appends = new ArrayList<>(accepted.size());
		for (int i = 0; i < accepted.size(); i++) {
			Accepted each = accepted.get(i);
			appends.add(new AuditLog.Append(recordings.get(i), AuditOperation.INGEST, each.pending().actor(),
					each.createdIds(), each.pending().payloadDigest(), null));
		}
		this.audit.appendAll(tx, appends, position -> attribute.accept(accepted.get(position).position()));
		for (Accepted each : accepted) {
			attribute.accept(each.position());
			Map<NodeKind, Long> byKind = each.checked()
				.fresh()
				.stream()
				.collect(java.util.stream.Collectors.groupingBy(planned -> planned.record.kind(),
						() -> new java.util.EnumMap<>(NodeKind.class), java.util.stream.Collectors.counting()));
			this.store.afterCommit(() -> this.metrics.recorded(byKind));
			// Every reference of a created record is an edge: the checks found each
			// target.
			int edges = each.checked().fresh().stream().mapToInt(planned -> planned.record.references().size()).sum();
			outcomes.set(each.position(), SharedWrite.Outcome
				.answered(new IngestReport(each.checked().fresh().size(), each.checked().unchanged(), edges)));
		}
		return outcomes;
	}

	/**
	 * Checks a batch against what is {@code known} to be stored (the store, and what the
	 * batches before it in the same group create): what it creates and what it sends
	 * again unchanged.
	 * @throws BatchRejected naming every problem
	 * @throws Forbidden if a writer sends governance records
	 */
	private static Checked check(Pending pending, Map<String, Stored> known) {
		Plan plan = pending.plan();
		Map<String, NodeKind> batchKinds = plan.declared;
		List<RecordProblem> problems = new ArrayList<>(plan.problems);
		List<Planned> fresh = new ArrayList<>();
		int unchanged = plan.duplicates;
		for (Planned planned : plan.records) {
			Stored existing = known.get(planned.record.id());
			if (existing == null) {
				fresh.add(planned);
			}
			else if (existing.kind == planned.record.kind() && existing.digest.equals(planned.digest)) {
				unchanged++;
			}
			else {
				problems.add(conflict(planned, existing));
			}
			for (Reference reference : planned.record.references()) {
				NodeKind target = batchKinds.containsKey(reference.target()) ? batchKinds.get(reference.target())
						: (known.containsKey(reference.target()) ? known.get(reference.target()).kind : null);
				RecordProblem problem = referenceProblem(planned, reference, target,
						"which is neither stored nor in this batch");
				if (problem != null) {
					problems.add(problem);
				}
			}
		}
		if (!pending.mayGovern()) {
			requireNoGovernanceRecords(plan, known, pending.actor());
		}
		problems.addAll(cycles(fresh, EdgeType.DERIVED_FROM));
		problems.addAll(cycles(fresh, EdgeType.TRIGGERED_BY));
		problems.addAll(cycles(fresh, EdgeType.SUPERSEDES));
		if (!problems.isEmpty()) {
			throw new BatchRejected(problems);
		}
		return new Checked(List.copyOf(fresh), unchanged);
	}

	/**
	 * Policies and approvers (and so approvers' roles) govern decisions: only a governor
	 * or an admin writes them. Referencing stored ones, or sending one again unchanged,
	 * is fine.
	 */
	private static void requireNoGovernanceRecords(Plan plan, Map<String, Stored> stored, String actor) {
		List<String> governance = plan.records.stream()
			.filter(planned -> GOVERNANCE_KINDS.contains(planned.record.kind()))
			.filter(planned -> {
				Stored existing = stored.get(planned.record.id());
				return existing == null || existing.kind != planned.record.kind()
						|| !existing.digest.equals(planned.digest);
			})
			.map(planned -> planned.record.kind() + " '" + planned.record.id() + "'")
			.toList();
		if (!governance.isEmpty()) {
			throw new Forbidden("'" + actor + "' may not write governance records (" + String.join(", ", governance)
					+ "): policies and approvers are written by the governor role or an admin, not by writers, so "
					+ "that no agent writes the rules that govern it. The batch was not recorded.");
		}
	}

	/** The ids a plan creates or references. */
	private static Set<String> idsOf(Plan plan) {
		Set<String> ids = new LinkedHashSet<>();
		for (Planned planned : plan.records) {
			ids.add(planned.record.id());
			planned.record.references().forEach(r -> ids.add(r.target()));
		}
		return ids;
	}

	/** What is stored under these ids: kind and content digest. */
	private Map<String, Stored> stored(TransactionContext tx, Collection<String> ids) {
		Map<String, Stored> stored = new HashMap<>();
		this.store.run(tx, "ingest/find_stored", Map.of("ids", List.copyOf(ids)))
			.forEachRemaining(row -> stored.put(row.get("id").asString(),
					new Stored(NodeKind.valueOf(row.get("kind").asString()), row.get("digest").asString(""))));
		return stored;
	}

	private void create(TransactionContext tx, List<Planned> fresh, String actor, OffsetDateTime recordedAt) {
		// Nothing is read from its answer: it goes with the next statement (the
		// assessment's read, or the audit's).
		this.store.runLater(tx, "ingest/create_records",
				NewRecords.parameters(fresh.stream().map(Planned::record).toList(),
						fresh.stream().map(Planned::digest).toList(), actor, recordedAt, UnaryOperator.identity()));
	}

	private static RecordProblem conflict(Planned planned, Stored existing) {
		String what = (existing.kind != planned.record.kind()) ? "is already stored as a " + existing.kind
				: "is already stored with different content; records are immutable";
		return new RecordProblem(planned.position, planned.record.id(), null, Code.CONFLICT,
				planned.position + ": id '" + planned.record.id() + "' " + what);
	}

	private static RecordProblem referenceProblem(Planned planned, Reference reference, NodeKind target,
			String unknown) {
		String where = planned.position + " (" + planned.record.id() + "): " + reference.field() + " names '"
				+ reference.target() + "'";
		if (target == null) {
			return new RecordProblem(planned.position, planned.record.id(), reference.field(), Code.UNKNOWN_REFERENCE,
					where + ", " + unknown);
		}
		if (!reference.type().canPointTo(target)) {
			return new RecordProblem(planned.position, planned.record.id(), reference.field(), Code.WRONG_KIND,
					where + ", a " + target + "; " + reference.type() + " must point to " + reference.type().targets());
		}
		return null;
	}

	private static List<RecordProblem> cycles(List<Planned> fresh, EdgeType type) {
		Map<String, List<String>> edges = new LinkedHashMap<>();
		Map<String, Planned> byId = new HashMap<>();
		for (Planned planned : fresh) {
			if (type.isOwnedBy(planned.record.kind())) {
				byId.put(planned.record.id(), planned);
				edges.put(planned.record.id(),
						planned.record.references()
							.stream()
							.filter(r -> r.type() == type)
							.map(Reference::target)
							.toList());
			}
		}
		List<RecordProblem> problems = new ArrayList<>();
		for (List<String> cycle : CycleCheck.cycles(edges)) {
			for (String id : cycle) {
				Planned planned = byId.get(id);
				problems.add(new RecordProblem(planned.position, id, null, Code.CYCLE, planned.position + " (" + id
						+ "): the batch would create a " + type + " cycle through " + String.join(", ", cycle)));
			}
		}
		return problems;
	}

	private record Planned(String position, RecordInput record, String digest) {
	}

	private record Plan(List<Planned> records, int duplicates, List<RecordProblem> problems,
			Map<String, NodeKind> declared) {
	}

	private record Stored(NodeKind kind, String digest) {
	}

	/**
	 * A batch waiting for its group commit: planned, and digested for its audit event on
	 * the sender's thread so that the group's one thread does less; who sent it and what
	 * they may write.
	 */
	private record Pending(Plan plan, String payloadDigest, String actor, boolean mayGovern) {

		Pending(Plan plan, ProvenanceBatch batch, String actor, boolean mayGovern) {
			this(plan, AuditLog.payloadDigest(batch), actor, mayGovern);
		}

	}

	/**
	 * What a batch that passed its checks creates, and how many of its records it sent
	 * again.
	 */
	private record Checked(List<Planned> fresh, int unchanged) {
	}

	/** A batch that passed its checks, at its position among the group's. */
	private record Accepted(int position, Pending pending, Checked checked) {

		List<String> createdIds() {
			return this.checked.fresh().stream().map(planned -> planned.record.id()).toList();
		}

	}

}
