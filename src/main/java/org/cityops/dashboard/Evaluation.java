package org.cityops.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cityops.shared.Role;
import org.cityops.shared.StaffRoles;

import org.springframework.stereotype.Service;

/**
 * Composite scores and grades by the national evaluation method (GB/T 30428 综合评价): each
 * subject's indicators (rates in percent; "lower is better" ones counted as 100 − rate)
 * weighted and summed into a score out of 100, graded A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40,
 * else E. An indicator with nothing to count is left out and the others' weights carry
 * the score. Weights: {@code cityops.dashboard.weights.*}.
 */
@Service
class Evaluation {

	private final CaseKpis kpis;

	private final DashboardProperties properties;

	private final StaffRoles staff;

	Evaluation(CaseKpis kpis, DashboardProperties properties, StaffRoles staff) {
		this.kpis = kpis;
		this.properties = properties;
		this.staff = staff;
	}

	/** One subject's score: its indicators' values, the score, the grade, the rank. */
	public record Score(String subject, long cases, Map<String, Double> indicators, Double score, String grade,
			int rank) {
	}

	public List<Score> departments(KpiFilter filter) {
		return rank(this.kpis.countsBy("department_code", filter), this.properties.departmentWeights());
	}

	public List<Score> areas(KpiFilter filter) {
		return rank(this.kpis.countsBy("area_code", filter), this.properties.areaWeights());
	}

	/**
	 * Inspectors by what they reported (share registered as valid, simple procedures) and
	 * what they verified (on time); their number of cases counts each case once. Only
	 * accounts with the role INSPECTOR are ranked: the operations centre also reports and
	 * verifies, but is not an inspector.
	 */
	public List<Score> inspectors(KpiFilter filter) {
		Set<String> inspectors = this.staff.withRole(Role.INSPECTOR);
		Map<String, CaseCounts> reported = this.kpis.countsBy("reporter", filter);
		Map<String, CaseCounts> verified = this.kpis.countsBy("verified_by", filter);
		Map<String, Map<String, Double>> indicators = new LinkedHashMap<>();
		Map<String, Long> cases = this.kpis.casesReportedOrVerified(filter);
		reported.forEach((who, c) -> {
			Map<String, Double> m = indicators.computeIfAbsent(who, (k) -> new LinkedHashMap<>());
			m.put("validReportRate", CaseCounts.rate(c.registered(), c.reported()));
			m.put("simpleProcedureShare", CaseCounts.rate(c.simple(), c.registered()));
		});
		verified.forEach((who, c) -> {
			indicators.computeIfAbsent(who, (k) -> new LinkedHashMap<>())
				.put("onTimeVerificationRate", CaseCounts.rate(c.verifiedOnTime(), c.verified()));
		});
		List<Score> scores = new ArrayList<>();
		indicators.forEach((who, m) -> {
			if (inspectors.contains(who)) {
				scores.add(score(who, cases.get(who), m, this.properties.inspectorWeights()));
			}
		});
		return ranked(scores);
	}

	private List<Score> rank(Map<String, CaseCounts> counts, Map<String, Double> weights) {
		List<Score> scores = new ArrayList<>();
		counts.forEach((subject, c) -> scores.add(score(subject, c.reported(), c.rates(), weights)));
		return ranked(scores);
	}

	static Score score(String subject, long cases, Map<String, Double> rates, Map<String, Double> weights) {
		Map<String, Double> used = new LinkedHashMap<>();
		double sum = 0;
		double weight = 0;
		for (Map.Entry<String, Double> w : weights.entrySet()) {
			Double value = rates.get(w.getKey());
			if (value == null || w.getValue() <= 0) {
				continue;
			}
			double good = DashboardProperties.LOWER_IS_BETTER.contains(w.getKey()) ? 100 - value : value;
			used.put(w.getKey(), value);
			sum += good * w.getValue();
			weight += w.getValue();
		}
		Double score = (weight > 0) ? Math.round(sum / weight * 10) / 10.0 : null;
		return new Score(subject, cases, used, score, grade(score), 0);
	}

	static String grade(Double score) {
		if (score == null) {
			return null;
		}
		return (score >= 90) ? "A" : (score >= 75) ? "B" : (score >= 60) ? "C" : (score >= 40) ? "D" : "E";
	}

	private static List<Score> ranked(List<Score> scores) {
		List<Score> sorted = new ArrayList<>(scores);
		sorted.sort(Comparator.comparing((Score s) -> (s.score() != null) ? -s.score() : Double.MAX_VALUE)
			.thenComparing(Score::subject));
		List<Score> out = new ArrayList<>();
		for (int i = 0; i < sorted.size(); i++) {
			Score s = sorted.get(i);
			out.add(new Score(s.subject(), s.cases(), s.indicators(), s.score(), s.grade(),
					(s.score() != null) ? i + 1 : 0));
		}
		return out;
	}

}
