ALTER TABLE `fleet_outbox` ADD `changed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `fleet_outbox_changed` ON `fleet_outbox` (`seq`) WHERE "fleet_outbox"."changed" <> 0;--> statement-breakpoint
-- Any path that changes a line's identity (review's fix, a hash attached anew) marks the line's claims
-- whose value changed, so the next push gives the old value back to the hub and claims the new one;
-- none of those paths has to know about the fleet. 2 instead of 1 when another live line of this
-- station still has the old value: that line relies on the same hub identity, so it is not given back.
-- A line already enqueued that gains a kind (a tuple completed, a hash attached) gets its row for it.
CREATE TRIGGER `fleet_outbox_line_changed` AFTER UPDATE OF `pkid`, `serial`, `manufacturer`, `model`, `hardware_hash` ON `devices`
BEGIN
  UPDATE `fleet_outbox` SET `changed` = CASE WHEN EXISTS (
      SELECT 1 FROM `devices` AS o WHERE o.`id` <> NEW.`id` AND o.`removed_at` IS NULL AND (
        (`fleet_outbox`.`kind` = 'pkid' AND o.`pkid` = OLD.`pkid`) OR
        (`fleet_outbox`.`kind` = 'hash' AND o.`hardware_hash` = OLD.`hardware_hash`) OR
        (`fleet_outbox`.`kind` = 'tuple' AND o.`serial` = OLD.`serial` AND o.`manufacturer` = OLD.`manufacturer` AND o.`model` = OLD.`model`))
    ) THEN 2 ELSE 1 END
  WHERE `device_id` = NEW.`id` AND `changed` = 0 AND `released_at` IS NULL AND (
    (`kind` = 'pkid' AND NEW.`pkid` IS NOT OLD.`pkid`) OR
    (`kind` = 'hash' AND NEW.`hardware_hash` IS NOT OLD.`hardware_hash`) OR
    (`kind` = 'tuple' AND (NEW.`serial` IS NOT OLD.`serial` OR NEW.`manufacturer` IS NOT OLD.`manufacturer` OR NEW.`model` IS NOT OLD.`model`)));
  INSERT OR IGNORE INTO `fleet_outbox` (`device_id`, `kind`, `created_at`)
    SELECT NEW.`id`, k.`kind`, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)
    FROM (SELECT 'pkid' AS `kind` WHERE NEW.`pkid` IS NOT NULL AND OLD.`pkid` IS NULL
          UNION ALL SELECT 'hash' WHERE NEW.`hardware_hash` IS NOT NULL AND OLD.`hardware_hash` IS NULL
          UNION ALL SELECT 'tuple' WHERE NEW.`serial` IS NOT NULL AND NEW.`manufacturer` IS NOT NULL AND NEW.`model` IS NOT NULL
                              AND (OLD.`serial` IS NULL OR OLD.`manufacturer` IS NULL OR OLD.`model` IS NULL)) AS k
    WHERE NEW.`removed_at` IS NULL AND EXISTS (SELECT 1 FROM `fleet_link` WHERE `enqueued_device_id` >= NEW.`id`);
END;
