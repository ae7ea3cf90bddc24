CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`station` text NOT NULL,
	`operator_id` integer,
	`operator_name` text,
	`action` text NOT NULL,
	`object_type` text,
	`object_id` text,
	`result` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_at` ON `audit` (`at`);--> statement-breakpoint
CREATE INDEX `audit_action` ON `audit` (`action`);--> statement-breakpoint
CREATE INDEX `audit_operator` ON `audit` (`operator_id`);--> statement-breakpoint
CREATE TABLE `batches` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`customer_tenant_id` text,
	`state` text DEFAULT 'open' NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`closed_by` integer,
	`closed_at` integer,
	`approved_by` integer,
	`approved_at` integer,
	FOREIGN KEY (`customer_tenant_id`) REFERENCES `customers`(`tenant_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "batches_state_check" CHECK("batches"."state" in ('open', 'closed', 'approved', 'uploading', 'registered', 'needs_attention'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `batches_name_key` ON `batches` (`name_key`);--> statement-breakpoint
CREATE INDEX `batches_state` ON `batches` (`state`);--> statement-breakpoint
CREATE TABLE `customers` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`company_name` text NOT NULL,
	`domain` text,
	`relationship` text NOT NULL,
	`refreshed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `devices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`pkid` text,
	`serial` text,
	`manufacturer` text,
	`model` text,
	`hardware_hash` text,
	`raw` text NOT NULL,
	`source` text NOT NULL,
	`scanned_by` integer NOT NULL,
	`scanned_at` integer NOT NULL,
	`state` text DEFAULT 'scanned' NOT NULL,
	`upload_id` integer,
	`remote_device_id` text,
	`error_code` text,
	`error_text` text,
	`removed_by` integer,
	`removed_at` integer,
	`removed_reason` text,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`scanned_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`removed_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "devices_identity_check" CHECK("devices"."pkid" is not null or "devices"."serial" is not null or "devices"."hardware_hash" is not null),
	CONSTRAINT "devices_source_check" CHECK("devices"."source" in ('wedge', 'camera', 'import')),
	CONSTRAINT "devices_state_check" CHECK("devices"."state" in ('scanned', 'queued', 'sending', 'registered', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `devices_pkid_live` ON `devices` (`pkid`) WHERE "devices"."pkid" is not null and "devices"."removed_at" is null;--> statement-breakpoint
CREATE INDEX `devices_batch` ON `devices` (`batch_id`,`id`);--> statement-breakpoint
CREATE INDEX `devices_serial` ON `devices` (`serial`);--> statement-breakpoint
CREATE INDEX `devices_scanned_by` ON `devices` (`scanned_by`,`scanned_at`);--> statement-breakpoint
CREATE TABLE `expected` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`pkid` text,
	`serial` text,
	`manufacturer` text,
	`model` text,
	`source_file` text NOT NULL,
	`line` integer NOT NULL,
	`imported_by` integer NOT NULL,
	`imported_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`imported_by`) REFERENCES `operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `expected_batch` ON `expected` (`batch_id`);--> statement-breakpoint
CREATE INDEX `expected_pkid` ON `expected` (`pkid`);--> statement-breakpoint
CREATE TABLE `operators` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`lockouts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	CONSTRAINT "operators_role_check" CHECK("operators"."role" in ('operator', 'lead', 'admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `operators_name_key` ON `operators` (`name_key`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` integer
);
--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`batch_id` integer NOT NULL,
	`seq` integer NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`request_id` text,
	`tracking_id` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer,
	`last_error` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`batch_id`) REFERENCES `batches`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "uploads_state_check" CHECK("uploads"."state" in ('pending', 'sending', 'accepted', 'done', 'failed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uploads_batch_seq` ON `uploads` (`batch_id`,`seq`);--> statement-breakpoint
CREATE INDEX `uploads_due` ON `uploads` (`state`,`next_attempt_at`);