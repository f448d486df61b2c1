package org.cityops.dashboard;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EvaluationTests {

	@Test
	void gradesByTheNationalBands() {
		assertThat(Evaluation.grade(90.0)).isEqualTo("A");
		assertThat(Evaluation.grade(89.9)).isEqualTo("B");
		assertThat(Evaluation.grade(75.0)).isEqualTo("B");
		assertThat(Evaluation.grade(74.9)).isEqualTo("C");
		assertThat(Evaluation.grade(60.0)).isEqualTo("C");
		assertThat(Evaluation.grade(40.0)).isEqualTo("D");
		assertThat(Evaluation.grade(39.9)).isEqualTo("E");
		assertThat(Evaluation.grade(null)).isNull();
	}

	@Test
	void weighsIndicatorsAndCountsLowerIsBetterOnesFromTheTop() {
		Map<String, Double> rates = Map.of("onTimeHandlingRate", 80.0, "returnRate", 10.0);
		Map<String, Double> weights = Map.of("onTimeHandlingRate", 3.0, "returnRate", 1.0);
		Evaluation.Score s = Evaluation.score("TP-CGP1", 12, rates, weights);
		// (80 × 3 + (100 − 10) × 1) / 4
		assertThat(s.score()).isEqualTo(82.5);
		assertThat(s.grade()).isEqualTo("B");
	}

	@Test
	void anIndicatorWithNothingToCountLeavesTheOthersToCarryTheScore() {
		Map<String, Double> rates = new HashMap<>();
		rates.put("onTimeHandlingRate", 95.0);
		rates.put("reworkRate", null);
		Evaluation.Score s = Evaluation.score("TP-CGP1", 3, rates,
				Map.of("onTimeHandlingRate", 30.0, "reworkRate", 70.0));
		assertThat(s.score()).isEqualTo(95.0);
		assertThat(s.indicators()).containsOnlyKeys("onTimeHandlingRate");
		assertThat(Evaluation.score("X", 0, Map.of(), Map.of("closureRate", 1.0)).grade()).isNull();
	}

}
