package dev.provenant.signals;

import java.time.OffsetDateTime;
import java.util.List;

import dev.provenant.security.ForReaders;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class SignalsController {

	private final SignalsService signals;

	SignalsController(SignalsService signals) {
		this.signals = signals;
	}

	@ForReaders
	@QueryMapping
	List<DecisionStats> decisionStats(@Argument OffsetDateTime from, @Argument OffsetDateTime to,
			@Argument DecisionStats.Bucket bucket, @Argument DecisionStats.StatsGroup groupBy) {
		return this.signals.decisionStats(from, to, bucket, groupBy);
	}

	@ForReaders
	@QueryMapping
	Drift drift(@Argument String id, @Argument OffsetDateTime baselineFrom, @Argument OffsetDateTime baselineTo,
			@Argument OffsetDateTime currentFrom, @Argument OffsetDateTime currentTo) {
		return this.signals.drift(id, baselineFrom, baselineTo, currentFrom, currentTo);
	}

}
