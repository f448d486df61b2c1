/**
 * 智联普陀 sensors: the registry of sensor types, devices and gateways, telemetry over MQTT
 * and HTTP, readings by day, alarm rules as data, alarms unique per device and rule, and
 * the alarms that become cases.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "grid", "cases" })
package org.cityops.sensors;
