package org.cityops.cases;

/**
 * The details an action may need: a note or reason, the department to dispatch to, a
 * verification result, a postponement in working days or a decision on one, the case to
 * merge into.
 */
public record CaseCommand(String note, String department, Boolean passed, Integer workingDays, String decision,
		Long into) {

	public static CaseCommand none() {
		return new CaseCommand(null, null, null, null, null, null);
	}

}
