-- What a sensors key posts readings for: device ids and gateway ids (a gateway's key covers
-- its devices), or '*' for a platform that relays every device. A key without it (one made
-- before this column) posts for no device.
alter table api_client add column devices text[];
