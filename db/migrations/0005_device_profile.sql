ALTER TABLE `devices` ADD `profile_id` text;--> statement-breakpoint
ALTER TABLE `devices` ADD `profile_error` text;