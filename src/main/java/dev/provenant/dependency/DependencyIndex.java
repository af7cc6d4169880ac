package dev.provenant.dependency;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

import dev.provenant.audit.AuditEvent;
import dev.provenant.audit.AuditLog;
import dev.provenant.graph.EdgeType;
import dev.provenant.memory.CacheBounds;
import dev.provenant.memory.Caches;
import dev.provenant.store.GraphStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The provenance graph's nodes and edges in memory, for closures that must stay fast at
 * millions of edges. Neo4j stays the system of record: the index is built from it at
 * startup (in the background; until it is ready every answer comes from Cypher) and
 * follows it through the audit log, whose gap-free sequence orders every committed write.
 * Before each read the index compares its sequence with the log's head and reads again
 * the nodes touched by the events it has not seen, so it answers as of a moment no older
 * than the read itself, whichever instance made the writes.
 */
@Component
public class DependencyIndex {

	private static final Logger log = LoggerFactory.getLogger(DependencyIndex.class);

	private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

	/** Reads that may come back short of a head before a read gives up on the index. */
	private static final int SHORT_READS = 25;

	private static final Duration SHORT_READ_PAUSE = Duration.ofMillis(20);

	/**
	 * How long a read waits for this instance's committed writes to reach the index
	 * before it reads them from the store itself; they normally arrive within
	 * milliseconds, on the committing thread.
	 */
	private static final Duration OWN_WRITES_WAIT = Duration.ofMillis(500);

	/** Ids per statement when reading touched nodes again. */
	private static final int IDS_PER_READ = 5000;

	private final GraphStore store;

	private final AuditLog audit;

	private final DependencyIndexProperties properties;

	private final DependencyGraph graph = new DependencyGraph();

	private final ReadWriteLock lock = new ReentrantReadWriteLock();

	private final Object catchingUp = new Object();

	/** Catches up after this instance's own writes, off the writers' threads. */
	private final ExecutorService follower = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "dependency-index-follow");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean followPending = new AtomicBoolean();

	/** Merges the edge log into the rows beside the readers (ADR 15). */
	private final ExecutorService merger = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "dependency-index-merge");
		thread.setDaemon(true);
		return thread;
	});

	private final Timer merges;

	private final Timer storeCatchUps;

	private volatile long sequence = -1;

	private volatile boolean ready;

	/** Set when applying a write failed: the index is then left alone until a restart. */
	private volatile boolean failed;

	/**
	 * This instance's committed writes not yet applied, by audit sequence: two writers'
	 * commits may announce themselves out of order.
	 */
	private final NavigableMap<Long, List<TouchedNode>> ownWrites = new TreeMap<>();

	/**
	 * Audit sequences of this instance's writes appended but not yet handed to the index:
	 * a read whose head is among them waits for them instead of reading them from the
	 * store. A write that rolls back leaves its sequence here until the index passes it.
	 */
	private final NavigableSet<Long> inFlight = new ConcurrentSkipListSet<>();

	/**
	 * What {@link #ownWrites} weighs; past {@code provenant.caches.index-pending-bytes}
	 * they are left to a catch-up, which reads them from the store.
	 */
	private volatile long ownWritesBytes;

	/**
	 * How many writes {@link #ownWrites} holds, for the metrics (read without a lock).
	 */
	private volatile int ownWritesWaiting;

	private final long maxOwnWritesBytes;

	DependencyIndex(GraphStore store, AuditLog audit, DependencyIndexProperties properties, MeterRegistry meters,
			Caches caches) {
		this.store = store;
		this.audit = audit;
		this.properties = properties;
		this.maxOwnWritesBytes = caches.bounds().indexPendingBytes().toBytes();
		caches.measured(CacheBounds.INDEX_PENDING, () -> this.ownWritesBytes, () -> this.ownWritesWaiting,
				() -> this.maxOwnWritesBytes);
		Gauge.builder("provenant.index.nodes", this, index -> index.ready ? index.graph.size() : 0)
			.description("Nodes held by the in-memory dependency index")
			.register(meters);
		Gauge.builder("provenant.index.edges", this, index -> index.ready ? index.graph.edgeCount() : 0)
			.description("Edges held by the in-memory dependency index")
			.register(meters);
		Gauge.builder("provenant.index.memory", this, index -> index.ready ? index.graph.approximateBytes() : 0)
			.description("Approximate heap held by the in-memory dependency index")
			.baseUnit("bytes")
			.register(meters);
		this.merges = Timer.builder("provenant.index.merge")
			.description("Merges of the dependency index's edge log into its rows, run beside the readers")
			.register(meters);
		this.storeCatchUps = Timer.builder("provenant.index.catch-up")
			.description("Catch-ups of the dependency index that read events and nodes from the store, on a read's "
					+ "thread or after a write: other instances' writes, or a read that came between a write's commit "
					+ "and the index taking that write")
			.register(meters);
		audit.onAppend(this::ownWrite);
		store.onCommit(this::followSoon);
	}

	/**
	 * A write of this instance, seen as its audit event is appended: once it commits, the
	 * nodes it touched, as the audit log read them back inside the transaction, are
	 * applied directly, so no read has to wait for the index to read them again.
	 */
	private void ownWrite(AuditEvent event, List<Record> touched) {
		if (this.ready && touched != null) {
			this.inFlight.add(event.sequence());
			this.store.afterCommit(() -> applyOwn(event.sequence(), touched));
		}
	}

	private void applyOwn(long sequence, List<Record> touched) {
		try {
			applyInOrder(sequence, touched.stream().map(TouchedNode::fromAuditRow).toList());
		}
		catch (RuntimeException ex) {
			log.warn("Dependency index could not take audit event {} as written; the next catch-up reads it again",
					sequence, ex);
		}
		finally {
			synchronized (this.catchingUp) {
				this.inFlight.remove(sequence);
				this.catchingUp.notifyAll();
			}
		}
	}

	private void applyInOrder(long sequence, List<TouchedNode> nodes) {
		synchronized (this.catchingUp) {
			if (!this.ready) {
				return;
			}
			List<TouchedNode> replaced = this.ownWrites.put(sequence, nodes);
			this.ownWritesBytes += bytes(nodes) - ((replaced != null) ? bytes(replaced) : 0);
			var applied = this.ownWrites.headMap(this.sequence, true);
			applied.values().forEach(old -> this.ownWritesBytes -= bytes(old));
			applied.clear();
			List<TouchedNode> next;
			while ((next = this.ownWrites.get(this.sequence + 1)) != null && knowsEveryTarget(next)) {
				this.ownWrites.remove(this.sequence + 1);
				this.ownWritesBytes -= bytes(next);
				applyAll(next, this.sequence + 1);
			}
			if (this.ownWritesBytes > this.maxOwnWritesBytes) {
				// A gap that does not close (another instance's write in between): the
				// next catch-up reads these again.
				this.ownWrites.clear();
				this.ownWritesBytes = 0;
			}
			this.ownWritesWaiting = this.ownWrites.size();
		}
	}

	private static long bytes(List<TouchedNode> nodes) {
		long bytes = 0;
		for (TouchedNode node : nodes) {
			bytes += node.bytes();
		}
		return bytes;
	}

	/**
	 * Whether every edge target whose kind the row left out is in the index or among the
	 * touched nodes; otherwise the write waits for a catch-up to read it in full.
	 */
	private boolean knowsEveryTarget(List<TouchedNode> nodes) {
		Set<String> touched = new HashSet<>();
		nodes.forEach(node -> touched.add(node.id()));
		this.lock.readLock().lock();
		try {
			return nodes.stream()
				.flatMap(node -> node.edges().stream())
				.allMatch(
						edge -> edge.kind() != null || touched.contains(edge.to()) || this.graph.find(edge.to()) >= 0);
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/**
	 * After a write commits, catches up in the background, so that the next read seldom
	 * waits for it (a read still checks the head itself). Writes coming close together
	 * share one catch-up.
	 */
	private void followSoon() {
		if (this.ready && this.sequence >= this.audit.committedSequence()) {
			// The write was applied as it committed (or recorded nothing): a catch-up now
			// could only find other instances' writes, which every read looks for itself.
			return;
		}
		if (this.ready && this.followPending.compareAndSet(false, true)) {
			this.follower.execute(() -> {
				this.followPending.set(false);
				try {
					catchUp(headSequence());
				}
				catch (RuntimeException ex) {
					log.warn("Dependency index could not follow a write now; the next read catches up: {}",
							ex.getMessage());
				}
			});
		}
	}

	@PreDestroy
	void stopFollowing() {
		this.follower.shutdownNow();
		this.merger.shutdownNow();
	}

	/**
	 * Starts a merge of the edge log when one is due; called under the write lock. The
	 * merge lays new rows out without the lock (nothing it reads changes meanwhile) and
	 * takes it only to swap them in, so reads wait for no more than the swap.
	 */
	private void mergeIfDue() {
		if (!this.graph.mergeDue()) {
			return;
		}
		Edges.Merge merge = this.graph.startMerge();
		try {
			this.merger.execute(() -> merge(merge));
		}
		catch (RejectedExecutionException ex) {
			// stopping: the log stays as it is
			this.graph.abandonMerge();
		}
	}

	private void merge(Edges.Merge merge) {
		long started = System.nanoTime();
		try {
			merge.run();
		}
		catch (RuntimeException | OutOfMemoryError ex) {
			log.warn("Dependency index: merging its edge log failed; it keeps the log and tries again later", ex);
			this.lock.writeLock().lock();
			try {
				this.graph.abandonMerge();
			}
			finally {
				this.lock.writeLock().unlock();
			}
			return;
		}
		this.lock.writeLock().lock();
		try {
			this.graph.finish(merge);
		}
		finally {
			this.lock.writeLock().unlock();
		}
		this.merges.record(Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * Builds the index off the startup path, so the service answers (from Cypher)
	 * meanwhile.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void buildInBackground() {
		if (!this.properties.enabled()) {
			log.info("Dependency index disabled (provenant.index.enabled=false): closures come from Cypher");
			return;
		}
		Thread builder = new Thread(this::buildQuietly, "dependency-index-build");
		builder.setDaemon(true);
		builder.start();
	}

	private void buildQuietly() {
		try {
			build();
		}
		catch (RuntimeException ex) {
			this.failed = true;
			log.error("Dependency index could not be built; closures keep coming from Cypher until a restart", ex);
		}
	}

	/**
	 * Reads every node and edge. The head is read first: the scans may see writes after
	 * it, which is harmless, as replaying an event applies its nodes again idempotently.
	 */
	void build() {
		long started = System.nanoTime();
		long head = headSequence();
		log.info("Dependency index: building from the store (audit sequence {})", head);
		Progress progress = new Progress(started);
		this.lock.writeLock().lock();
		try {
			// One transaction under the bulk timeout: at millions of edges the scans
			// outlast the timeout of an ordinary read.
			this.store.onceRead(tx -> {
				this.store.run(tx, "dependency/all_nodes", Map.of()).forEachRemaining(row -> {
					apply(TouchedNode.fromIndexRow(row));
					progress.tick("nodes", this.graph.size());
				});
				long[] edges = { 0 };
				this.store.run(tx, "dependency/all_edges", Map.of()).forEachRemaining(row -> {
					int from = this.graph.find(row.get("from").asString());
					int to = this.graph.find(row.get("to").asString());
					// An edge whose end the node scan missed was written after the head
					// was read, and comes back with its event's replay.
					if (from >= 0 && to >= 0) {
						this.graph.addEdge(from, EdgeType.valueOf(row.get("type").asString()), to);
					}
					progress.tick("edges", ++edges[0]);
				});
				return null;
			});
			this.sequence = head;
		}
		finally {
			this.graph.compact();
			this.lock.writeLock().unlock();
		}
		catchUp(headSequence());
		if (this.failed) {
			return;
		}
		this.ready = true;
		log.info("Dependency index ready: {} nodes, {} edges, ~{} MB, in {} ms (audit sequence {})", this.graph.size(),
				this.graph.edgeCount(), this.graph.approximateBytes() >> 20,
				Duration.ofNanos(System.nanoTime() - started).toMillis(), this.sequence);
	}

	/**
	 * Runs {@code work} over the index brought up to the audit log's current head, under
	 * a read lock; empty while the index is not (yet) available, and the caller then asks
	 * Cypher.
	 */
	public <T> Optional<T> read(Function<IndexedGraph, T> work) {
		return this.ready ? read(headSequence(), work) : Optional.empty();
	}

	/**
	 * As {@link #read(Function)}, with the audit log's head already read by the caller
	 * (see {@link #head}) in the transaction that loaded what the work needs, which saves
	 * a round trip to the database.
	 */
	public <T> Optional<T> read(long head, Function<IndexedGraph, T> work) {
		if (!this.ready) {
			return Optional.empty();
		}
		if (!catchUp(head) || !this.ready) {
			// the store's member has not shown the index everything up to the head the
			// caller read: Cypher answers, in the caller's own snapshot
			return Optional.empty();
		}
		this.lock.readLock().lock();
		try {
			return Optional.ofNullable(work.apply(this.graph));
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** For health: the state, and once ready what the index holds. */
	Map<String, Object> describe() {
		if (!this.properties.enabled()) {
			return Map.of("state", "DISABLED");
		}
		if (this.failed) {
			return Map.of("state", "FAILED", "auditSequence", this.sequence);
		}
		if (!this.ready) {
			return Map.of("state", "BUILDING");
		}
		this.lock.readLock().lock();
		try {
			return Map.of("state", "READY", "nodes", this.graph.size(), "edges", this.graph.edgeCount(),
					"auditSequence", this.sequence, "approximateBytes", this.graph.approximateBytes());
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	public boolean ready() {
		return this.ready;
	}

	/** The audit sequence the index reflects; -1 before it is built. */
	public long sequence() {
		return this.sequence;
	}

	private long headSequence() {
		return this.store.read(this::head);
	}

	/** The audit log's head sequence, read in the caller's transaction. */
	public long head(SimpleQueryRunner tx) {
		return this.store.run(tx, "audit/head", Map.of()).single().get("sequence").asLong();
	}

	/**
	 * Applies the events up to {@code head}. One thread catches up at a time; the others
	 * wait for it, then find nothing left to do. Reads share the store's bookmarks, so
	 * they see every event up to a head read before; should a read still come back short
	 * (a member of a cluster reached without them), it tries again for a moment.
	 * @return whether the index reached {@code head}
	 */
	private boolean catchUp(long head) {
		if (head <= this.sequence) {
			return true;
		}
		synchronized (this.catchingUp) {
			awaitOwnWrites(head);
			int shortReads = 0;
			while (!this.failed && this.sequence < head) {
				long reading = System.nanoTime();
				Unseen unseen = this.store.read(tx -> unseen(tx, this.sequence));
				this.storeCatchUps.record(Duration.ofNanos(System.nanoTime() - reading));
				if (unseen.events().isEmpty()) {
					if (++shortReads > SHORT_READS) {
						log.warn("Dependency index: the store shows events only up to {} of head {}; answering from "
								+ "Cypher meanwhile", this.sequence, head);
						return false;
					}
					pause(SHORT_READ_PAUSE);
					continue;
				}
				applyAll(unseen.nodes(), unseen.events().get(unseen.events().size() - 1).get("sequence").asLong());
			}
			return this.sequence >= head;
		}
	}

	/**
	 * Waits while every event up to {@code head} the index has not applied is a write of
	 * this instance that committed and is on its way to the index: under a steady writer
	 * a read often comes between a write's commit and the index taking it, and reading
	 * the write's nodes from the store again would cost that read more than the write's
	 * own apply. Called holding {@link #catchingUp}, which the wait releases.
	 */
	private void awaitOwnWrites(long head) {
		long deadline = System.nanoTime() + OWN_WRITES_WAIT.toNanos();
		while (this.sequence < head && onlyOwnWritesUpTo(head)) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				// not coming (a write rolled back after its append): the store has them
				this.inFlight.headSet(head, true).clear();
				return;
			}
			try {
				this.catchingUp.wait(Math.max(1, left / 1_000_000));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private boolean onlyOwnWritesUpTo(long head) {
		for (long next = this.sequence + 1; next <= head; next++) {
			if (!this.inFlight.contains(next)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Brings the index up to at least {@code sequence} (a client's consistency token),
	 * reading the head with the store's bookmarks.
	 * @return whether it is there; always false while it is not built
	 */
	public boolean reach(long sequence) {
		if (!this.ready) {
			return false;
		}
		return this.sequence >= sequence || catchUp(Math.max(sequence, headSequence()));
	}

	private static void pause(Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Applies touched nodes up to the event {@code last}. Should that fail (a row the
	 * index cannot take), the index is no longer trusted: closures come from Cypher until
	 * a restart builds it again.
	 */
	private void applyAll(List<TouchedNode> nodes, long last) {
		this.lock.writeLock().lock();
		try {
			nodes.forEach(this::apply);
			nodes.forEach(this::applyEdges);
			this.sequence = last;
			this.inFlight.headSet(last, true).clear();
			mergeIfDue();
		}
		catch (RuntimeException ex) {
			this.ready = false;
			this.failed = true;
			log.error("Dependency index could not apply audit event {}; closures come from Cypher until a restart",
					last, ex);
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

	/**
	 * The next events after {@code after}, and the nodes they touched: one transaction.
	 */
	private Unseen unseen(TransactionContext tx, long after) {
		List<Record> events = this.store
			.run(tx, "dependency/events_after", Map.of("after", after, "limit", this.properties.catchUpEvents()))
			.list();
		Set<String> touched = new LinkedHashSet<>();
		events.forEach(event -> touched.addAll(event.get("ids").asList(Value::asString)));
		List<String> ids = new ArrayList<>(touched);
		List<TouchedNode> nodes = new ArrayList<>(ids.size());
		for (int start = 0; start < ids.size(); start += IDS_PER_READ) {
			List<String> chunk = ids.subList(start, Math.min(ids.size(), start + IDS_PER_READ));
			this.store.run(tx, "dependency/nodes_with_edges", Map.of("ids", chunk))
				.forEachRemaining(row -> nodes.add(TouchedNode.fromIndexRow(row)));
		}
		return new Unseen(events, nodes);
	}

	private record Unseen(List<Record> events, List<TouchedNode> nodes) {
	}

	private void apply(TouchedNode node) {
		int position = this.graph.add(node.id(), node.kind());
		this.graph.setFacts(position, node.occurredAt(), node.reviewState(), node.rolledBack(), node.reversible());
	}

	/**
	 * A touched node's edges; their targets were added before or by this same batch
	 * (every target is then found, whether or not its kind came with the row).
	 */
	private void applyEdges(TouchedNode node) {
		int from = this.graph.find(node.id());
		for (TouchedNode.Edge edge : node.edges()) {
			int to = (edge.kind() != null) ? this.graph.add(edge.to(), edge.kind()) : this.graph.find(edge.to());
			this.graph.addEdge(from, edge.type(), to);
		}
	}

	/** Logs how far a long build has come, at most every few seconds. */
	private static final class Progress {

		private long next;

		Progress(long started) {
			this.next = started + PROGRESS_EVERY.toNanos();
		}

		void tick(String what, long count) {
			long now = System.nanoTime();
			if (now >= this.next) {
				this.next = now + PROGRESS_EVERY.toNanos();
				log.info("Dependency index: {} {} read so far", count, what);
			}
		}

	}

}
