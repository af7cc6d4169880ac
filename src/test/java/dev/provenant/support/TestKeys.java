package dev.provenant.support;

/**
 * The API keys the integration tests run with, one principal per role. The reviewer's
 * principal contains a colon, as approver ids often do. Each is at least 32 characters
 * long, as the service requires.
 */
public final class TestKeys {

	public static final String ADMIN = "admin-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	public static final String READER = "reader-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	public static final String WRITER = "writer-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	public static final String REVIEWER = "reviewer-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	public static final String OPERATOR = "operator-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	public static final String AUDITOR = "auditor-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	/** Writes governance records (policies, approvers) and other records. */
	public static final String GOVERNOR = "governor-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	/** A reviewer whose principal is mapped to approver {@link #MAPPED_APPROVER}. */
	public static final String MAPPED_REVIEWER = "mapped-reviewer-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	public static final String MAPPED_APPROVER = "appr:sec-bob";

	/**
	 * A reviewer who also reads, as one working through the explorer's review queue does;
	 * its principal is the approver it reviews as.
	 */
	public static final String READING_REVIEWER = "reading-reviewer-key-f3a9c1e07b5d42e8a6c0d9b1e4f7a2c8";

	public static final String READING_REVIEWER_PRINCIPAL = "appr:explorer-rita";

	/** The approver id the reviewer key's principal stands for. */
	public static final String REVIEWER_PRINCIPAL = "appr:sec-ana";

	/** {@code provenant.security.api-keys} naming all of the above. */
	public static final String SETTING = "provenant.security.api-keys=test-admin:admin:" + ADMIN
			+ ",test-reader:reader:" + READER + ",test-writer:writer:" + WRITER + "," + REVIEWER_PRINCIPAL
			+ ":reviewer:" + REVIEWER + ",test-operator:operator:" + OPERATOR + ",test-auditor:AUDITOR:" + AUDITOR
			+ ",bob:reviewer:" + MAPPED_REVIEWER + "," + READING_REVIEWER_PRINCIPAL + ":reader+reviewer:"
			+ READING_REVIEWER + ",test-governor:governor:" + GOVERNOR;

	/** Maps principal bob to approver {@link #MAPPED_APPROVER}. */
	public static final String APPROVERS = "provenant.security.approvers.bob=" + MAPPED_APPROVER;

	private TestKeys() {
	}

}
