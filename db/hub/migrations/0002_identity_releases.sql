CREATE TABLE "releases" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"identity_id" bigint NOT NULL,
	"released_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "releases_identity_id_unique" UNIQUE("identity_id")
);
--> statement-breakpoint
DROP INDEX "identities_pkid";--> statement-breakpoint
DROP INDEX "identities_hash";--> statement-breakpoint
DROP INDEX "identities_tuple";--> statement-breakpoint
ALTER TABLE "identities" ADD COLUMN "released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "releases" ADD CONSTRAINT "releases_identity_id_identities_id_fk" FOREIGN KEY ("identity_id") REFERENCES "public"."identities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "identities_pkid_held" ON "identities" USING btree ("pkid") WHERE "identities"."kind" = 'pkid' and "identities"."released_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "identities_hash_held" ON "identities" USING btree ("hardware_hash_sha256") WHERE "identities"."kind" = 'hash' and "identities"."released_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "identities_tuple_held" ON "identities" USING btree ("serial","manufacturer","model") WHERE "identities"."kind" = 'tuple' and "identities"."released_at" is null;