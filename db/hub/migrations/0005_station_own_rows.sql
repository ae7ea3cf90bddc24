-- Each station's role writes only its own station's rows (row-level security; the hub owner, who runs
-- `fleet init`, is the tables' owner and is not bound by it). A station is known by the role it signs in
-- with (stations.db_role). Stations that joined before this migration have none until their next push
-- claims it (drizzle-kit cannot express policies, triggers or functions: this migration is hand-written).
UPDATE "stations" SET "db_role" = NULL;--> statement-breakpoint
CREATE SEQUENCE "operators_change_seq";--> statement-breakpoint
CREATE FUNCTION dockside_own_station(station uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM stations WHERE id = station AND db_role = current_user)
$$;--> statement-breakpoint
ALTER TABLE "stations" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY stations_read ON "stations" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY stations_join ON "stations" FOR INSERT WITH CHECK ("db_role" = current_user);--> statement-breakpoint
CREATE POLICY stations_own ON "stations" FOR UPDATE USING ("db_role" = current_user OR "db_role" IS NULL) WITH CHECK ("db_role" = current_user);--> statement-breakpoint
ALTER TABLE "batch_states" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY batch_states_read ON "batch_states" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY batch_states_insert ON "batch_states" FOR INSERT WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
CREATE POLICY batch_states_update ON "batch_states" FOR UPDATE USING (dockside_own_station("station_id")) WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
ALTER TABLE "operators" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY operators_read ON "operators" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY operators_insert ON "operators" FOR INSERT WITH CHECK (dockside_own_station("updated_by_station"));--> statement-breakpoint
CREATE POLICY operators_update ON "operators" FOR UPDATE USING (true) WITH CHECK (dockside_own_station("updated_by_station"));--> statement-breakpoint
ALTER TABLE "operator_lockouts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY operator_lockouts_read ON "operator_lockouts" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY operator_lockouts_insert ON "operator_lockouts" FOR INSERT WITH CHECK (dockside_own_station("updated_by_station"));--> statement-breakpoint
CREATE POLICY operator_lockouts_update ON "operator_lockouts" FOR UPDATE USING (true) WITH CHECK (dockside_own_station("updated_by_station"));--> statement-breakpoint
ALTER TABLE "pin_failures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY pin_failures_read ON "pin_failures" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY pin_failures_insert ON "pin_failures" FOR INSERT WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
ALTER TABLE "audit_anchors" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY audit_anchors_read ON "audit_anchors" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY audit_anchors_insert ON "audit_anchors" FOR INSERT WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
CREATE POLICY audit_anchors_update ON "audit_anchors" FOR UPDATE USING (dockside_own_station("station_id")) WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
ALTER TABLE "identities" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY identities_read ON "identities" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY identities_claim ON "identities" FOR INSERT WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
CREATE POLICY identities_release ON "identities" FOR UPDATE USING (dockside_own_station("station_id")) WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
ALTER TABLE "pushes" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY pushes_read ON "pushes" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY pushes_insert ON "pushes" FOR INSERT WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
ALTER TABLE "releases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY releases_read ON "releases" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY releases_insert ON "releases" FOR INSERT WITH CHECK (EXISTS (SELECT 1 FROM identities i WHERE i.id = "identity_id" AND dockside_own_station(i.station_id)));--> statement-breakpoint
-- A lease another station let expire may be taken over (the statement's own WHERE decides when), but
-- only ever for oneself.
ALTER TABLE "upload_leases" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY upload_leases_read ON "upload_leases" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY upload_leases_take ON "upload_leases" FOR INSERT WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
CREATE POLICY upload_leases_hold ON "upload_leases" FOR UPDATE USING (true) WITH CHECK (dockside_own_station("station_id"));--> statement-breakpoint
-- Whatever a station's role sends, its anchor only moves forward, and a flagged mismatch stays until the
-- hub owner (or a member of the owner's role) has looked into it and cleared it.
CREATE FUNCTION audit_anchor_moves_forward() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'USAGE') THEN
    RETURN NEW;
  END IF;
  IF OLD.mismatch IS NOT NULL AND (NEW.mismatch IS DISTINCT FROM OLD.mismatch OR NEW.last_id <> OLD.last_id OR NEW.last_hash <> OLD.last_hash) THEN
    RAISE EXCEPTION 'the audit anchor of station % is flagged as not matching: only the hub owner clears it', OLD.station_id USING ERRCODE = '42501';
  END IF;
  IF NEW.last_id < OLD.last_id OR (NEW.last_id = OLD.last_id AND NEW.last_hash <> OLD.last_hash) THEN
    RAISE EXCEPTION 'the audit anchor of station % only moves forward', OLD.station_id USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_anchors_forward BEFORE UPDATE ON "audit_anchors" FOR EACH ROW EXECUTE FUNCTION audit_anchor_moves_forward();
--> statement-breakpoint
-- A request is sent in the sender's name only, and answered only by the station it is addressed to.
ALTER TABLE "batch_requests" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY batch_requests_read ON "batch_requests" FOR SELECT USING (true);--> statement-breakpoint
CREATE POLICY batch_requests_send ON "batch_requests" FOR INSERT WITH CHECK (dockside_own_station("from_station_id"));--> statement-breakpoint
CREATE POLICY batch_requests_answer ON "batch_requests" FOR UPDATE USING (dockside_own_station("to_station_id")) WITH CHECK (dockside_own_station("to_station_id"));
