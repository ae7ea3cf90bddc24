CREATE INDEX `audit_object` ON `audit` (`object_type`,`object_id`);--> statement-breakpoint
CREATE INDEX `devices_pkid` ON `devices` (`pkid`);--> statement-breakpoint
CREATE INDEX `devices_scanned_at` ON `devices` (`scanned_at`);--> statement-breakpoint
CREATE INDEX `expected_batch_serial` ON `expected` (`batch_id`,`serial`);