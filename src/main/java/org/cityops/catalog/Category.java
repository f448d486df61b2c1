package org.cityops.catalog;

import java.util.List;

import org.cityops.shared.DepartmentKind;
import org.cityops.worktime.DeadlineUnit;

/**
 * One minor category (小类) with its major category (大类).
 *
 * @param kind {@code COMPONENT} (部件, a public object) or {@code MATTER} (事项, a happening)
 * @param defaultDepartment the kind of department that handles it unless a routing rule
 * says otherwise
 * @param simpleProcedure whether an inspector may fix and close it on the spot (简易程序)
 */
public record Category(String code, String kind, String majorCode, String majorName, String name,
		DepartmentKind defaultDepartment, String registrationCondition, String closingCondition, int deadlineAmount,
		DeadlineUnit deadlineUnit, boolean simpleProcedure, List<String> keywords, boolean active, int revision) {

}
