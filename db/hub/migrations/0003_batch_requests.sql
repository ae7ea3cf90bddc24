CREATE TABLE "batch_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"from_station_id" uuid NOT NULL,
	"from_seq" bigint NOT NULL,
	"to_station_id" uuid NOT NULL,
	"batch_name" text NOT NULL,
	"action" text NOT NULL,
	"customer_tenant_id" text,
	"requested_by" text NOT NULL,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"outcome" text,
	"reason" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "batch_requests_action_check" CHECK ("batch_requests"."action" in ('approve', 'reopen')),
	CONSTRAINT "batch_requests_outcome_check" CHECK ("batch_requests"."outcome" is null or "batch_requests"."outcome" in ('done', 'refused')),
	CONSTRAINT "batch_requests_customer_check" CHECK ("batch_requests"."action" <> 'approve' or "batch_requests"."customer_tenant_id" is not null)
);
--> statement-breakpoint
ALTER TABLE "batch_states" ADD COLUMN "created_by" text;--> statement-breakpoint
ALTER TABLE "batch_states" ADD COLUMN "created_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "batch_requests" ADD CONSTRAINT "batch_requests_from_station_id_stations_id_fk" FOREIGN KEY ("from_station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "batch_requests" ADD CONSTRAINT "batch_requests_to_station_id_stations_id_fk" FOREIGN KEY ("to_station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "batch_requests_sender_seq" ON "batch_requests" USING btree ("from_station_id","from_seq");--> statement-breakpoint
CREATE INDEX "batch_requests_waiting" ON "batch_requests" USING btree ("to_station_id","id") WHERE "batch_requests"."outcome" is null;