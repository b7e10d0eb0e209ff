-- A summary is claimed in a short transaction of its own ('sending', with next_attempt_at as the end of the claim),
-- sent outside any transaction, and its outcome written in another. A claim that outlives its lease (the replica
-- died while sending) is taken up again by any replica.
ALTER TABLE digest_send DROP CONSTRAINT digest_send_status_check;
ALTER TABLE digest_send ADD CONSTRAINT digest_send_status_check
    CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled'));
DROP INDEX digest_send_due;
CREATE INDEX digest_send_due ON digest_send (next_attempt_at, tenant_id) WHERE status IN ('pending', 'sending');
