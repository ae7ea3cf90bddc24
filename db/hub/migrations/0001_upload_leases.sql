CREATE TABLE "upload_leases" (
	"customer_tenant_id" text PRIMARY KEY NOT NULL,
	"station_id" uuid NOT NULL,
	"epoch" bigint NOT NULL,
	"acquired_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "upload_leases" ADD CONSTRAINT "upload_leases_station_id_stations_id_fk" FOREIGN KEY ("station_id") REFERENCES "public"."stations"("id") ON DELETE no action ON UPDATE no action;