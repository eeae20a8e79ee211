DROP TRIGGER "audit_log_no_truncate" ON "audit_log";
--> statement-breakpoint
DROP TRIGGER "audit_log_no_delete" ON "audit_log";
--> statement-breakpoint
DROP TRIGGER "audit_log_no_update" ON "audit_log";
--> statement-breakpoint
DROP FUNCTION "audit_log_refuse_change"();
