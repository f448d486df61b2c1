/**
 * Runs the platform: the embedded database, sign-in and staff accounts, the web shell,
 * languages and error answers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "shared")
package org.cityops.system;
