CREATE TABLE `deregistrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`device_id` integer NOT NULL,
	`customer_tenant_id` text NOT NULL,
	`remote_batch_id` text NOT NULL,
	`remote_device_id` text,
	`reason` text NOT NULL,
	`move_to_batch_id` integer,
	`requested_by` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`request_id` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`device_id`) REFERENCES `devices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`move_to_batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "deregistrations_state_check" CHECK("deregistrations"."state" in ('pending', 'sending', 'done', 'failed'))
);
--> statement-breakpoint
CREATE INDEX `deregistrations_due` ON `deregistrations` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `deregistrations_device` ON `deregistrations` (`device_id`);--> statement-breakpoint
CREATE TABLE `remote_batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`customer_tenant_id` text NOT NULL,
	`remote_batch_id` text NOT NULL,
	`devices_count` integer,
	`status` text,
	`devices_read_count` integer,
	`refreshed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `remote_batches_id` ON `remote_batches` (`customer_tenant_id`,`remote_batch_id`);--> statement-breakpoint
ALTER TABLE `batches` ADD `remote_name` text;--> statement-breakpoint
ALTER TABLE `uploads` ADD `accepted_at` integer;