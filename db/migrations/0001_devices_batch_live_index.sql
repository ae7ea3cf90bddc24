DROP INDEX `devices_batch`;--> statement-breakpoint
CREATE INDEX `devices_batch_live` ON `devices` (`batch_id`,`removed_at`,`id`);