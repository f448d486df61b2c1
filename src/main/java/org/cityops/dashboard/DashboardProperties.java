package org.cityops.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The evaluation's weights per indicator ({@code cityops.dashboard.weights.department.*},
 * {@code .area.*}, {@code .inspector.*}); unset ones take the defaults below, 0 leaves an
 * indicator out.
 */
@ConfigurationProperties("cityops.dashboard")
record DashboardProperties(Weights weights) {

	/** Indicators where a lower rate is better: scored as 100 − rate. */
	static final Set<String> LOWER_IS_BETTER = Set.of("reworkRate", "returnRate");

	record Weights(Map<String, Double> department, Map<String, Double> area, Map<String, Double> inspector) {
	}

	Map<String, Double> departmentWeights() {
		return merged(Map.of("onTimeHandlingRate", 30.0, "handlingRate", 25.0, "reworkRate", 15.0, "returnRate", 15.0,
				"onTimeClosureRate", 15.0), (this.weights != null) ? this.weights.department() : null);
	}

	Map<String, Double> areaWeights() {
		return merged(
				Map.of("closureRate", 30.0, "onTimeClosureRate", 25.0, "onTimeRegistrationRate", 15.0,
						"onTimeDispatchRate", 15.0, "reworkRate", 15.0),
				(this.weights != null) ? this.weights.area() : null);
	}

	Map<String, Double> inspectorWeights() {
		return merged(Map.of("validReportRate", 50.0, "onTimeVerificationRate", 40.0, "simpleProcedureShare", 10.0),
				(this.weights != null) ? this.weights.inspector() : null);
	}

	private static Map<String, Double> merged(Map<String, Double> defaults, Map<String, Double> given) {
		Map<String, Double> out = new LinkedHashMap<>(new java.util.TreeMap<>(defaults));
		if (given != null) {
			given.forEach((k, v) -> {
				if (v == null || v < 0) {
					throw new IllegalArgumentException("cityops.dashboard.weights." + k + " is a weight of 0 or more");
				}
				out.put(k, v);
			});
		}
		return out;
	}

}
