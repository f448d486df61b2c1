-- Devices and gateways sign in to the embedded MQTT broker with a secret the registry issued; only its SHA-256 is kept.
alter table sensor_device add column mqtt_secret_hash text;
alter table sensor_gateway add column mqtt_secret_hash text;
