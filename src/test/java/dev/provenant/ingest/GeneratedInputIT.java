package dev.provenant.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import dev.provenant.ProvenantApplication;
import dev.provenant.support.TestKeys;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Throws generated ingest batches and queries, well-formed and broken, at the real HTTP
 * GraphQL endpoint. Every request is either answered, and then the graph agrees with a
 * model the test keeps, or refused with a classified error and nothing written: never an
 * INTERNAL_ERROR, an HTTP 500, a stack trace or Cypher in a message.
 * <p>
 * A try is a few steps on ids of its own (a fresh prefix), drawn from a small pool, so
 * that references to stored and batched records, identical re-sends, conflicts and cycles
 * come up often. For each batch the model predicts from the documented rules whether it
 * must be accepted (and what it counts) or refused (and under which codes); after each
 * batch every modelled id and every id the batch named is read back and compared with the
 * model. Generated queries are checked against the same model.
 * <p>
 * jqwik properties run outside Spring's test support, so the service is started once for
 * the class, on an embedded store in a temporary directory.
 */
class GeneratedInputIT {

	/** Small, so that generated batches cross it. */
	private static final int MAX_BATCH_RECORDS = 12;

	/** provenant.api.max-page-size, left at its default. */
	private static final int MAX_PAGE_SIZE = 10_000;

	private static final int MAX_ID_LENGTH = 256;

	private static final int MAX_DEPTH = 50;

	private static final Set<String> CLASSIFIED = Set.of("BAD_REQUEST", "NOT_FOUND", "CONFLICT", "FORBIDDEN",
			"UNAUTHORIZED");

	/** What would betray the service's internals in a message meant for a client. */
	private static final List<String> LEAKS = List.of("Exception", "\tat ", "MATCH ", "MERGE ", "UNWIND ", "RETURN ",
			"org.neo4j", "neo4j.driver", "java.lang", "dev.provenant");

	/** The instants a DateTime may name: the years 0000 to 9999, in UTC. */
	private static final OffsetDateTime FIRST_INSTANT = OffsetDateTime.parse("0000-01-01T00:00:00Z");

	private static final OffsetDateTime LAST_INSTANT = OffsetDateTime.parse("9999-12-31T23:59:59.999999999Z");

	private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-11-01T10:00:00Z");

	/** Well-formed date-times at and beyond the edges of what can be recorded. */
	private static final List<String> EDGE_TIMES = List.of("+999999999-12-31T23:59:59Z",
			"-999999999-01-01T00:00:00+18:00", "+10000-01-01T00:00:00Z", "0000-01-01T00:00:00+01:00",
			"9999-12-31T23:59:59.999999999-01:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static Path store;

	private static ConfigurableApplicationContext service;

	private static Api api;

	@BeforeContainer
	static void startService() throws IOException {
		store = Files.createTempDirectory("provenant-generated-");
		service = new SpringApplicationBuilder(ProvenantApplication.class).run("--server.port=0",
				"--provenant.embedded.data-dir=" + store, "--provenant.embedded.bolt-port=0",
				"--provenant.embedded.page-cache-mb=64", "--spring.neo4j.uri=",
				"--provenant.security.rate-limit.requests=0",
				"--provenant.ingest.max-batch-records=" + MAX_BATCH_RECORDS, "--" + TestKeys.SETTING);
		api = new Api(URI
			.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port") + "/graphql"));
	}

	@AfterContainer
	static void stopService() {
		if (service != null) {
			service.close();
		}
		if (store != null) {
			FileSystemUtils.deleteRecursively(store.toFile());
		}
	}

	@Property(tries = 150)
	void everyRequestIsAnsweredInLineWithTheModelOrRefusedWithAClassifiedError(@ForAll("scenarios") List<Step> steps) {
		// Not generated: a shrunk scenario replayed must not find the ids of an earlier
		// attempt.
		Run run = new Run("g" + UUID.randomUUID().toString().substring(0, 8));
		for (Step step : steps) {
			run.perform(step);
		}
		int stored = run.storedCount();
		Statistics.label("nodes stored by a try")
			.collect((stored == 0) ? "none" : (stored < 5) ? "1 to 4" : (stored < 10) ? "5 to 9" : "10 or more");
	}

	// Generators

	@Provide
	Arbitrary<List<Step>> scenarios() {
		// Mostly small batches, which can pass; now and then one at or over the limit.
		Arbitrary<Step> ingest = Arbitraries
			.frequencyOf(Tuple.of(8, recordDrafts().list().ofMinSize(1).ofMaxSize(6)),
					Tuple.of(1, recordDrafts().list().ofMaxSize(0)),
					Tuple.of(1,
							recordDrafts().list().ofMinSize(MAX_BATCH_RECORDS - 1).ofMaxSize(MAX_BATCH_RECORDS + 2)))
			.map(Ingest::new);
		Arbitrary<Step> resend = Arbitraries.of(true, false).map(Resend::new);
		Arbitrary<Step> ask = queryDrafts().map(Ask::new);
		Arbitrary<List<Step>> later = Arbitraries
			.frequencyOf(Tuple.of(6, ingest), Tuple.of(2, resend), Tuple.of(4, ask))
			.list()
			.ofMaxSize(7);
		// A try opens with a batch: there is little to ask or re-send before one. Edge
		// cases are left out: mixed into every nested list and choice they would swamp
		// the intended frequencies (a one-record batch in every other step).
		return Combinators.combine(ingest, later).as((first, rest) -> {
			List<Step> steps = new ArrayList<>();
			steps.add(first);
			steps.addAll(rest);
			return steps;
		}).withoutEdgeCases();
	}

	private static Arbitrary<RecordDraft> recordDrafts() {
		// Fewer actions: each needs a decision, and early in a try there is none yet.
		Arbitrary<Kind> kinds = Arbitraries.frequency(Tuple.of(3, Kind.DATA_SOURCE), Tuple.of(3, Kind.FEATURE),
				Tuple.of(2, Kind.MODEL_VERSION), Tuple.of(2, Kind.PROMPT_VERSION), Tuple.of(2, Kind.POLICY),
				Tuple.of(2, Kind.APPROVER), Tuple.of(3, Kind.DECISION), Tuple.of(1, Kind.ACTION));
		Arbitrary<Integer> slots = Arbitraries.integers().between(0, 2);
		Arbitrary<IdForm> idForms = Arbitraries.frequency(Tuple.of(100, IdForm.POOL), Tuple.of(3, IdForm.OTHER_KIND),
				Tuple.of(3, IdForm.LONGEST), Tuple.of(1, IdForm.BLANK), Tuple.of(1, IdForm.WHITESPACE),
				Tuple.of(1, IdForm.OVERSIZE));
		Arbitrary<Integer> variants = Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(2, 1), Tuple.of(1, 2));
		Arbitrary<List<RefDraft>> references = refDrafts().list().ofMaxSize(3);
		List<Tuple.Tuple2<Integer, Flaw>> flaws = new ArrayList<>();
		flaws.add(Tuple.of(150, Flaw.NONE));
		for (Flaw flaw : Flaw.values()) {
			if (flaw != Flaw.NONE) {
				flaws.add(Tuple.of(1, flaw));
			}
		}
		return Combinators.combine(kinds, slots, idForms, variants, references, Arbitraries.frequency(flaws))
			.as(RecordDraft::new);
	}

	private static Arbitrary<RefDraft> refDrafts() {
		Arbitrary<Integer> fields = Arbitraries.integers().between(0, 5);
		Arbitrary<RefMode> modes = Arbitraries.frequency(Tuple.of(30, RefMode.KNOWN), Tuple.of(6, RefMode.BATCHED),
				Tuple.of(2, RefMode.POOL), Tuple.of(1, RefMode.GHOST), Tuple.of(1, RefMode.WRONG_KIND),
				Tuple.of(1, RefMode.BLANK), Tuple.of(1, RefMode.OVERSIZE));
		Arbitrary<Integer> picks = Arbitraries.integers().between(0, 7);
		return Combinators.combine(fields, modes, picks).as(RefDraft::new);
	}

	private static Arbitrary<QueryDraft> queryDrafts() {
		Arbitrary<QueryKind> kinds = Arbitraries.of(QueryKind.class);
		Arbitrary<RefMode> targets = Arbitraries.frequency(Tuple.of(8, RefMode.KNOWN), Tuple.of(2, RefMode.POOL),
				Tuple.of(1, RefMode.GHOST), Tuple.of(1, RefMode.BLANK), Tuple.of(1, RefMode.OVERSIZE));
		Arbitrary<Integer> picks = Arbitraries.integers().between(0, 7);
		Arbitrary<Integer> depths = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(1, 6)),
				Tuple.of(1, Arbitraries.integers().between(-5, MAX_DEPTH)));
		Arbitrary<Integer> firsts = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 20)),
				Tuple.of(1, Arbitraries.integers().between(-5, 2 * MAX_PAGE_SIZE)),
				Tuple.of(1, Arbitraries.of(-1, MAX_PAGE_SIZE, MAX_PAGE_SIZE + 1)));
		Arbitrary<CursorForm> cursors = Arbitraries.frequency(Tuple.of(6, CursorForm.NONE),
				Tuple.of(3, CursorForm.VALID), Tuple.of(1, CursorForm.EMPTY), Tuple.of(1, CursorForm.GARBAGE),
				Tuple.of(1, CursorForm.NEGATIVE), Tuple.of(1, CursorForm.NOT_A_NUMBER),
				Tuple.of(1, CursorForm.TOO_LARGE), Tuple.of(1, CursorForm.LAST_INT));
		Arbitrary<AsOfForm> asOfs = Arbitraries.frequency(Tuple.of(8, AsOfForm.NONE), Tuple.of(1, AsOfForm.PAST),
				Tuple.of(1, AsOfForm.FUTURE), Tuple.of(1, AsOfForm.NO_OFFSET), Tuple.of(1, AsOfForm.BEYOND_RANGE));
		return Combinators.combine(kinds, targets, picks, depths, Arbitraries.of(true, false), firsts, cursors, asOfs)
			.as(QueryDraft::new);
	}

	// What is generated: steps of abstract drafts, made concrete against the model of the
	// try when they run, so that shrinking keeps the structure.

	sealed interface Step permits Ingest, Resend, Ask {

	}

	/** Ingests a batch of these records. */
	record Ingest(List<RecordDraft> records) implements Step {
	}

	/**
	 * Sends the previous batch again, as it was or written differently with the same
	 * meaning.
	 */
	record Resend(boolean equivalentForm) implements Step {
	}

	record Ask(QueryDraft query) implements Step {
	}

	/**
	 * One record: its kind, which id it takes, which of a few contents, its references
	 * and at most one deliberate flaw.
	 */
	record RecordDraft(Kind kind, int slot, IdForm idForm, int variant, List<RefDraft> references, Flaw flaw) {
	}

	/**
	 * The usable ids of a batch with their kinds: those before the record being made, and
	 * all.
	 */
	record InBatch(Map<String, Kind> earlier, Map<String, Kind> all) {
	}

	/**
	 * A reference in one of the record's reference fields, and how its target is chosen.
	 */
	record RefDraft(int field, RefMode mode, int pick) {
	}

	record QueryDraft(QueryKind kind, RefMode target, int pick, int depth, boolean upstream, int first,
			CursorForm cursor, AsOfForm asOf) {
	}

	enum IdForm {

		/** An id of the kind's pool. */
		POOL,
		/** An id of another kind's pool, so that one id may be claimed by two kinds. */
		OTHER_KIND,
		/** Valid, exactly as long as an id may be. */
		LONGEST, BLANK, WHITESPACE, OVERSIZE

	}

	enum RefMode {

		/**
		 * A stored record of a kind the field accepts, else one earlier in the batch,
		 * else a later one of another kind than the record's; no reference when there is
		 * none. Never closes a cycle.
		 */
		KNOWN,
		/**
		 * A record anywhere in the batch (the record itself included, so cycles happen)
		 * of a kind the field accepts, else a stored one.
		 */
		BATCHED,
		/** An id of the pool of a kind the field accepts, stored or not. */
		POOL, GHOST,
		/** A stored or batched record of a kind the field does not accept. */
		WRONG_KIND, BLANK, OVERSIZE

	}

	enum Flaw {

		NONE, BLANK_TEXT, ATTRIBUTES_NOT_OBJECT, OUT_OF_RANGE, BAD_SLA, BLANK_ROLE, BAD_ENUM, NO_OFFSET, NOT_A_DATE,
		EDGE_TIME, WRONG_TYPE, MISSING_REQUIRED, NULL_IN_LIST, UNKNOWN_FIELD

	}

	enum QueryKind {

		NODE, LINEAGE, BLAST_RADIUS, ROLLBACK_SCOPE

	}

	enum CursorForm {

		NONE, VALID, EMPTY, GARBAGE, NEGATIVE, NOT_A_NUMBER, TOO_LARGE, LAST_INT

	}

	enum AsOfForm {

		NONE, PAST, FUTURE, NO_OFFSET, BEYOND_RANGE

	}

	// The input schema, as graphql-schema/ingest.graphqls declares it

	enum Type {

		ID, ID_LIST, STRING, STRING_LIST, FLOAT, BOOLEAN, DATE_TIME, ROUTE, JSON;

		/** Whether GraphQL input coercion accepts this non-null value. */
		boolean accepts(Object value) {
			return switch (this) {
				case ID, STRING -> value instanceof String;
				// A single value where a list is expected is coerced to a list of one.
				case ID_LIST, STRING_LIST -> value instanceof String
						|| (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance));
				case FLOAT -> value instanceof Number number && Double.isFinite(number.doubleValue());
				case BOOLEAN -> value instanceof Boolean;
				case DATE_TIME -> value instanceof String text && recordableTime(text);
				case ROUTE -> "AUTONOMOUS".equals(value) || "HUMAN_REVIEW".equals(value);
				case JSON -> true;
			};
		}

	}

	/**
	 * A reference field: the kind that has it, its name, whether it holds a list, the
	 * kinds it may point to, the edge it stores, and whether the blast radius follows
	 * that edge towards decisions.
	 */
	record RefField(Kind owner, String name, boolean many, Set<Kind> targets, String edge, boolean towardsDecisions) {
	}

	enum Kind {

		DATA_SOURCE("dataSources", "ds"), FEATURE("features", "f"), MODEL_VERSION("modelVersions", "mv"),
		PROMPT_VERSION("promptVersions", "pv"), POLICY("policies", "pol"), APPROVER("approvers", "ap"),
		DECISION("decisions", "d"), ACTION("actions", "a");

		final String batchField;

		final String local;

		Kind(String batchField, String local) {
			this.batchField = batchField;
			this.local = local;
		}

		List<RefField> references() {
			return switch (this) {
				case FEATURE -> List.of(new RefField(this, "derivedFrom", true, EnumSet.of(DATA_SOURCE, FEATURE),
						"DERIVED_FROM", true));
				case MODEL_VERSION ->
					List.of(new RefField(this, "trainedOn", true, EnumSet.of(DATA_SOURCE), "TRAINED_ON", true),
							new RefField(this, "usesFeatures", true, EnumSet.of(FEATURE), "USES_FEATURE", true));
				case POLICY ->
					List.of(new RefField(this, "supersedes", false, EnumSet.of(POLICY), "SUPERSEDES", false));
				case DECISION -> List.of(new RefField(this, "features", true, EnumSet.of(FEATURE), "USED", true),
						new RefField(this, "dataSources", true, EnumSet.of(DATA_SOURCE), "READ", true),
						new RefField(this, "modelVersion", false, EnumSet.of(MODEL_VERSION), "MADE_BY", true),
						new RefField(this, "promptVersion", false, EnumSet.of(PROMPT_VERSION), "PROMPTED_BY", true),
						new RefField(this, "policy", false, EnumSet.of(POLICY), "GOVERNED_BY", true),
						new RefField(this, "approvedBy", true, EnumSet.of(APPROVER), "APPROVED_BY", true));
				case ACTION -> List.of(new RefField(this, "decision", false, EnumSet.of(DECISION), "EXECUTES", false),
						new RefField(this, "triggeredBy", true, EnumSet.of(ACTION), "TRIGGERED_BY", false));
				default -> List.of();
			};
		}

		/** Every input field with its type, references included. */
		Map<String, Type> fields() {
			Map<String, Type> fields = new LinkedHashMap<>();
			fields.put("id", Type.ID);
			fields.put("name", Type.STRING);
			fields.put("attributes", Type.JSON);
			switch (this) {
				case DATA_SOURCE -> {
					fields.put("uri", Type.STRING);
					fields.put("owner", Type.STRING);
				}
				case MODEL_VERSION -> {
					fields.put("model", Type.STRING);
					fields.put("version", Type.STRING);
				}
				case PROMPT_VERSION -> {
					fields.put("prompt", Type.STRING);
					fields.put("version", Type.STRING);
					fields.put("template", Type.STRING);
				}
				case POLICY -> {
					fields.put("minConfidence", Type.FLOAT);
					fields.put("minDataQuality", Type.FLOAT);
					fields.put("maxRiskScore", Type.FLOAT);
					fields.put("approverRoles", Type.STRING_LIST);
					fields.put("reviewSla", Type.STRING);
					fields.put("escalateOnQuarantinedInput", Type.BOOLEAN);
				}
				case APPROVER -> fields.put("role", Type.STRING);
				case DECISION -> {
					fields.put("occurredAt", Type.DATE_TIME);
					fields.put("subject", Type.STRING);
					fields.put("outcome", Type.STRING);
					fields.put("confidence", Type.FLOAT);
					fields.put("route", Type.ROUTE);
					fields.put("dataQuality", Type.FLOAT);
					fields.put("riskScore", Type.FLOAT);
				}
				case ACTION -> {
					fields.put("occurredAt", Type.DATE_TIME);
					fields.put("type", Type.STRING);
					fields.put("target", Type.STRING);
					fields.put("reversible", Type.BOOLEAN);
				}
				default -> {
				}
			}
			references().forEach(field -> fields.put(field.name(), field.many() ? Type.ID_LIST : Type.ID));
			return fields;
		}

		/** The non-null fields of the input type. */
		List<String> required() {
			return switch (this) {
				case MODEL_VERSION -> List.of("id", "model", "version");
				case PROMPT_VERSION -> List.of("id", "prompt", "version");
				case APPROVER -> List.of("id", "role");
				case DECISION -> List.of("id", "occurredAt", "outcome", "route");
				case ACTION -> List.of("id", "occurredAt", "type", "decision");
				default -> List.of("id");
			};
		}

		/** The required fields that must also hold more than blanks. */
		List<String> text() {
			return switch (this) {
				case MODEL_VERSION -> List.of("model", "version");
				case PROMPT_VERSION -> List.of("prompt", "version");
				case APPROVER -> List.of("role");
				case DECISION -> List.of("outcome");
				case ACTION -> List.of("type");
				default -> List.of();
			};
		}

	}

	/** What the model holds for a stored id: its kind and its content, normalised. */
	record Stored(Kind kind, Map<String, Object> content) {

		/** The content as the node query gives it back. */
		Map<String, Object> asRead() {
			Map<String, Object> read = new TreeMap<>(this.content);
			if (this.kind == Kind.POLICY && read.get("approverRoles") == null) {
				read.put("approverRoles", List.of());
			}
			return read;
		}

		Set<String> targets(String field) {
			@SuppressWarnings("unchecked")
			Set<String> targets = (Set<String>) this.content.getOrDefault(field, Set.of());
			return targets;
		}

	}

	/** One record of a batch: its kind and its fields. */
	record Entry(Kind kind, Map<String, Object> record) {

		String id() {
			return (String) this.record.get("id");
		}

	}

	enum Outcome {

		ACCEPTED,
		/** Refused by GraphQL before ingest ran: the input does not fit the schema. */
		REFUSED_REQUEST,
		/** Refused by ingest, naming the offending records. */
		REJECTED

	}

	/**
	 * The model's prediction for a batch: the outcome; when accepted, the report and what
	 * is written; when rejected, every problem code the service may name.
	 */
	record Verdict(Outcome outcome, Set<String> codes, int created, int unchanged, int edgesCreated,
			Map<String, Stored> written) {

		static Verdict refusedRequest() {
			return new Verdict(Outcome.REFUSED_REQUEST, Set.of(), 0, 0, 0, Map.of());
		}

		static Verdict rejected(Set<String> codes) {
			return new Verdict(Outcome.REJECTED, Set.copyOf(codes), 0, 0, 0, Map.of());
		}

		Set<String> classifications() {
			Set<String> classifications = new TreeSet<>();
			if (this.outcome == Outcome.REFUSED_REQUEST) {
				classifications.add("BAD_REQUEST");
			}
			this.codes.forEach(code -> classifications.add("CONFLICT".equals(code) ? "CONFLICT" : "BAD_REQUEST"));
			return classifications;
		}

		String label() {
			return (this.outcome == Outcome.REJECTED) ? "rejected " + new TreeSet<>(this.codes)
					: this.outcome.name().toLowerCase().replace('_', ' ');
		}

	}

	// The model: what the documented rules say a batch must do

	/**
	 * Judges a batch against what is stored, by the rules the schema and the ingest
	 * documentation state: the input must fit the schema; the batch must not exceed the
	 * limit; each record's values must be valid; an id held twice must hold the same
	 * content, and a stored id may only be re-sent unchanged; every reference must name a
	 * stored or batched node of a kind its field accepts; and the new records must not
	 * close a cycle.
	 */
	static Verdict judge(Map<String, Object> batch, Map<String, Stored> stored) {
		List<Entry> entries = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (batch.get(kind.batchField) instanceof List<?> records) {
				for (Object record : records) {
					@SuppressWarnings("unchecked")
					Map<String, Object> fields = (Map<String, Object>) record;
					entries.add(new Entry(kind, fields));
				}
			}
		}
		if (!entries.stream().allMatch(GeneratedInputIT::fitsTheSchema)) {
			return Verdict.refusedRequest();
		}
		if (entries.size() > MAX_BATCH_RECORDS) {
			return Verdict.rejected(Set.of("BATCH_TOO_LARGE"));
		}
		Set<String> codes = new TreeSet<>();
		// Records with bad values still declare their kind, so references to them are
		// not unknown.
		Map<String, Set<Kind>> declared = new HashMap<>();
		Map<String, Entry> first = new LinkedHashMap<>();
		int unchanged = 0;
		for (Entry entry : entries) {
			if (usableId(entry.id())) {
				declared.computeIfAbsent(entry.id(), id -> EnumSet.noneOf(Kind.class)).add(entry.kind());
			}
			if (hasBadValue(entry)) {
				codes.add("INVALID_VALUE");
				continue;
			}
			Entry earlier = first.putIfAbsent(entry.id(), entry);
			if (earlier != null) {
				if (asStored(earlier).equals(asStored(entry))) {
					unchanged++;
				}
				else {
					codes.add("CONFLICT");
				}
			}
		}
		Map<String, Stored> fresh = new LinkedHashMap<>();
		int edges = 0;
		for (Entry entry : first.values()) {
			Stored candidate = asStored(entry);
			Stored existing = stored.get(entry.id());
			if (existing == null) {
				fresh.put(entry.id(), candidate);
				for (RefField field : entry.kind().references()) {
					edges += candidate.targets(field.name()).size();
				}
			}
			else if (existing.equals(candidate)) {
				unchanged++;
			}
			else {
				codes.add("CONFLICT");
			}
			for (RefField field : entry.kind().references()) {
				for (String target : candidate.targets(field.name())) {
					Set<Kind> kinds = EnumSet.noneOf(Kind.class);
					kinds.addAll(declared.getOrDefault(target, Set.of()));
					if (stored.containsKey(target)) {
						kinds.add(stored.get(target).kind());
					}
					if (kinds.isEmpty()) {
						codes.add("UNKNOWN_REFERENCE");
					}
					else if (!field.targets().containsAll(kinds)) {
						codes.add("WRONG_KIND");
					}
				}
			}
		}
		if (closesACycle(fresh)) {
			codes.add("CYCLE");
		}
		if (!codes.isEmpty()) {
			return Verdict.rejected(codes);
		}
		return new Verdict(Outcome.ACCEPTED, Set.of(), fresh.size(), unchanged, edges, fresh);
	}

	private static boolean fitsTheSchema(Entry entry) {
		Map<String, Type> fields = entry.kind().fields();
		if (!fields.keySet().containsAll(entry.record().keySet())) {
			return false;
		}
		if (entry.kind().required().stream().anyMatch(field -> entry.record().get(field) == null)) {
			return false;
		}
		return entry.record()
			.entrySet()
			.stream()
			.allMatch(field -> field.getValue() == null || fields.get(field.getKey()).accepts(field.getValue()));
	}

	private static boolean hasBadValue(Entry entry) {
		Map<String, Object> record = entry.record();
		if (!usableId(entry.id())) {
			return true;
		}
		if (entry.kind().text().stream().anyMatch(field -> ((String) record.get(field)).isBlank())) {
			return true;
		}
		if (record.get("attributes") != null && !(record.get("attributes") instanceof Map)) {
			return true;
		}
		for (RefField field : entry.kind().references()) {
			if (!targets(record.get(field.name())).stream().allMatch(GeneratedInputIT::usableId)) {
				return true;
			}
		}
		for (Map.Entry<String, Type> field : entry.kind().fields().entrySet()) {
			// Every Float of the input is a fraction.
			if (field.getValue() == Type.FLOAT && record.get(field.getKey()) instanceof Number number
					&& (number.doubleValue() < 0 || number.doubleValue() > 1)) {
				return true;
			}
		}
		if (entry.kind() == Kind.POLICY) {
			if (record.get("reviewSla") instanceof String sla && !positiveDuration(sla)) {
				return true;
			}
			return targets(record.get("approverRoles")).stream().anyMatch(String::isBlank);
		}
		return false;
	}

	/**
	 * The content the service compares to tell an identical re-send from a conflict:
	 * instants rather than how they were written, references as sets, defaults filled in,
	 * the template as its hash.
	 */
	static Stored asStored(Entry entry) {
		Map<String, Object> content = new TreeMap<>();
		content.put("kind", entry.kind().name());
		entry.kind().fields().forEach((field, type) -> {
			Object value = entry.record().get(field);
			switch (type) {
				case ID, ID_LIST -> content.put(field, new TreeSet<>(targets(value)));
				case DATE_TIME -> content.put(field, OffsetDateTime.parse((String) value).toInstant());
				case FLOAT -> content.put(field, (value != null) ? ((Number) value).doubleValue() : null);
				// Both booleans of the input (reversible, escalateOnQuarantinedInput)
				// default to true.
				case BOOLEAN -> content.put(field, (value != null) ? value : Boolean.TRUE);
				default -> content.put(field, value);
			}
		});
		content.remove("id");
		if (entry.kind() == Kind.PROMPT_VERSION) {
			Object template = content.remove("template");
			content.put("templateSha256", (template != null) ? sha256((String) template) : null);
		}
		return new Stored(entry.kind(), content);
	}

	/**
	 * A node as the node query returns it, in the form of {@link Stored#asRead()}.
	 */
	static Map<String, Object> asRead(Kind kind, Map<String, Object> node) {
		Map<String, Object> read = new TreeMap<>();
		read.put("kind", node.get("kind"));
		kind.fields().forEach((field, type) -> {
			Object value = node.get(field);
			switch (type) {
				case ID, ID_LIST -> {
					Set<String> ids = new TreeSet<>();
					if (value instanceof Map<?, ?> single) {
						ids.add((String) single.get("id"));
					}
					else if (value instanceof List<?> list) {
						list.forEach(item -> ids.add((String) ((Map<?, ?>) item).get("id")));
					}
					read.put(field, ids);
				}
				case DATE_TIME -> read.put(field, OffsetDateTime.parse((String) value).toInstant());
				case FLOAT -> read.put(field, (value != null) ? ((Number) value).doubleValue() : null);
				default -> read.put(field, value);
			}
		});
		read.remove("id");
		if (kind == Kind.PROMPT_VERSION) {
			read.remove("template");
			read.put("templateSha256", node.get("templateSha256"));
		}
		return read;
	}

	/** Whether the new records close a DERIVED_FROM, TRIGGERED_BY or SUPERSEDES cycle. */
	private static boolean closesACycle(Map<String, Stored> fresh) {
		Map<String, List<String>> next = new HashMap<>();
		fresh.forEach((id, record) -> {
			List<String> targets = new ArrayList<>();
			for (RefField field : record.kind().references()) {
				if (field.targets().contains(record.kind())) {
					record.targets(field.name())
						.stream()
						.filter(target -> fresh.containsKey(target) && fresh.get(target).kind() == record.kind())
						.forEach(targets::add);
				}
			}
			next.put(id, targets);
		});
		Set<String> done = new HashSet<>();
		for (String start : next.keySet()) {
			if (reachesItself(start, next, new HashSet<>(), done)) {
				return true;
			}
		}
		return false;
	}

	private static boolean reachesItself(String node, Map<String, List<String>> next, Set<String> onPath,
			Set<String> done) {
		if (onPath.contains(node)) {
			return true;
		}
		if (!done.add(node)) {
			return false;
		}
		onPath.add(node);
		for (String target : next.getOrDefault(node, List.of())) {
			if (reachesItself(target, next, onPath, done)) {
				return true;
			}
		}
		onPath.remove(node);
		return false;
	}

	static boolean usableId(String id) {
		return id != null && !id.isBlank() && id.length() <= MAX_ID_LENGTH;
	}

	static boolean recordableTime(String text) {
		try {
			OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
			return !time.isBefore(FIRST_INSTANT) && !time.isAfter(LAST_INSTANT);
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	private static boolean positiveDuration(String text) {
		try {
			Duration duration = Duration.parse(text);
			return !duration.isNegative() && !duration.isZero();
		}
		catch (DateTimeParseException ex) {
			return false;
		}
	}

	/** The ids a reference field names: nothing, one, or a list. */
	static List<String> targets(Object value) {
		if (value instanceof String id) {
			return List.of(id);
		}
		List<String> ids = new ArrayList<>();
		if (value instanceof List<?> list) {
			list.forEach(item -> ids.add((String) item));
		}
		return ids;
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One try: its ids, its model of the graph, and the batch it sent last. */
	static final class Run {

		private static final String VIEW = """
				fragment View on Node {
				  id kind name attributes
				  ... on DataSource { uri owner }
				  ... on Feature { derivedFrom { id } }
				  ... on ModelVersion { model version trainedOn { id } usesFeatures { id } }
				  ... on PromptVersion { prompt version templateSha256 }
				  ... on Policy {
				    minConfidence minDataQuality maxRiskScore approverRoles reviewSla escalateOnQuarantinedInput
				    supersedes { id }
				  }
				  ... on Approver { role }
				  ... on Decision {
				    occurredAt subject outcome confidence route dataQuality riskScore
				    features { id } dataSources { id } modelVersion { id } promptVersion { id } policy { id }
				    approvedBy { id }
				  }
				  ... on Action { occurredAt type target reversible decision { id } triggeredBy { id } }
				}
				""";

		private static final String INGEST = "mutation($batch: ProvenanceBatch!) { ingest(batch: $batch) "
				+ "{ created unchanged edgesCreated } }";

		private final String prefix;

		private final Map<String, Stored> model = new HashMap<>();

		private Map<String, Object> lastBatch;

		Run(String prefix) {
			this.prefix = prefix;
		}

		int storedCount() {
			return this.model.size();
		}

		void perform(Step step) {
			if (step instanceof Ingest ingest) {
				ingest(materialize(ingest.records()));
			}
			else if (step instanceof Resend resend && this.lastBatch != null) {
				ingest(resend.equivalentForm() ? sameMeaning(this.lastBatch) : this.lastBatch);
			}
			else if (step instanceof Ask ask) {
				ask(ask.query());
			}
		}

		private void ingest(Map<String, Object> batch) {
			Verdict verdict = judge(batch, this.model);
			Exchange exchange = api.post(INGEST, Map.of("batch", batch));
			assertClassified(exchange);
			Statistics.label("ingest").collect(verdict.label());
			Object report = exchange.answer().data("ingest");
			if (verdict.outcome() == Outcome.ACCEPTED) {
				assertThat(exchange.answer().errors()).as(exchange::describe).isEmpty();
				assertThat(report).as(exchange::describe)
					.isEqualTo(Map.of("created", verdict.created(), "unchanged", verdict.unchanged(), "edgesCreated",
							verdict.edgesCreated()));
				this.model.putAll(verdict.written());
			}
			else {
				assertThat(report).as(exchange::describe).isNull();
				assertThat(exchange.answer().errors()).as(exchange::describe).isNotEmpty();
				assertThat(exchange.answer().classifications()).as(exchange::describe)
					.isSubsetOf(verdict.classifications());
				if (verdict.outcome() == Outcome.REJECTED) {
					assertThat(exchange.answer().codes()).as(exchange::describe).isSubsetOf(verdict.codes());
				}
			}
			assertGraphMatchesModel(batch, exchange);
			this.lastBatch = batch;
		}

		/**
		 * Reads back every modelled id and every id the batch named, in one request, and
		 * compares them with the model: modelled ids hold exactly the modelled content
		 * and references, the others are absent.
		 */
		private void assertGraphMatchesModel(Map<String, Object> batch, Exchange after) {
			List<String> ids = idsToReadBack(batch);
			if (ids.isEmpty()) {
				return;
			}
			StringBuilder document = new StringBuilder("query(");
			Map<String, Object> variables = new LinkedHashMap<>();
			for (int i = 0; i < ids.size(); i++) {
				document.append((i > 0) ? ", " : "").append("$i").append(i).append(": ID!");
				variables.put("i" + i, ids.get(i));
			}
			document.append(") {");
			for (int i = 0; i < ids.size(); i++) {
				document.append(" n").append(i).append(": node(id: $i").append(i).append(") { ...View }");
			}
			document.append(" }\n").append(VIEW);
			Exchange check = api.post(document.toString(), variables);
			assertThat(check.answer().status()).as(check::describe).isEqualTo(200);
			assertThat(check.answer().errors()).as(check::describe).isEmpty();
			for (int i = 0; i < ids.size(); i++) {
				String id = ids.get(i);
				Stored expected = this.model.get(id);
				@SuppressWarnings("unchecked")
				Map<String, Object> node = (Map<String, Object>) check.answer().data("n" + i);
				Supplier<String> context = () -> "node '" + id + "' after\n" + after.describe();
				if (expected == null) {
					assertThat(node).as(context).isNull();
				}
				else {
					assertThat(node).as(context).isNotNull();
					assertThat(asRead(expected.kind(), node)).as(context).isEqualTo(expected.asRead());
				}
			}
		}

		// Making drafts concrete

		private Map<String, Object> materialize(List<RecordDraft> drafts) {
			Map<String, Kind> batched = new HashMap<>();
			List<String> ids = new ArrayList<>();
			for (RecordDraft draft : drafts) {
				String id = idOf(draft);
				ids.add(id);
				if (usableId(id)) {
					batched.putIfAbsent(id, draft.kind());
				}
			}
			Map<String, Object> batch = new LinkedHashMap<>();
			Map<String, Kind> earlier = new HashMap<>();
			for (int i = 0; i < drafts.size(); i++) {
				RecordDraft draft = drafts.get(i);
				@SuppressWarnings("unchecked")
				List<Object> records = (List<Object>) batch.computeIfAbsent(draft.kind().batchField,
						field -> new ArrayList<>());
				records.add(record(draft, ids.get(i), new InBatch(Map.copyOf(earlier), batched)));
				if (usableId(ids.get(i))) {
					earlier.putIfAbsent(ids.get(i), draft.kind());
				}
			}
			return batch;
		}

		private String idOf(RecordDraft draft) {
			return switch (draft.idForm()) {
				case POOL -> poolId(draft.kind(), draft.slot());
				case OTHER_KIND ->
					poolId(Kind.values()[(draft.kind().ordinal() + 1) % Kind.values().length], draft.slot());
				case LONGEST -> longestId(draft.kind());
				case BLANK -> "";
				case WHITESPACE -> "  ";
				case OVERSIZE -> oversizeId();
			};
		}

		private Map<String, Object> record(RecordDraft draft, String id, InBatch batched) {
			Kind kind = draft.kind();
			int variant = draft.variant();
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("id", id);
			if (variant > 0) {
				record.put("name", List.of("Primary", "Zoë ✓ \"quoted\" \\ name").get(variant - 1));
				record.put("attributes", attributes(variant));
			}
			switch (kind) {
				case DATA_SOURCE -> {
					record.put("uri", "s3://bucket/v" + variant);
					record.put("owner", "team-" + variant);
				}
				case MODEL_VERSION -> {
					record.put("model", "risk");
					record.put("version", "v" + variant);
				}
				case PROMPT_VERSION -> {
					record.put("prompt", "explain");
					record.put("version", "1");
					if (variant > 0) {
						record.put("template", "Explain {x} " + "✓".repeat(variant));
					}
				}
				case POLICY -> {
					putUnlessNull(record, "minConfidence", pick(variant, 0.5, 0.8, null));
					putUnlessNull(record, "maxRiskScore", pick(variant, null, 0.7, 0.2));
					putUnlessNull(record, "approverRoles",
							pick(variant, null, List.of("risk"), List.of("risk", "ops")));
					// Long.MAX_VALUE seconds, the longest SLA a Duration holds: adding it
					// to
					// a decision's time must not overflow.
					putUnlessNull(record, "reviewSla", pick(variant, null, "PT4H", "PT9223372036854775807S"));
					putUnlessNull(record, "escalateOnQuarantinedInput", pick(variant, null, true, false));
				}
				case APPROVER -> record.put("role", "officer-" + variant);
				case DECISION -> {
					record.put("occurredAt", T0.plusHours(variant).toString());
					record.put("outcome", pick(variant, "approve", "deny", "approve"));
					record.put("confidence", pick(variant, 0.9, 0.0, 1.0));
					record.put("route", pick(variant, "AUTONOMOUS", "HUMAN_REVIEW", "HUMAN_REVIEW"));
					putUnlessNull(record, "subject", pick(variant, null, "loan-1", "loan-2"));
					putUnlessNull(record, "dataQuality", pick(variant, null, 0.5, 1.0));
					putUnlessNull(record, "riskScore", pick(variant, null, 0.3, 0.95));
				}
				case ACTION -> {
					record.put("occurredAt", T0.plusHours(1).plusMinutes(variant).toString());
					record.put("type", "notify");
					putUnlessNull(record, "target", pick(variant, null, "crm", "email"));
					putUnlessNull(record, "reversible", pick(variant, null, false, true));
				}
				default -> {
				}
			}
			List<RefField> fields = kind.references();
			for (RefDraft reference : draft.references()) {
				if (fields.isEmpty()) {
					break;
				}
				RefField field = fields.get(reference.field() % fields.size());
				String target = resolve(reference, field, batched);
				if (target == null) {
					continue;
				}
				if (field.many()) {
					@SuppressWarnings("unchecked")
					List<Object> targets = (List<Object>) record.computeIfAbsent(field.name(),
							name -> new ArrayList<>());
					targets.add(target);
				}
				else {
					record.put(field.name(), target);
				}
			}
			if (kind == Kind.ACTION && !record.containsKey("decision")) {
				String decision = resolve(new RefDraft(0, RefMode.KNOWN, draft.slot()), fields.get(0), batched);
				record.put("decision", (decision != null) ? decision : poolId(Kind.DECISION, draft.slot()));
			}
			spoil(record, kind, draft.flaw(), variant);
			return record;
		}

		private static Map<String, Object> attributes(int variant) {
			if (variant == 1) {
				return Map.of("team", "risk", "n", 1);
			}
			Map<String, Object> nested = new LinkedHashMap<>();
			List<Object> items = new ArrayList<>(List.of(1, 2.5, "x"));
			items.add(null);
			items.add(true);
			nested.put("b", items);
			Map<String, Object> attributes = new LinkedHashMap<>();
			attributes.put("nested", nested);
			attributes.put("a", null);
			return attributes;
		}

		/** Applies the draft's flaw, where the kind has a field it can break. */
		private void spoil(Map<String, Object> record, Kind kind, Flaw flaw, int variant) {
			boolean timed = kind == Kind.DECISION || kind == Kind.ACTION;
			switch (flaw) {
				case BLANK_TEXT -> kind.text().stream().findFirst().ifPresent(f -> record.put(f, " ".repeat(variant)));
				case ATTRIBUTES_NOT_OBJECT -> record.put("attributes", pick(variant, List.of(1, 2), "text", 42));
				case OUT_OF_RANGE -> kind.fields()
					.entrySet()
					.stream()
					.filter(field -> field.getValue() == Type.FLOAT)
					.findFirst()
					.ifPresent(field -> record.put(field.getKey(), pick(variant, 1.5, -0.01, 1.0000001)));
				case BAD_SLA -> {
					if (kind == Kind.POLICY) {
						record.put("reviewSla", pick(variant, "4 hours", "PT0S", "-PT1H"));
					}
				}
				case BLANK_ROLE -> {
					if (kind == Kind.POLICY) {
						record.put("approverRoles", List.of("risk", " "));
					}
					if (kind == Kind.APPROVER) {
						record.put("role", " ");
					}
				}
				// Outside decisions the field does not exist at all.
				case BAD_ENUM -> record.put("route", "MAYBE");
				case NO_OFFSET -> {
					if (timed) {
						record.put("occurredAt", "2026-11-01T10:00:00");
					}
				}
				case NOT_A_DATE -> {
					if (timed) {
						record.put("occurredAt", pick(variant, "yesterday", "", "2026-13-01T10:00:00Z"));
					}
				}
				case EDGE_TIME -> {
					if (timed) {
						record.put("occurredAt", EDGE_TIMES.get((variant * 3 + record.size()) % EDGE_TIMES.size()));
					}
				}
				case WRONG_TYPE -> {
					switch (kind) {
						case POLICY -> record.put("minConfidence", "high");
						case DECISION -> record.put("confidence", "high");
						case ACTION -> record.put("reversible", "yes");
						default -> record.put("name", Map.of("not", "text"));
					}
				}
				case MISSING_REQUIRED -> record.remove(kind.required().get(kind.required().size() - 1));
				case NULL_IN_LIST -> kind.fields()
					.entrySet()
					.stream()
					.filter(field -> field.getValue() == Type.ID_LIST || field.getValue() == Type.STRING_LIST)
					.findFirst()
					.ifPresent(field -> {
						List<Object> withNull = new ArrayList<>(targets(record.get(field.getKey())));
						withNull.add(null);
						record.put(field.getKey(), withNull);
					});
				case UNKNOWN_FIELD -> record.put("colour", "red");
				default -> {
				}
			}
		}

		/** The target of a reference, or {@code null} for none. */
		private String resolve(RefDraft reference, RefField field, InBatch batched) {
			Predicate<Kind> accepted = field.targets()::contains;
			int pick = reference.pick();
			List<Kind> acceptedKinds = List.copyOf(field.targets());
			return switch (reference.mode()) {
				// Later records of another kind than the field's owner cannot close a
				// cycle.
				case KNOWN ->
					pickAmong(storedKinds(), accepted, pick).or(() -> pickAmong(batched.earlier(), accepted, pick))
						.or(() -> pickAmong(batched.all(), accepted.and(kind -> kind != field.owner()), pick))
						.orElse(null);
				case BATCHED ->
					pickAmong(batched.all(), accepted, pick).or(() -> pickAmong(storedKinds(), accepted, pick))
						.orElse(null);
				case POOL -> poolId(acceptedKinds.get(pick % acceptedKinds.size()), pick);
				case GHOST -> ghostId(pick);
				case WRONG_KIND -> {
					Map<String, Kind> known = new HashMap<>(storedKinds());
					known.putAll(batched.all());
					yield pickAmong(known, accepted.negate(), pick)
						.orElse(poolId(EnumSet.complementOf(EnumSet.copyOf(field.targets())).iterator().next(), pick));
				}
				case BLANK -> (pick % 2 == 0) ? "" : " ";
				case OVERSIZE -> oversizeId();
			};
		}

		private Map<String, Kind> storedKinds() {
			Map<String, Kind> kinds = new HashMap<>();
			this.model.forEach((id, stored) -> kinds.put(id, stored.kind()));
			return kinds;
		}

		/** The pick-th, in a stable order, of the ids whose kind passes. */
		private static Optional<String> pickAmong(Map<String, Kind> ids, Predicate<Kind> kinds, int pick) {
			List<String> candidates = ids.entrySet()
				.stream()
				.filter(id -> kinds.test(id.getValue()))
				.map(Map.Entry::getKey)
				.sorted()
				.toList();
			return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(pick % candidates.size()));
		}

		/**
		 * The batch written differently with the same meaning: fields in another order,
		 * times in another offset, references reversed and repeated (a single one as a
		 * bare value), defaults spelled out.
		 */
		private static Map<String, Object> sameMeaning(Map<String, Object> batch) {
			Map<String, Object> same = new LinkedHashMap<>();
			for (Kind kind : Kind.values()) {
				if (!(batch.get(kind.batchField) instanceof List<?> records)) {
					continue;
				}
				List<Object> rewritten = new ArrayList<>();
				for (Object item : records) {
					@SuppressWarnings("unchecked")
					Map<String, Object> record = (Map<String, Object>) item;
					List<String> keys = new ArrayList<>(record.keySet());
					Collections.reverse(keys);
					Map<String, Object> copy = new LinkedHashMap<>();
					for (String key : keys) {
						copy.put(key, rewrite(kind.fields().get(key), record.get(key)));
					}
					if (kind == Kind.ACTION && !copy.containsKey("reversible")) {
						copy.put("reversible", true);
					}
					if (kind == Kind.POLICY && !copy.containsKey("escalateOnQuarantinedInput")) {
						copy.put("escalateOnQuarantinedInput", true);
					}
					rewritten.add(copy);
				}
				same.put(kind.batchField, rewritten);
			}
			return same;
		}

		private static Object rewrite(Type type, Object value) {
			if (type == Type.DATE_TIME && value instanceof String text && recordableTime(text)) {
				OffsetDateTime time = OffsetDateTime.parse(text);
				if (time.getYear() > 1000 && time.getYear() < 9000) {
					return time.withOffsetSameInstant(ZoneOffset.ofHoursMinutes(5, 30)).toString();
				}
			}
			if (type == Type.ID_LIST && value instanceof List<?> list
					&& list.stream().allMatch(String.class::isInstance)) {
				if (list.size() == 1) {
					return list.get(0);
				}
				List<Object> reversed = new ArrayList<>(list);
				Collections.reverse(reversed);
				if (!reversed.isEmpty()) {
					reversed.add(reversed.get(0));
				}
				return reversed;
			}
			if (type == Type.JSON && value instanceof Map<?, ?> map) {
				List<Object> keys = new ArrayList<>(map.keySet());
				Collections.reverse(keys);
				Map<Object, Object> reordered = new LinkedHashMap<>();
				keys.forEach(key -> reordered.put(key, map.get(key)));
				return reordered;
			}
			return value;
		}

		// Queries

		private void ask(QueryDraft query) {
			String id = target(query);
			Map<String, Object> variables = new LinkedHashMap<>();
			variables.put("id", id);
			variables.put("asOf", asOf(query.asOf()));
			Exchange exchange = switch (query.kind()) {
				case NODE ->
					api.post("query($id: ID!, $asOf: DateTime) { node(id: $id, asOf: $asOf) { id kind } }", variables);
				case LINEAGE -> {
					variables.put("direction", query.upstream() ? "UPSTREAM" : "DOWNSTREAM");
					variables.put("depth", query.depth());
					yield api.post("query($id: ID!, $direction: Direction, $depth: Int, $asOf: DateTime) { "
							+ "lineage(id: $id, direction: $direction, depth: $depth, asOf: $asOf) { root { id kind } "
							+ "nodes { id } edges { from to type } hops { id distance } truncated } }", variables);
				}
				case BLAST_RADIUS -> {
					page(variables, query);
					yield api.post(
							"query($id: ID!, $asOf: DateTime, $first: Int, $after: String) { "
									+ "blastRadius(id: $id, asOf: $asOf) { root { id } decisionCount actionCount "
									+ "decisions(first: $first, after: $after) { totalCount edges { node { id } } } "
									+ "actions(first: $first, after: $after) { totalCount edges { node { id } } } } }",
							variables);
				}
				case ROLLBACK_SCOPE -> {
					page(variables, query);
					yield api.post("query($id: ID!, $asOf: DateTime, $first: Int, $after: String) { "
							+ "rollbackScope(id: $id, asOf: $asOf) { root { id } stepCount "
							+ "steps(first: $first, after: $after) { totalCount edges { node { position "
							+ "action { id } } } } } }", variables);
				}
			};
			assertClassified(exchange);
			Answer answer = exchange.answer();
			Set<String> refusals = refusals(query, id);
			Statistics.label("query")
				.collect(query.kind() + " " + (answer.errors().isEmpty() ? "answered" : answer.classifications()));
			if (!refusals.isEmpty()) {
				assertThat(answer.errors()).as(exchange::describe).isNotEmpty();
				assertThat(answer.classifications()).as(exchange::describe).isSubsetOf(refusals);
				return;
			}
			boolean paged = query.kind() == QueryKind.BLAST_RADIUS || query.kind() == QueryKind.ROLLBACK_SCOPE;
			if (paged && query.cursor() == CursorForm.LAST_INT && !answer.errors().isEmpty()) {
				// The last position an int holds names no item; refusing it is as right
				// as
				// answering with an empty page.
				assertThat(answer.classifications()).as(exchange::describe).isEqualTo(Set.of("BAD_REQUEST"));
				return;
			}
			assertThat(answer.errors()).as(exchange::describe).isEmpty();
			boolean exists = this.model.containsKey(id) && query.asOf() != AsOfForm.PAST;
			switch (query.kind()) {
				case NODE -> {
					Object node = answer.data("node");
					if (exists) {
						assertThat(node).as(exchange::describe)
							.isEqualTo(Map.of("id", id, "kind", this.model.get(id).kind().name()));
					}
					else {
						assertThat(node).as(exchange::describe).isNull();
					}
				}
				case LINEAGE -> assertLineage(exchange, id, query);
				case BLAST_RADIUS -> assertBlastRadius(exchange, id, query);
				case ROLLBACK_SCOPE -> assertRollbackScope(exchange, id, query);
			}
		}

		/**
		 * The classifications a query must be refused under, when it must be: empty when
		 * it must be answered.
		 */
		private Set<String> refusals(QueryDraft query, String id) {
			Set<String> refusals = new TreeSet<>();
			if (query.asOf() == AsOfForm.NO_OFFSET || query.asOf() == AsOfForm.BEYOND_RANGE) {
				return Set.of("BAD_REQUEST");
			}
			boolean exists = this.model.containsKey(id) && query.asOf() != AsOfForm.PAST;
			switch (query.kind()) {
				case NODE -> {
					if (id.isEmpty()) {
						refusals.add("BAD_REQUEST");
					}
				}
				case LINEAGE -> {
					if (query.depth() < 1 || query.depth() > MAX_DEPTH) {
						refusals.add("BAD_REQUEST");
					}
					if (!exists) {
						refusals.add("NOT_FOUND");
						if (id.isBlank()) {
							refusals.add("BAD_REQUEST");
						}
					}
				}
				case BLAST_RADIUS, ROLLBACK_SCOPE -> {
					if (query.first() < 0 || query.first() > MAX_PAGE_SIZE || malformed(query.cursor())) {
						refusals.add("BAD_REQUEST");
					}
					if (!exists) {
						refusals.add("NOT_FOUND");
						if (id.isBlank()) {
							refusals.add("BAD_REQUEST");
						}
					}
				}
			}
			return refusals;
		}

		private static boolean malformed(CursorForm cursor) {
			return cursor != CursorForm.NONE && cursor != CursorForm.VALID && cursor != CursorForm.LAST_INT;
		}

		private void assertLineage(Exchange exchange, String id, QueryDraft query) {
			Map<String, Integer> expected = distances(id, query.upstream(), query.depth() + 1);
			Map<String, Integer> within = new TreeMap<>();
			expected.forEach((node, distance) -> {
				if (distance <= query.depth()) {
					within.put(node, distance);
				}
			});
			Set<String> edges = new TreeSet<>();
			this.model.forEach((from, record) -> {
				for (RefField field : record.kind().references()) {
					for (String to : record.targets(field.name())) {
						if (within.containsKey(from) && within.containsKey(to)) {
							edges.add(from + " -" + field.edge() + "-> " + to);
						}
					}
				}
			});
			Map<?, ?> lineage = (Map<?, ?>) exchange.answer().data("lineage");
			Map<String, Integer> hops = new TreeMap<>();
			for (Object hop : (List<?>) lineage.get("hops")) {
				hops.put((String) ((Map<?, ?>) hop).get("id"), (Integer) ((Map<?, ?>) hop).get("distance"));
			}
			Set<String> returnedEdges = new TreeSet<>();
			for (Object item : (List<?>) lineage.get("edges")) {
				Map<?, ?> edge = (Map<?, ?>) item;
				returnedEdges.add(edge.get("from") + " -" + edge.get("type") + "-> " + edge.get("to"));
			}
			Set<Object> nodes = new TreeSet<>();
			((List<?>) lineage.get("nodes")).forEach(node -> nodes.add(((Map<?, ?>) node).get("id")));
			assertThat(((Map<?, ?>) lineage.get("root")).get("id")).as(exchange::describe).isEqualTo(id);
			assertThat(hops).as(exchange::describe).isEqualTo(within);
			assertThat(nodes).as(exchange::describe).isEqualTo(within.keySet());
			assertThat(returnedEdges).as(exchange::describe).isEqualTo(edges);
			assertThat(lineage.get("truncated")).as(exchange::describe).isEqualTo(expected.size() > within.size());
		}

		/**
		 * Hop distances from a node, following references (upstream) or their reverse
		 * (downstream), up to a bound.
		 */
		private Map<String, Integer> distances(String root, boolean upstream, int bound) {
			Map<String, Integer> distance = new HashMap<>();
			Deque<String> queue = new ArrayDeque<>();
			distance.put(root, 0);
			queue.add(root);
			while (!queue.isEmpty()) {
				String current = queue.poll();
				if (distance.get(current) == bound) {
					continue;
				}
				for (String neighbour : neighbours(current, upstream, field -> true)) {
					if (!distance.containsKey(neighbour)) {
						distance.put(neighbour, distance.get(current) + 1);
						queue.add(neighbour);
					}
				}
			}
			return distance;
		}

		private Set<String> neighbours(String id, boolean upstream, Predicate<RefField> follow) {
			Set<String> neighbours = new TreeSet<>();
			if (upstream) {
				Stored record = this.model.get(id);
				for (RefField field : record.kind().references()) {
					if (follow.test(field)) {
						neighbours.addAll(record.targets(field.name()));
					}
				}
				return neighbours;
			}
			this.model.forEach((other, record) -> {
				for (RefField field : record.kind().references()) {
					if (follow.test(field) && record.targets(field.name()).contains(id)) {
						neighbours.add(other);
					}
				}
			});
			return neighbours;
		}

		/** Everything reachable downstream of the roots along the fields that pass. */
		private Set<String> downstream(Collection<String> roots, Predicate<RefField> follow) {
			Set<String> reached = new TreeSet<>(roots);
			Deque<String> queue = new ArrayDeque<>(roots);
			while (!queue.isEmpty()) {
				for (String next : neighbours(queue.poll(), false, follow)) {
					if (reached.add(next)) {
						queue.add(next);
					}
				}
			}
			return reached;
		}

		/**
		 * The decisions downstream of a node (the node itself when it is one) and the
		 * actions executing them or triggered by those, or downstream of the node when it
		 * is an action.
		 */
		private List<Set<String>> blastRadius(String id) {
			Set<String> decisions = new TreeSet<>(downstream(List.of(id), RefField::towardsDecisions));
			decisions.removeIf(node -> this.model.get(node).kind() != Kind.DECISION);
			Collection<String> seeds = (this.model.get(id).kind() == Kind.ACTION) ? List.of(id) : decisions;
			Set<String> actions = new TreeSet<>(downstream(seeds, field -> !field.towardsDecisions()));
			actions.removeIf(node -> this.model.get(node).kind() != Kind.ACTION);
			return List.of(decisions, actions);
		}

		private void assertBlastRadius(Exchange exchange, String id, QueryDraft query) {
			List<Set<String>> expected = blastRadius(id);
			Map<?, ?> radius = (Map<?, ?>) exchange.answer().data("blastRadius");
			assertThat(radius.get("decisionCount")).as(exchange::describe).isEqualTo(expected.get(0).size());
			assertThat(radius.get("actionCount")).as(exchange::describe).isEqualTo(expected.get(1).size());
			assertPage(exchange, (Map<?, ?>) radius.get("decisions"), expected.get(0), query);
			assertPage(exchange, (Map<?, ?>) radius.get("actions"), expected.get(1), query);
		}

		private void assertRollbackScope(Exchange exchange, String id, QueryDraft query) {
			Set<String> actions = blastRadius(id).get(1);
			Map<?, ?> scope = (Map<?, ?>) exchange.answer().data("rollbackScope");
			assertThat(scope.get("stepCount")).as(exchange::describe).isEqualTo(actions.size());
			Map<?, ?> steps = (Map<?, ?>) scope.get("steps");
			assertThat(steps.get("totalCount")).as(exchange::describe).isEqualTo(actions.size());
			int offset = offset(query.cursor(), query.pick(), actions.size());
			List<?> edges = (List<?>) steps.get("edges");
			assertThat(edges).as(exchange::describe)
				.hasSize(Math.max(0, Math.min(query.first(), actions.size() - offset)));
			for (int i = 0; i < edges.size(); i++) {
				Map<?, ?> step = (Map<?, ?>) ((Map<?, ?>) edges.get(i)).get("node");
				assertThat(step.get("position")).as(exchange::describe).isEqualTo(offset + i + 1);
				assertThat(((Map<?, ?>) step.get("action")).get("id")).as(exchange::describe).isIn(actions);
			}
		}

		private void assertPage(Exchange exchange, Map<?, ?> connection, Set<String> all, QueryDraft query) {
			assertThat(connection.get("totalCount")).as(exchange::describe).isEqualTo(all.size());
			int offset = offset(query.cursor(), query.pick(), all.size());
			List<?> edges = (List<?>) connection.get("edges");
			assertThat(edges).as(exchange::describe).hasSize(Math.max(0, Math.min(query.first(), all.size() - offset)));
			edges.forEach(
					edge -> assertThat(((Map<?, ?>) ((Map<?, ?>) edge).get("node")).get("id")).as(exchange::describe)
						.isIn(all));
		}

		/** Where a page starts: after the cursor's position. */
		private static int offset(CursorForm cursor, int pick, int size) {
			return switch (cursor) {
				case VALID -> pick % 5 + 1;
				case LAST_INT -> size;
				default -> 0;
			};
		}

		private static void page(Map<String, Object> variables, QueryDraft query) {
			variables.put("first", query.first());
			variables.put("after", switch (query.cursor()) {
				case NONE -> null;
				case VALID -> cursor("pos:" + (query.pick() % 5));
				case EMPTY -> "";
				case GARBAGE -> "not a cursor %%";
				case NEGATIVE -> cursor("pos:-1");
				case NOT_A_NUMBER -> cursor("pos:one");
				case TOO_LARGE -> cursor("pos:99999999999");
				case LAST_INT -> cursor("pos:" + Integer.MAX_VALUE);
			});
		}

		private static String cursor(String position) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
		}

		private static String asOf(AsOfForm form) {
			return switch (form) {
				case NONE -> null;
				case PAST -> "2000-01-01T00:00:00Z";
				case FUTURE -> "2999-01-01T00:00:00+02:00";
				case NO_OFFSET -> "2026-11-01T10:00:00";
				case BEYOND_RANGE -> "+999999999-12-31T23:59:59-18:00";
			};
		}

		private String target(QueryDraft query) {
			return switch (query.target()) {
				case KNOWN -> pickAmong(storedKinds(), kind -> true, query.pick())
					.orElse(poolId(Kind.values()[query.pick()], query.pick()));
				case POOL, BATCHED, WRONG_KIND -> poolId(Kind.values()[query.pick()], query.pick());
				case GHOST -> ghostId(query.pick());
				case BLANK -> (query.pick() % 2 == 0) ? "" : " ";
				case OVERSIZE -> oversizeId();
			};
		}

		// The try's ids

		private String poolId(Kind kind, int pick) {
			int slot = pick % 3;
			// One id per kind that needs escaping in JSON and is not ASCII.
			return this.prefix + ":" + kind.local + slot + ((slot == 2) ? " ü/✓ \"q\"" : "");
		}

		private String longestId(Kind kind) {
			String start = this.prefix + ":" + kind.local + "-longest-";
			return start + "x".repeat(MAX_ID_LENGTH - start.length());
		}

		private String oversizeId() {
			return this.prefix + ":" + "o".repeat(MAX_ID_LENGTH);
		}

		private String ghostId(int pick) {
			return this.prefix + ":ghost" + (pick % 2);
		}

		/**
		 * The modelled ids and those the batch named, as records or references. (Reading
		 * a node costs a transaction of its own, so not the whole pool every time.)
		 */
		private List<String> idsToReadBack(Map<String, Object> batch) {
			Set<String> ids = new TreeSet<>(this.model.keySet());
			for (Kind kind : Kind.values()) {
				if (batch.get(kind.batchField) instanceof List<?> records) {
					for (Object record : records) {
						((Map<?, ?>) record).forEach((field, value) -> {
							Type type = kind.fields().get(field);
							if (type == Type.ID || type == Type.ID_LIST) {
								asList(value).stream()
									.filter(id -> id instanceof String text && !text.isEmpty())
									.forEach(id -> ids.add((String) id));
							}
						});
					}
				}
			}
			return List.copyOf(ids);
		}

		private static List<?> asList(Object value) {
			if (value instanceof List<?> list) {
				return list;
			}
			return (value != null) ? List.of(value) : List.of();
		}

		private static Object pick(int variant, Object first, Object second, Object third) {
			return (variant == 0) ? first : (variant == 1) ? second : third;
		}

		private static void putUnlessNull(Map<String, Object> record, String field, Object value) {
			if (value != null) {
				record.put(field, value);
			}
		}

	}

	// Talking to the service

	/**
	 * Every answer, whatever was asked: HTTP 200, and only classified errors that leak
	 * nothing.
	 */
	static void assertClassified(Exchange exchange) {
		Answer answer = exchange.answer();
		assertThat(answer.status()).as(exchange::describe).isEqualTo(200);
		assertThat(answer.body().containsKey("data") || answer.body().containsKey("errors")).as(exchange::describe)
			.isTrue();
		for (Map<String, Object> error : answer.errors()) {
			assertThat(classification(error)).as(exchange::describe).isIn(CLASSIFIED);
			String message = String.valueOf(error.get("message"));
			for (String leak : LEAKS) {
				assertThat(message).as(exchange::describe).doesNotContain(leak);
			}
		}
	}

	static String classification(Map<String, Object> error) {
		return (error.get("extensions") instanceof Map<?, ?> extensions)
				? String.valueOf(extensions.get("classification")) : "none";
	}

	record Answer(int status, String raw, Map<String, Object> body) {

		Object data(String field) {
			return (this.body.get("data") instanceof Map<?, ?> data) ? data.get(field) : null;
		}

		List<Map<String, Object>> errors() {
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> errors = (List<Map<String, Object>>) this.body.getOrDefault("errors", List.of());
			return errors;
		}

		Set<String> classifications() {
			Set<String> classifications = new TreeSet<>();
			errors().forEach(error -> classifications.add(classification(error)));
			return classifications;
		}

		Set<String> codes() {
			Set<String> codes = new TreeSet<>();
			errors().forEach(error -> {
				if (error.get("extensions") instanceof Map<?, ?> extensions && extensions.get("code") != null) {
					codes.add(String.valueOf(extensions.get("code")));
				}
			});
			return codes;
		}

	}

	/** A request and its answer, described for a failure message. */
	record Exchange(String document, Map<String, Object> variables, Answer answer) {

		String describe() {
			return "request: " + this.document + "\nvariables: " + JSON.writeValueAsString(this.variables)
					+ "\nanswer (HTTP " + this.answer.status() + "): " + this.answer.raw();
		}

	}

	static final class Api {

		private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		private final URI endpoint;

		Api(URI endpoint) {
			this.endpoint = endpoint;
		}

		Exchange post(String document, Map<String, Object> variables) {
			Map<String, Object> request = new LinkedHashMap<>();
			request.put("query", document);
			request.put("variables", variables);
			HttpRequest http = HttpRequest.newBuilder(this.endpoint)
				.timeout(Duration.ofSeconds(60))
				.header("Content-Type", "application/json")
				.header("Accept", "application/json")
				.header("X-API-Key", TestKeys.ADMIN)
				.POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(request)))
				.build();
			try {
				HttpResponse<String> response = this.http.send(http, HttpResponse.BodyHandlers.ofString());
				Map<String, Object> body;
				try {
					@SuppressWarnings("unchecked")
					Map<String, Object> parsed = JSON.readValue(response.body(), Map.class);
					body = parsed;
				}
				catch (RuntimeException ex) {
					body = Map.of();
				}
				return new Exchange(document, variables, new Answer(response.statusCode(), response.body(), body));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
