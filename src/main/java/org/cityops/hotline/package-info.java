/**
 * 12345 hotline work orders: intake from the hotline centre's system and spreadsheets,
 * the case each becomes, first contact, conclusion, callbacks, returns and re-handling in
 * working time, masking of callers' personal data, export and KPIs.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "grid", "catalog", "organization", "worktime", "cases" })
package org.cityops.hotline;
