/**
 * The operations centre's dashboard: read models fed only by case and sensor events (and
 * rebuilt from the case history on demand), the KPIs and evaluation computed from them,
 * and the big screen. No other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "shared", "grid", "cases", "sensors", "hotline", "catalog", "organization" })
package org.cityops.dashboard;
