CREATE TABLE "batch_states" (
	"station_id" uuid NOT NULL,
	"batch_name" text NOT NULL,
	"state" text NOT NULL,
	"devices" bigint NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "batch_states_station_id_batch_name_pk" PRIMARY KEY("station_id","batch_name")
);
--> statement-breakpoint
CREATE TABLE "identities" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"pkid" text,
	"serial" text,
	"manufacturer" text,
	"model" text,
	"hardware_hash_sha256" text,
	"station_id" uuid NOT NULL,
	"station_seq" bigint NOT NULL,
	"batch_name" text NOT NULL,
	"operator_name" text NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "identities_kind_check" CHECK (("identities"."kind" = 'pkid' and "identities"."pkid" is not null) or ("identities"."kind" = 'hash' and "identities"."hardware_hash_sha256" is not null) or ("identities"."kind" = 'tuple' and "identities"."serial" is not null and "identities"."manufacturer" is not null and "identities"."model" is not null))
);
--> statement-breakpoint
CREATE TABLE "pushes" (
	"station_id" uuid NOT NULL,
	"station_seq" bigint NOT NULL,
	"verdict" text NOT NULL,
	"identity_id" bigint NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pushes_station_id_station_seq_pk" PRIMARY KEY("station_id","station_seq"),
	CONSTRAINT "pushes_verdict_check" CHECK ("pushes"."verdict" in ('kept', 'duplicate'))
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_push" timestamp with time zone,
	"last_pull" timestamp with time zone,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "batch_states" ADD CONSTRAINT "batch_states_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identities" ADD CONSTRAINT "identities_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pushes" ADD CONSTRAINT "pushes_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pushes" ADD CONSTRAINT "pushes_identity_id_identities_id_fk" FOREIGN KEY ("identity_id") REFERENCES "public"."identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identities_pkid" ON "identities" USING btree ("pkid") WHERE "identities"."kind" = 'pkid';--> statement-breakpoint
CREATE UNIQUE INDEX "identities_hash" ON "identities" USING btree ("hardware_hash_sha256") WHERE "identities"."kind" = 'hash';--> statement-breakpoint
CREATE UNIQUE INDEX "identities_tuple" ON "identities" USING btree ("serial","manufacturer","model") WHERE "identities"."kind" = 'tuple';--> statement-breakpoint
CREATE INDEX "identities_station" ON "identities" USING btree ("station_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "stations_name" ON "stations" USING btree (lower("name"));