CREATE TABLE "audit_anchors" (
	"station_id" uuid PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL,
	"anchored_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mismatch" text,
	"mismatch_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "operators" (
	"name_key" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"role" text NOT NULL,
	"pin_hash" text NOT NULL,
	"active" boolean NOT NULL,
	"change_id" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_station" uuid NOT NULL,
	CONSTRAINT "operators_role_check" CHECK ("operators"."role" in ('operator', 'lead', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "operator_lockouts" (
	"name_key" text PRIMARY KEY NOT NULL,
	"attempts" integer NOT NULL,
	"lockouts" integer NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_station" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "pin_failures" (
	"station_id" uuid NOT NULL,
	"station_seq" bigint NOT NULL,
	"name_key" text NOT NULL,
	"failed_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pin_failures_station_id_station_seq_pk" PRIMARY KEY("station_id","station_seq")
);
--> statement-breakpoint
ALTER TABLE "stations" ADD COLUMN "db_role" text DEFAULT current_user;--> statement-breakpoint
ALTER TABLE "audit_anchors" ADD CONSTRAINT "audit_anchors_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operators" ADD CONSTRAINT "operators_updated_by_station_stations_id_fk" FOREIGN KEY ("updated_by_station") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operator_lockouts" ADD CONSTRAINT "operator_lockouts_updated_by_station_stations_id_fk" FOREIGN KEY ("updated_by_station") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pin_failures" ADD CONSTRAINT "pin_failures_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "operators_change_id" ON "operators" USING btree ("change_id");