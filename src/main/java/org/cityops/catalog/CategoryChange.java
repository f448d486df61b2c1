package org.cityops.catalog;

import java.util.List;

import org.cityops.shared.DepartmentKind;
import org.cityops.worktime.DeadlineUnit;

/**
 * What an administrator changes in a category; null fields stay as they are.
 */
record CategoryChange(DepartmentKind defaultDepartment, String registrationCondition, String closingCondition,
		Integer deadlineAmount, DeadlineUnit deadlineUnit, Boolean simpleProcedure, List<String> keywords,
		Boolean active) {

	Category applyTo(Category c) {
		if (this.deadlineAmount != null && (this.deadlineAmount < 1 || this.deadlineAmount > 1000)) {
			throw new IllegalArgumentException("deadlineAmount must be between 1 and 1000");
		}
		if (this.keywords != null && this.keywords.stream().anyMatch((k) -> k.isBlank() || k.contains(","))) {
			throw new IllegalArgumentException("keywords must be non-empty and contain no commas");
		}
		return new Category(c.code(), c.kind(), c.majorCode(), c.majorName(), c.name(),
				or(this.defaultDepartment, c.defaultDepartment()),
				or(this.registrationCondition, c.registrationCondition()),
				or(this.closingCondition, c.closingCondition()), or(this.deadlineAmount, c.deadlineAmount()),
				or(this.deadlineUnit, c.deadlineUnit()), or(this.simpleProcedure, c.simpleProcedure()),
				or(this.keywords, c.keywords()), or(this.active, c.active()), c.revision());
	}

	private static <T> T or(T value, T fallback) {
		return (value != null) ? value : fallback;
	}

}
