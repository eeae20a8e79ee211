DROP TRIGGER `audit_log_no_delete`;
--> statement-breakpoint
DROP TRIGGER `audit_log_no_update`;
