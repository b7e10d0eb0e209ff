-- Quartz's row locks of the weekly-summary scheduler (quarkus.quartz.instance-name), present before any replica's
-- scheduler starts: otherwise replicas starting at once on an empty database both insert them, and the loser's
-- start-up fails on the duplicate key.
INSERT INTO QRTZ_LOCKS (SCHED_NAME, LOCK_NAME)
VALUES ('QuarkusQuartzScheduler', 'STATE_ACCESS'),
       ('QuarkusQuartzScheduler', 'TRIGGER_ACCESS')
ON CONFLICT DO NOTHING;
