/**
 * Cases: everything that happens in public space, from report through registration,
 * dispatch, handling and on-site verification to closure, with deadlines in working time
 * and the escalation ladder.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "grid", "catalog", "organization", "worktime" })
package org.cityops.cases;
