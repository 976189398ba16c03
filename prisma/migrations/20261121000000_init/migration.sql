-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('intake', 'drafted', 'in_review', 'approved', 'returned', 'matching', 'introduced', 'hired', 'following_up', 'closed');

-- CreateEnum
CREATE TYPE "MemberRole" AS ENUM ('advisor', 'coordinator');

-- CreateEnum
CREATE TYPE "MessageDirection" AS ENUM ('inbound', 'outbound');

-- CreateEnum
CREATE TYPE "MessageState" AS ENUM ('received', 'processed', 'rejected', 'failed');

-- CreateTable
CREATE TABLE "organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member" (
    "id" TEXT NOT NULL,
    "organisation_id" TEXT NOT NULL,
    "role" "MemberRole" NOT NULL,
    "display_name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "member_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "member_identity" (
    "channel" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "member_id" TEXT NOT NULL,

    CONSTRAINT "member_identity_pkey" PRIMARY KEY ("channel","external_id")
);

-- CreateTable
CREATE TABLE "company" (
    "id" TEXT NOT NULL,
    "name" TEXT,
    "industry" TEXT,
    "prefecture" TEXT,
    "employees" INTEGER,
    "description" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "owner" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "display_name" TEXT,
    "company_id" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "owner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case" (
    "id" TEXT NOT NULL,
    "owner_id" TEXT NOT NULL,
    "company_id" TEXT NOT NULL,
    "organisation_id" TEXT,
    "status" "CaseStatus" NOT NULL DEFAULT 'intake',
    "dialogue" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "step1_finding" (
    "case_id" TEXT NOT NULL,
    "vision" TEXT,
    "issues" JSONB NOT NULL DEFAULT '[]',
    "talent_issues" JSONB NOT NULL DEFAULT '[]',
    "confirmed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "step1_finding_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "step2_strategy" (
    "case_id" TEXT NOT NULL,
    "direction" TEXT,
    "confirmed_at" TIMESTAMP(3),
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "step2_strategy_pkey" PRIMARY KEY ("case_id")
);

-- CreateTable
CREATE TABLE "job_spec_draft" (
    "id" TEXT NOT NULL,
    "case_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "spec" JSONB NOT NULL,
    "source" TEXT NOT NULL,
    "created_by" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "job_spec_draft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "message_log" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "direction" "MessageDirection" NOT NULL,
    "sender_id" TEXT,
    "case_id" TEXT,
    "kind" TEXT NOT NULL,
    "text" TEXT,
    "state" "MessageState" NOT NULL DEFAULT 'received',
    "error" TEXT,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processed_at" TIMESTAMP(3),

    CONSTRAINT "message_log_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" TEXT NOT NULL,
    "case_id" TEXT,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "channel" TEXT,
    "action" TEXT NOT NULL,
    "from_status" TEXT,
    "to_status" TEXT,
    "detail" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "owner_channel_external_id_key" ON "owner"("channel", "external_id");

-- CreateIndex
CREATE INDEX "case_owner_id_status_idx" ON "case"("owner_id", "status");

-- CreateIndex
CREATE INDEX "case_status_updated_at_idx" ON "case"("status", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "job_spec_draft_case_id_version_key" ON "job_spec_draft"("case_id", "version");

-- CreateIndex
CREATE INDEX "message_log_case_id_received_at_idx" ON "message_log"("case_id", "received_at");

-- CreateIndex
CREATE INDEX "message_log_state_idx" ON "message_log"("state");

-- CreateIndex
CREATE UNIQUE INDEX "message_log_channel_event_id_key" ON "message_log"("channel", "event_id");

-- CreateIndex
CREATE INDEX "audit_event_case_id_created_at_idx" ON "audit_event"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "audit_event_action_created_at_idx" ON "audit_event"("action", "created_at");

-- AddForeignKey
ALTER TABLE "member" ADD CONSTRAINT "member_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "member_identity" ADD CONSTRAINT "member_identity_member_id_fkey" FOREIGN KEY ("member_id") REFERENCES "member"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "owner" ADD CONSTRAINT "owner_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "owner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_company_id_fkey" FOREIGN KEY ("company_id") REFERENCES "company"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case" ADD CONSTRAINT "case_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step1_finding" ADD CONSTRAINT "step1_finding_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step2_strategy" ADD CONSTRAINT "step2_strategy_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "job_spec_draft" ADD CONSTRAINT "job_spec_draft_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_log" ADD CONSTRAINT "message_log_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

