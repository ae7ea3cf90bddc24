CREATE TABLE `remote_devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_tenant_id` text NOT NULL,
	`remote_batch_id` text NOT NULL,
	`remote_device_id` text NOT NULL,
	`pkid` text,
	`serial` text,
	`manufacturer` text,
	`model` text,
	`refreshed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remote_devices_id` ON `remote_devices` (`customer_tenant_id`,`remote_device_id`);--> statement-breakpoint
CREATE INDEX `remote_devices_pkid` ON `remote_devices` (`customer_tenant_id`,`pkid`);--> statement-breakpoint
CREATE INDEX `remote_devices_serial` ON `remote_devices` (`customer_tenant_id`,`serial`);--> statement-breakpoint
ALTER TABLE `uploads` ADD `method` text;