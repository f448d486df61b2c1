/**
 * Small value types that every module needs: points, coordinate systems, staff roles. No
 * services.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.cityops.shared;
