/**
 * The Taopu demo: the demo territory, organisation, accounts, hotline orders, sensors and
 * their simulator, and the case history generator, each loaded through the other modules'
 * APIs as an administrator or the hotline centre would. Loaded only with
 * {@code cityops.demo=true}; no other module depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "grid", "grid :: geometry",
		"organization", "cases", "hotline", "sensors", "catalog", "system" })
package org.cityops.demo;
