-- Why the last attempt failed, as platform admins read it (DeliveryFailure), beside the raw error text of last_error.
-- Rows that failed before this column existed keep their raw text and count as 'other'.
ALTER TABLE digest_send ADD COLUMN last_error_kind text
    CHECK (last_error_kind IN ('not_written', 'mailbox_refused', 'server_unreachable', 'authentication_failed', 'other'));
UPDATE digest_send SET last_error_kind = 'other' WHERE last_error IS NOT NULL;
