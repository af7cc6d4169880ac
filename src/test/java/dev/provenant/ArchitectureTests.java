package dev.provenant;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.provenant.security.ForAuditors;
import dev.provenant.security.ForOperators;
import dev.provenant.security.ForReaders;
import dev.provenant.security.ForReviewers;
import dev.provenant.security.ForWriters;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package boundaries the style guide promises, checked. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.provenant");

	private static final String[] FEATURES = { "..ingest..", "..node..", "..lineage..", "..impact..", "..rollback..",
			"..search..", "..demo.." };

	@Test
	void foundationsKnowNoFeature() {
		noClasses().that()
			.resideInAnyPackage("..graph..", "..store..", "..api..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(FEATURES)
			.check(CLASSES);
	}

	@Test
	void theModelKnowsNoStorage() {
		noClasses().that()
			.resideInAPackage("..graph..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.neo4j..", "..store..", "org.springframework..")
			.check(CLASSES);
	}

	@Test
	void featuresDoNotDependOnEachOtherInCycles() {
		slices().matching("dev.provenant.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void everyQueryMutationAndSubscriptionSaysWhoMayRunIt() {
		methods().that()
			.areAnnotatedWith(QueryMapping.class)
			.or()
			.areAnnotatedWith(MutationMapping.class)
			.or()
			.areAnnotatedWith(SubscriptionMapping.class)
			.should()
			.beAnnotatedWith(ForReaders.class)
			.orShould()
			.beAnnotatedWith(ForAuditors.class)
			.orShould()
			.beAnnotatedWith(ForWriters.class)
			.orShould()
			.beAnnotatedWith(ForReviewers.class)
			.orShould()
			.beAnnotatedWith(ForOperators.class)
			.check(CLASSES);
	}

	@Test
	void onlyTheStoreRunsCypher() {
		noClasses().that()
			.resideOutsideOfPackage("..store..")
			.should()
			.callMethod(org.neo4j.driver.TransactionContext.class, "run", String.class, java.util.Map.class)
			.orShould()
			.callMethod(org.neo4j.driver.SimpleQueryRunner.class, "run", String.class, java.util.Map.class)
			.check(CLASSES);
	}

}
